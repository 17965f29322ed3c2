package org.dangan.workflow.handover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.document.DocumentQueries;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.storage.StorageAdministration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Takes the inventory of an institution's archive from the database as it stands. */
@Component
@Transactional(readOnly = true)
class Inventories {

    private final NamedParameterJdbcTemplate jdbc;
    private final StorageAdministration storage;
    private final RecordBatches records;
    private final DocumentQueries documents;

    Inventories(
            NamedParameterJdbcTemplate jdbc,
            StorageAdministration storage,
            RecordBatches records,
            DocumentQueries documents) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.records = records;
        this.documents = documents;
    }

    Inventory take(long institutionId) {
        MapSqlParameterSource of = new MapSqlParameterSource("institution", institutionId);
        MessageDigest digest = sha256();
        List<String> recordNumbers = records.recordNumbers(institutionId);
        recordNumbers.forEach(r -> line(digest, "RECORD", r));

        record Box(long id, String barcode, int position, long location) {}
        Map<Long, Box> boxes = new LinkedHashMap<>();
        jdbc.query(
                "select id, barcode, position, location_id from box where institution_id = :institution order by barcode",
                of,
                (ResultSet rs) -> {
                    boxes.put(rs.getLong(1), new Box(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
                });
        Map<Long, List<Inventory.FileEntry>> filesByBox = new LinkedHashMap<>();
        List<Inventory.FileEntry> unboxed = new ArrayList<>();
        int[] files = {0};
        int[] pages = {0};
        for (RecordBatches.InventoryFile f : records.undisposedPaperFiles(institutionId)) {
            Inventory.FileEntry file = new Inventory.FileEntry(
                    f.fileNumber(), f.recordNumber(), f.pageCount(), f.state().name());
            Long box = f.boxId();
            String barcode =
                    box == null || !boxes.containsKey(box) ? "" : boxes.get(box).barcode();
            line(
                    digest,
                    "FILE",
                    file.fileNumber(),
                    file.recordNumber(),
                    Integer.toString(file.pages()),
                    file.state(),
                    barcode);
            files[0]++;
            pages[0] += file.pages();
            if (barcode.isEmpty()) {
                unboxed.add(file);
            } else {
                filesByBox.computeIfAbsent(box, k -> new ArrayList<>()).add(file);
            }
        }
        Map<Long, String> places = new HashMap<>();
        List<Inventory.BoxEntry> boxEntries = new ArrayList<>();
        for (Box box : boxes.values()) {
            String place = places.computeIfAbsent(box.location(), storage::placeOf);
            line(digest, "BOX", box.barcode(), place, Integer.toString(box.position()));
            boxEntries.add(new Inventory.BoxEntry(
                    box.barcode(), place, box.position(), List.copyOf(filesByBox.getOrDefault(box.id(), List.of()))));
        }
        List<DocumentQueries.Fingerprint> fingerprints = documents.fingerprints(institutionId);
        fingerprints.forEach(d -> line(
                digest,
                "DOCUMENT",
                Long.toString(d.id()),
                d.state(),
                d.originalSha256(),
                d.pdfSha256() == null ? "" : d.pdfSha256()));
        return new Inventory(
                recordNumbers.size(),
                files[0],
                pages[0],
                fingerprints.size(),
                boxEntries,
                unboxed,
                HexFormat.of().formatHex(digest.digest()));
    }

    private static void line(MessageDigest digest, String... fields) {
        digest.update((String.join("\t", fields) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
