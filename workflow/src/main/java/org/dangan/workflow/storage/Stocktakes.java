package org.dangan.workflow.storage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dangan.pdf.PrintedSheet;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.PdfFont;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk moves and stocktakes by scanning, as an archivist does with a hand scanner: scan a shelf,
 * then boxes, and they move there; or scan every box in a room, and the scan is reconciled against
 * the ledger. A box the ledger places elsewhere is moved here in the ledger (a correction naming
 * the stocktake); a box the ledger places here and nobody scanned is missing; a barcode the
 * register does not know is unexpected. The result is kept, item by item, and printed.
 */
@Service
@Transactional
public class Stocktakes {

    static final int MAX_SCANS = 20_000;

    /** Printable ASCII without spaces, as long as the stocktake's column takes. */
    private static final Pattern SCANNABLE = Pattern.compile("[\\x21-\\x7E]{1,40}");

    public enum Outcome {
        FOUND,
        MISPLACED,
        MISSING,
        UNEXPECTED
    }

    public record Item(String barcode, Outcome outcome, String ledgerPlace) {}

    public record Result(long id, String room, int expected, List<Item> items) {}

    private final StorageAdministration storage;
    private final BoxRepository boxes;
    private final CustodyLedger ledger;
    private final Institutions institutions;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final PdfFont font;
    private final UserAccounts users;
    private final Clock clock;

    Stocktakes(
            StorageAdministration storage,
            BoxRepository boxes,
            CustodyLedger ledger,
            Institutions institutions,
            NamedParameterJdbcTemplate jdbc,
            AuditLog auditLog,
            PdfFont font,
            UserAccounts users,
            Clock clock) {
        this.storage = storage;
        this.boxes = boxes;
        this.ledger = ledger;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.font = font;
        this.users = users;
        this.clock = clock;
    }

    /** Moves the scanned boxes to the scanned shelf or cabinet, all or none. */
    public int move(long locationId, List<String> barcodes) {
        StorageLocation target = ownLocation(locationId);
        if (!target.holdsBoxes()) {
            throw Refused.invalid("box.notOnShelf", target.getType());
        }
        Set<String> scanned = scanned(barcodes);
        for (String barcode : scanned) {
            Box box = boxes.findByBarcode(barcode)
                    .filter(b -> b.getInstitutionId().equals(target.getInstitutionId()))
                    .orElseThrow(() -> Refused.invalid("stocktake.noBox", barcode));
            storage.moveBox(box.getBarcode().value(), target, "scanned to " + target.getName());
        }
        return scanned.size();
    }

    /** Reconciles the boxes scanned in a room with what the ledger says stands there. */
    public Result take(long roomId, List<String> barcodes) {
        DanganUser user = archivist();
        StorageLocation room = ownLocation(roomId);
        if (room.getType() != LocationType.ROOM) {
            throw Refused.invalid("stocktake.roomOnly", room.getType());
        }
        String roomPlace = storage.place(room);
        StorageLocation landing = storage.within(room).stream()
                .filter(StorageLocation::holdsBoxes)
                .findFirst()
                .orElseThrow(() -> Refused.invalid("stocktake.noShelf", room.getName()));
        Set<String> scanned = scanned(barcodes);
        List<Item> items = new ArrayList<>();
        List<Box> ofInstitution = boxes.findByInstitutionIdOrderByBarcode(room.getInstitutionId());
        int expected = 0;
        for (Box box : ofInstitution) {
            String place = ledger.currentPlace(
                            CustodySubject.BOX, box.getBarcode().value())
                    .orElse(null);
            boolean here = place != null && (place.equals(roomPlace) || place.startsWith(roomPlace + " / "));
            boolean seen = scanned.remove(box.getBarcode().value());
            if (here) {
                expected++;
                items.add(new Item(box.getBarcode().value(), seen ? Outcome.FOUND : Outcome.MISSING, place));
            } else if (seen) {
                items.add(new Item(box.getBarcode().value(), Outcome.MISPLACED, place));
            }
        }
        scanned.forEach(unknown -> items.add(new Item(unknown, Outcome.UNEXPECTED, null)));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into stocktake (location_id, institution_id, taken_by, taken_at) values (:room, :institution,"
                        + " :by, :at)",
                new MapSqlParameterSource("room", roomId)
                        .addValue("institution", room.getInstitutionId())
                        .addValue("by", user.getUsername())
                        .addValue("at", Timestamp.from(clock.instant())),
                key,
                new String[] {"id"});
        long id = key.getKey().longValue();
        for (Item item : items) {
            jdbc.update(
                    "insert into stocktake_item (stocktake_id, barcode, outcome, ledger_place) values (:id, :barcode,"
                            + " :outcome, :place)",
                    new MapSqlParameterSource("id", id)
                            .addValue("barcode", item.barcode())
                            .addValue("outcome", item.outcome().name())
                            .addValue("place", item.ledgerPlace()));
            if (item.outcome() == Outcome.MISPLACED) {
                storage.moveBox(item.barcode(), landing, "stocktake " + id + ": found in " + roomPlace);
            }
        }
        auditLog.record(
                AuditAction.STOCKTAKE,
                "LOCATION",
                Long.toString(roomId),
                room.getInstitutionId(),
                "stocktake " + id + ": " + items.size() + " items");
        return new Result(id, roomPlace, expected, items);
    }

    public byte[] report(long id) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        List<Object[]> head = jdbc.query(
                "select location_id, institution_id, taken_by, taken_at from stocktake where id = :id",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()
                });
        if (head.isEmpty() || !institutions.currentScope().includes((Long) head.get(0)[1])) {
            throw Refused.invalid("stocktake.notFound", id);
        }
        List<List<String>> rows = jdbc.query(
                "select barcode, outcome, ledger_place from stocktake_item where stocktake_id = :id"
                        + " order by outcome, barcode",
                new MapSqlParameterSource("id", id),
                (rs, n) -> List.of(
                        Integer.toString(n + 1),
                        rs.getString(1),
                        font.name(Outcome.class, rs.getString(2)),
                        rs.getString(3) == null ? "" : rs.getString(3)));
        String takenBy = (String) head.get(0)[2];
        try (PrintedSheet sheet = font.sheet()) {
            sheet.title("盘点报告 Stocktake " + id)
                    .line(storage.place(storage.location((Long) head.get(0)[0]).orElseThrow()))
                    .line("盘点人 By: " + users.displayNames(List.of(takenBy)).getOrDefault(takenBy, takenBy) + " · "
                            + ChinaTime.minute((Instant) head.get(0)[3]))
                    .line("错位的盒子已按此次盘点更正台账；缺失的盒子请查找后再次盘点。")
                    .gap()
                    .table(List.of("#", "盒号 Box", "结果 Outcome", "台账位置 Ledger place"), new float[] {0.5f, 2, 2, 5}, rows)
                    .gap()
                    .signatureLines(List.of("盘点人 Counted by", "复核人 Checked by"));
            return sheet.toBytes();
        }
    }

    private StorageLocation ownLocation(long id) {
        archivist();
        return storage.location(id)
                .filter(l -> institutions.currentScope().includes(l.getInstitutionId()))
                .orElseThrow(() -> Refused.invalid("location.notFound", id));
    }

    private static DanganUser archivist() {
        DanganUser user = CurrentUser.require();
        if (!user.is(Role.ARCHIVIST)) {
            throw Refused.forbidden("stocktake.archivistsOnly");
        }
        return user;
    }

    /**
     * The distinct barcodes a scanner sent; a scanner's empty reads (blank or null) are not boxes.
     * A room holds a few thousand boxes, so a list far past that is not a scan.
     */
    private static Set<String> scanned(List<String> barcodes) {
        if (barcodes != null && barcodes.size() > MAX_SCANS) {
            throw Refused.invalid("stocktake.tooManyScans", MAX_SCANS);
        }
        Set<String> set = new LinkedHashSet<>();
        if (barcodes != null) {
            for (int i = 0; i < barcodes.size(); i++) {
                String barcode = barcodes.get(i) == null ? "" : barcodes.get(i).strip();
                if (barcode.isEmpty()) {
                    continue;
                }
                // what a scanner reads from a label: printed on the report and stored as it came
                if (!SCANNABLE.matcher(barcode).matches()) {
                    throw Refused.invalid("stocktake.unreadableBarcode", i + 1);
                }
                set.add(barcode);
            }
        }
        if (set.isEmpty()) {
            throw Refused.invalid("stocktake.scanRequired");
        }
        return set;
    }
}
