package org.dangan.workflow.handover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.document.DocumentQueries;
import org.dangan.workflow.document.FileStore;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The digital part of a handover as a BagIt bag (RFC 8493), zipped under one top folder: the
 * scanned originals and searchable PDFs, the records, paper files and boxes as JSON, and the
 * giving institution's custody ledger; SHA-256 manifests for the payload and the tag files.
 * Streamed: each file is hashed as it is written, the manifests come last.
 */
@Component
@Transactional
public class ArchiveBag {

    private final Handovers handovers;
    private final Institutions institutions;
    private final NamedParameterJdbcTemplate jdbc;
    private final RecordBatches recordBatches;
    private final DocumentQueries documentQueries;
    private final FileStore files;
    private final CustodyLedger ledger;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    ArchiveBag(
            Handovers handovers,
            Institutions institutions,
            NamedParameterJdbcTemplate jdbc,
            RecordBatches recordBatches,
            DocumentQueries documentQueries,
            FileStore files,
            CustodyLedger ledger,
            AuditLog auditLog,
            Clock clock) {
        this.recordBatches = recordBatches;
        this.documentQueries = documentQueries;
        this.handovers = handovers;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.files = files;
        this.ledger = ledger;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The bag's top folder in the zip. */
    public static String folder(long handoverId) {
        return "handover-" + handoverId;
    }

    /**
     * Refuses a handover out of the user's scope or no longer under way, a user who may not take
     * its bag, and a request without a purpose. The bag is the giving institution's whole archive,
     * restricted documents and whole ID numbers included, as the receiver must have it: so only an
     * administrator, or a user holding both FULL_ID_NUMBER and RESTRICTED_DOCUMENTS over the giving
     * institution, takes it, and says why.
     */
    @Transactional(readOnly = true)
    public void check(long handoverId, String purpose) {
        bagged(handoverId, purpose);
    }

    private Handover bagged(long handoverId, String purpose) {
        Handover h = handovers.visible(handoverId);
        if (h.getState() == HandoverState.TRANSFERRED || h.getState() == HandoverState.RETURNED) {
            throw Refused.of(
                    "bag.handover.over", Long.toString(handoverId), h.getState().name());
        }
        DanganUser user = CurrentUser.require();
        boolean keeper = user.has(Permission.FULL_ID_NUMBER)
                && user.has(Permission.RESTRICTED_DOCUMENTS)
                && institutions.currentScope().includes(h.getFromInstitutionId());
        if (!user.is(Role.ADMIN) && !keeper) {
            throw Refused.forbidden("bag.download.permissions");
        }
        if (purpose == null || purpose.isBlank()) {
            throw Refused.invalid("bag.download.purpose");
        }
        return h;
    }

    public void write(long handoverId, String purpose, OutputStream out) {
        Handover h = bagged(handoverId, purpose);
        Institution from = institutions.require(h.getFromInstitutionId());
        MapSqlParameterSource of = new MapSqlParameterSource("institution", from.getId());
        List<Map<String, Object>> documents = lowerCase(documentQueries.rows(from.getId()));
        int records = recordBatches.recordCount(from.getId());
        long restricted = documents.stream()
                .filter(d -> Boolean.TRUE.equals(d.get("restricted")))
                .count();
        String why = purpose.strip();
        // before the first byte: a download cut short was still a download of what it carried
        auditLog.record(
                AuditAction.BAG_EXPORTED,
                "HANDOVER",
                Long.toString(handoverId),
                from.getId(),
                "bag; purpose: " + (why.length() > 150 ? why.substring(0, 150) : why) + "; records " + records
                        + ", documents " + documents.size() + ", restricted documents " + restricted);
        String top = folder(handoverId) + "/";
        Map<String, String> manifest = new LinkedHashMap<>();
        long[] oxum = {0, 0};
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Payload payload = (path, writer) -> {
                zip.putNextEntry(new ZipEntry(top + path));
                Counting counting = new Counting(zip);
                DigestOutputStream digest = new DigestOutputStream(counting, sha256());
                writer.write(digest);
                digest.flush();
                zip.closeEntry();
                manifest.put(
                        path, HexFormat.of().formatHex(digest.getMessageDigest().digest()));
                if (path.startsWith("data/")) {
                    oxum[0] += counting.count;
                    oxum[1]++;
                }
            };
            payload.write("data/metadata/handover.json", o -> json.writeValue(closeShield(o), handovers.view(h)));
            payload.write(
                    "data/metadata/records.json",
                    o -> json.writeValue(closeShield(o), lowerCase(recordBatches.recordRows(from.getId()))));
            payload.write(
                    "data/metadata/paper-files.json",
                    o -> json.writeValue(closeShield(o), lowerCase(recordBatches.paperFileRows(from.getId()))));
            payload.write(
                    "data/metadata/boxes.json",
                    o -> json.writeValue(
                            closeShield(o),
                            rows(
                                    "select barcode, capacity, position, location_id from box where institution_id = :institution"
                                            + " order by barcode",
                                    of)));
            payload.write(
                    "data/ledger/custody.json",
                    o -> json.writeValue(closeShield(o), lowerCase(ledger.chainRows(from.getId()))));
            payload.write("data/metadata/documents.json", o -> json.writeValue(closeShield(o), documents));
            for (Map<String, Object> d : documents) {
                String folder = "data/documents/" + d.get("id") + "/";
                String original = (String) d.get("original_sha256");
                // an unreadable scan's original is removed from the store once it failed; its row still travels
                if (!"FAILED".equals(d.get("state")) || Files.exists(files.path(original))) {
                    payload.write(
                            folder + "original" + extension((String) d.get("original_name")), o -> copy(original, o));
                }
                if (d.get("pdf_sha256") != null) {
                    String pdf = (String) d.get("pdf_sha256");
                    payload.write(folder + "searchable.pdf", o -> copy(pdf, o));
                }
            }
            Map<String, String> payloadManifest = new LinkedHashMap<>(manifest);
            manifest.clear();
            payload.write(
                    "bagit.txt",
                    o -> o.write("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
                            .getBytes(StandardCharsets.UTF_8)));
            String info = "Source-Organization: " + from.getName() + " (" + from.getCode() + ")\n"
                    + "Bagging-Date: " + LocalDate.now(clock) + "\n"
                    + "External-Identifier: dangan-handover-" + handoverId + "\n"
                    + "External-Description: " + h.getKind() + " handover to "
                    + institutions.require(h.getToInstitutionId()).getCode() + "\n"
                    + "Payload-Oxum: " + oxum[0] + "." + oxum[1] + "\n";
            payload.write("bag-info.txt", o -> o.write(info.getBytes(StandardCharsets.UTF_8)));
            payload.write("manifest-sha256.txt", o -> o.write(lines(payloadManifest)));
            Map<String, String> tags = new LinkedHashMap<>(manifest);
            payload.write("tagmanifest-sha256.txt", o -> o.write(lines(tags)));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the bag of handover " + handoverId, e);
        }
    }

    /** Rows with lower-case column names, whichever database answered (H2 gives them upper case). */
    private List<Map<String, Object>> rows(String sql, MapSqlParameterSource parameters) {
        return lowerCase(jdbc.queryForList(sql, parameters));
    }

    /** Column names as JSON keys, the same on H2 (which answers upper case) and PostgreSQL. */
    private static List<Map<String, Object>> lowerCase(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(row -> {
                    Map<String, Object> lower = new LinkedHashMap<>();
                    row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
                    return lower;
                })
                .toList();
    }

    private void copy(String sha256, OutputStream out) throws IOException {
        try (InputStream in = files.open(sha256)) {
            in.transferTo(out);
        }
    }

    private static byte[] lines(Map<String, String> manifest) {
        StringBuilder text = new StringBuilder();
        manifest.forEach((path, hash) ->
                text.append(hash).append("  ").append(encode(path)).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 8493 2.1.3: CR, LF and % in a manifest's paths are percent-encoded. */
    static String encode(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
    }

    /** Jackson closes the stream it wrote to; the zip entry must stay open. */
    private static OutputStream closeShield(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Payload {
        void write(String path, Writer writer) throws IOException;
    }

    /** Counts the bytes of a payload file for the Payload-Oxum, without closing the zip under it. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() {
            // the zip entry is closed by the bag, not by the file written into it
        }
    }
}
