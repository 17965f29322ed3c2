package org.dangan.workflow.storage;

import java.util.ArrayList;
import java.util.List;
import org.dangan.pdf.Labels;
import org.dangan.pdf.PrintedSheet;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.PdfFont;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.security.Role;
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
    private final StorageAdministration administration;
    private final Institutions institutions;
    private final BoxContents contents;
    private final AuditLog auditLog;
    private final PdfFont font;

    Labelling(
            BoxRepository boxes,
            StorageLocationRepository locations,
            StorageAdministration administration,
            Institutions institutions,
            BoxContents contents,
            AuditLog auditLog,
            PdfFont font) {
        this.boxes = boxes;
        this.locations = locations;
        this.administration = administration;
        this.institutions = institutions;
        this.contents = contents;
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
        StorageLocation location = locations
                .findById(locationId)
                .filter(l -> institutions.currentScope().includes(l.getInstitutionId()))
                .orElseThrow(() -> Refused.notFound("location.notFound", locationId));
        List<Labels.Label> labels = new ArrayList<>(List.of(new Labels.Label(
                StorageLocation.labelCode(location.getId()),
                List.of(StorageLocation.labelCode(location.getId()), administration.place(location)))));
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
            BoxContents.File file = contents.file(fileNumber.strip())
                    .filter(f -> scope.includes(f.institutionId()))
                    .orElseThrow(() -> Refused.notFound("labels.fileMissing", fileNumber.strip()));
            labels.add(new Labels.Label(
                    file.fileNumber(),
                    List.of(
                            file.fileNumber(),
                            file.name() + "  " + file.pages() + " 页",
                            "档案编号 " + file.recordNumber())));
        }
        auditLog.record(
                AuditAction.LABELS_PRINTED, "PAPER_FILE", null, scope.root().getId(), labels.size() + " file labels");
        return font.labels(labels, layout, "纸质档案标签 File labels");
    }

    /** The contents sheet laid into a box: its files with their records, residents and pages, and signature lines. */
    public byte[] boxContents(String barcode) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        Box box = box(barcode);
        List<BoxContents.File> files = contents.filesIn(box.getId());
        List<List<String>> rows = new ArrayList<>();
        for (BoxContents.File f : files) {
            rows.add(List.of(
                    Integer.toString(rows.size() + 1),
                    f.fileNumber(),
                    f.recordNumber(),
                    f.name(),
                    Integer.toString(f.pages()),
                    font.name(f.state())));
        }
        auditLog.record(
                AuditAction.LABELS_PRINTED,
                "BOX",
                box.getBarcode().value(),
                box.getInstitutionId(),
                "contents sheet, " + rows.size() + " files");
        try (PrintedSheet sheet = font.sheet()) {
            sheet.title("档案盒内目录 Box contents · " + box.getBarcode().value())
                    .line(placeWithInstitution(box))
                    .line(rows.size() + " 份 / " + box.getCapacity() + " files")
                    .gap()
                    .table(
                            List.of("#", "纸质档案号 File", "档案编号 Record", "姓名 Name", "页数 Pages", "状态 State"),
                            new float[] {0.5f, 3, 2.6f, 1.4f, 1, 1.6f},
                            rows)
                    .gap()
                    .signatureLines(List.of("装盒人 Packed by", "核对人 Checked by"));
            return sheet.toBytes();
        }
    }

    private Labels.Label boxLabel(Box box) {
        return new Labels.Label(
                box.getBarcode().value(),
                List.of(
                        box.getBarcode().value(),
                        institutions.require(box.getInstitutionId()).getName(),
                        administration.place(
                                locations.findById(box.getLocationId()).orElseThrow()),
                        "第" + box.getPosition() + "位"));
    }

    /** The institution and the box's place, the institution once where the site is named after it. */
    private String placeWithInstitution(Box box) {
        String institution = institutions.require(box.getInstitutionId()).getName();
        String place = placeOf(box);
        return place.startsWith(institution + " / ") ? place : institution + " · " + place;
    }

    /** Its shelf and its position there: 甲镇卫生院 / 档案室 / 1号架 · 第3位. */
    private String placeOf(Box box) {
        return administration.place(locations.findById(box.getLocationId()).orElseThrow()) + " · 第" + box.getPosition()
                + "位";
    }

    private Box box(String barcode) {
        Box box = boxes.findByBarcode(barcode == null ? "" : barcode.strip())
                .orElseThrow(() -> Refused.notFound("labels.boxMissing", Refused.echo(barcode)));
        if (!institutions.currentScope().includes(box.getInstitutionId())) {
            throw Refused.notFound("labels.boxMissing", Refused.echo(barcode));
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
