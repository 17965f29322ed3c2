package org.dangan.workflow.handover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    Inventories(NamedParameterJdbcTemplate jdbc, StorageAdministration storage) {
        this.jdbc = jdbc;
        this.storage = storage;
    }

    Inventory take(long institutionId) {
        MapSqlParameterSource of = new MapSqlParameterSource("institution", institutionId);
        MessageDigest digest = sha256();
        List<String> records = jdbc.queryForList("select record_number from health_record where institution_id = :institution"
                + " order by record_number", of, String.class);
        records.forEach(r -> line(digest, "RECORD", r));

        record Box(long id, String barcode, int position, long location) {
        }
        Map<Long, Box> boxes = new LinkedHashMap<>();
        jdbc.query("select id, barcode, position, location_id from box where institution_id = :institution order by barcode",
                of, (java.sql.ResultSet rs) -> {
                    boxes.put(rs.getLong(1), new Box(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
                });
        Map<Long, List<Inventory.FileEntry>> filesByBox = new LinkedHashMap<>();
        List<Inventory.FileEntry> unboxed = new ArrayList<>();
        int[] files = {0};
        int[] pages = {0};
        jdbc.query("""
                select f.file_number, r.record_number, f.page_count, f.state, f.box_id from paper_file f
                join health_record r on r.id = f.record_id
                where r.institution_id = :institution and f.state <> 'DISPOSED' order by f.file_number""", of,
                (java.sql.ResultSet rs) -> {
                    Inventory.FileEntry file = new Inventory.FileEntry(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getString(4));
                    Long box = rs.getObject(5) == null ? null : rs.getLong(5);
                    String barcode = box == null || !boxes.containsKey(box) ? "" : boxes.get(box).barcode();
                    line(digest, "FILE", file.fileNumber(), file.recordNumber(), Integer.toString(file.pages()),
                            file.state(), barcode);
                    files[0]++;
                    pages[0] += file.pages();
                    if (barcode.isEmpty()) {
                        unboxed.add(file);
                    } else {
                        filesByBox.computeIfAbsent(box, k -> new ArrayList<>()).add(file);
                    }
                });
        Map<Long, String> places = new java.util.HashMap<>();
        List<Inventory.BoxEntry> boxEntries = new ArrayList<>();
        for (Box box : boxes.values()) {
            String place = places.computeIfAbsent(box.location(), storage::placeOf);
            line(digest, "BOX", box.barcode(), place, Integer.toString(box.position()));
            boxEntries.add(new Inventory.BoxEntry(box.barcode(), place, box.position(),
                    List.copyOf(filesByBox.getOrDefault(box.id(), List.of()))));
        }
        int[] documents = {0};
        jdbc.query("select id, state, original_sha256, pdf_sha256 from scanned_document where institution_id = :institution"
                + " order by id", of, (java.sql.ResultSet rs) -> {
                    documents[0]++;
                    line(digest, "DOCUMENT", rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? "" : rs.getString(4));
                });
        return new Inventory(records.size(), files[0], pages[0], documents[0], boxEntries, unboxed,
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
