package org.dangan.workflow.storage;

import org.dangan.workflow.platform.Refused;
import java.util.ArrayList;
import java.util.List;
import org.dangan.pdf.Labels;
import org.dangan.pdf.PrintedSheet;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is printed for the paper in custody: label sheets for boxes and paper files (QR code and
 * Code 128 of the barcode or file number) and a box's contents sheet, for the user's institutions
 * only. A file label and a contents sheet name residents, so printing them is audited.
 */
@Service
@Transactional
public class Labelling {

    private final BoxRepository boxes;
    private final StorageLocationRepository locations;
    private final RegistryAdministration administration;
    private final Institutions institutions;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final org.dangan.workflow.platform.PdfFont font;

    Labelling(BoxRepository boxes, StorageLocationRepository locations, RegistryAdministration administration,
              Institutions institutions, NamedParameterJdbcTemplate jdbc, AuditLog auditLog,
              org.dangan.workflow.platform.PdfFont font) {
        this.boxes = boxes;
        this.locations = locations;
        this.administration = administration;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.font = font;
    }

    public byte[] boxLabels(List<String> barcodes, Labels.Layout layout) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        List<Labels.Label> labels = new ArrayList<>();
        for (String barcode : required(barcodes, "barcode")) {
            labels.add(boxLabel(box(barcode)));
        }
        return font.labels(labels, layout, "档案盒标签 Box labels");
    }

    /**
     * A shelf's or cabinet's label ("L" and its number, which a scan-to-move reads as the target)
     * followed by the labels of the boxes on it, on one sheet.
     */
    public byte[] shelfLabels(long locationId) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        StorageLocation location = locations.findById(locationId)
                .filter(l -> institutions.currentScope().includes(l.getInstitutionId()))
                .orElseThrow(() -> Refused.notFound("location.notFound", locationId));
        List<Labels.Label> labels = new ArrayList<>(List.of(new Labels.Label("L" + location.getId(),
                List.of("L" + location.getId(), administration.place(location)))));
        for (Box box : boxes.findByInstitutionIdOrderByBarcode(location.getInstitutionId())) {
            if (box.getLocationId().equals(locationId)) {
                labels.add(boxLabel(box));
            }
        }
        return font.labels(labels, Labels.Layout.A4_24, "档案架标签 Shelf labels · L" + location.getId());
    }

    public byte[] fileLabels(List<String> fileNumbers, Labels.Layout layout) {
        // a file's label carries the resident's name: printed by those who keep the paper
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        InstitutionScope scope = institutions.currentScope();
        List<Labels.Label> labels = new ArrayList<>();
        for (String fileNumber : required(fileNumbers, "fileNumber")) {
            List<Labels.Label> found = jdbc.query("""
                    select f.file_number, r.record_number, r.name, f.page_count, r.institution_id from paper_file f
                    join health_record r on r.id = f.record_id where f.file_number = :file""",
                    new MapSqlParameterSource("file", fileNumber.strip()), (rs, n) -> scope.includes(rs.getLong(5))
                            ? new Labels.Label(rs.getString(1), List.of(rs.getString(1), rs.getString(3) + "  "
                            + rs.getInt(4) + " 页", "档案编号 " + rs.getString(2))) : null);
            if (found.isEmpty() || found.get(0) == null) {
                throw Refused.notFound("labels.fileMissing", fileNumber.strip());
            }
            labels.add(found.get(0));
        }
        auditLog.record(AuditAction.LABELS_PRINTED, "PAPER_FILE", null, scope.root().getId(), labels.size() + " file labels");
        return font.labels(labels, layout, "纸质档案标签 File labels");
    }

    /** The contents sheet laid into a box: its files with their records, residents and pages, and signature lines. */
    public byte[] boxContents(String barcode) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        Box box = box(barcode);
        List<List<String>> rows = jdbc.query("""
                select f.file_number, r.record_number, r.name, f.page_count, f.state from paper_file f
                join health_record r on r.id = f.record_id where f.box_id = :box order by f.file_number""",
                new MapSqlParameterSource("box", box.getId()), (rs, n) -> List.of(Integer.toString(n + 1),
                        rs.getString(1), rs.getString(2), rs.getString(3), Integer.toString(rs.getInt(4)),
                        font.name(PaperFileState.class, rs.getString(5))));
        auditLog.record(AuditAction.LABELS_PRINTED, "BOX", box.getBarcode().value(), box.getInstitutionId(),
                "contents sheet, " + rows.size() + " files");
        try (PrintedSheet sheet = font.sheet()) {
            sheet.title("档案盒内目录 Box contents · " + box.getBarcode().value())
                    .line(institutions.require(box.getInstitutionId()).getName() + " · " + placeOf(box))
                    .line(rows.size() + " 份 / " + box.getCapacity() + " files")
                    .gap()
                    .table(List.of("#", "纸质档案号 File", "档案编号 Record", "姓名 Name", "页数 Pages", "状态 State"),
                            new float[] {0.5f, 3, 2.6f, 1.4f, 1, 1.6f}, rows)
                    .gap()
                    .signatureLines(List.of("装盒人 Packed by", "核对人 Checked by"));
            return sheet.toBytes();
        }
    }

    private Labels.Label boxLabel(Box box) {
        return new Labels.Label(box.getBarcode().value(), List.of(box.getBarcode().value(),
                institutions.require(box.getInstitutionId()).getName(),
                administration.place(locations.findById(box.getLocationId()).orElseThrow()), "第" + box.getPosition() + "位"));
    }

    /** Its shelf and its position there: 甲镇卫生院 / 档案室 / 1号架 · 第3位. */
    private String placeOf(Box box) {
        return administration.place(locations.findById(box.getLocationId()).orElseThrow()) + " · 第" + box.getPosition() + "位";
    }

    private Box box(String barcode) {
        Box box = boxes.findByBarcode(barcode == null ? "" : barcode.strip())
                .orElseThrow(() -> Refused.notFound("labels.boxMissing", barcode == null ? "" : barcode.strip()));
        if (!institutions.currentScope().includes(box.getInstitutionId())) {
            throw Refused.notFound("labels.boxMissing", barcode.strip());
        }
        return box;
    }

    private static List<String> required(List<String> values, String name) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(name + ": name at least one");
        }
        return values;
    }
}
