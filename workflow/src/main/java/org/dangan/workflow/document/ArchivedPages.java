package org.dangan.workflow.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.RecordBatches;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pages of archived documents as the search index takes them: text, the record's number and
 * resident's name, the institution and its ancestors, type, sensitivity and dates. For the index
 * only; nothing here is shown to a user without going through the search's own scoping.
 */
@Component
@Transactional(readOnly = true)
public class ArchivedPages {

    /** A page of an archived document; {@code institutionPath} holds the institution's ancestors and itself. */
    public record ArchivedPage(
            long documentId,
            int page,
            String recordNumber,
            String residentName,
            long institutionId,
            List<Long> institutionPath,
            DocumentType documentType,
            boolean restricted,
            LocalDate documentDate,
            Instant scannedAt,
            String text) {}

    private static final String SELECT = """
            select d.id, p.page_number, d.record_number, d.record_id, d.institution_id, d.document_type, d.restricted,
            d.created_at, p.page_text
            from scanned_document d join document_page p on p.document_id = d.id
            where d.state = 'ARCHIVED'""";

    /** The first date a report states ("报告日期：2024年5月6日", "2024-05-06"), else none. */
    private static final Pattern DATE =
            Pattern.compile("(20\\d{2}|19\\d{2})\\s*[年\\-./]\\s*(\\d{1,2})\\s*[月\\-./]\\s*(\\d{1,2})");

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordBatches records;
    private final Institutions institutions;

    ArchivedPages(NamedParameterJdbcTemplate jdbc, RecordBatches records, Institutions institutions) {
        this.jdbc = jdbc;
        this.records = records;
        this.institutions = institutions;
    }

    /** The pages of those of the given documents that are archived (the others have nothing to index). */
    public List<ArchivedPage> of(Collection<Long> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        record Row(ArchivedPage page, long recordId) {}
        List<Row> rows = jdbc.query(
                SELECT + " and d.id in (:ids) order by d.id, p.page_number",
                new MapSqlParameterSource("ids", documentIds),
                (rs, n) -> new Row(page(rs), rs.getLong(4)));
        // the resident's name is the registry's, the institution's ancestors the institution module's
        Map<Long, String> names = records.names(rows.stream().map(Row::recordId).toList());
        Map<Long, List<Long>> paths = new HashMap<>();
        List<ArchivedPage> pages = rows.stream()
                .filter(r -> names.containsKey(r.recordId()))
                .map(r -> {
                    ArchivedPage p = r.page();
                    List<Long> path = paths.computeIfAbsent(
                            p.institutionId(),
                            id -> Arrays.stream(
                                            institutions.require(id).getPath().split("/"))
                                    .filter(s -> !s.isEmpty())
                                    .map(Long::valueOf)
                                    .toList());
                    return new ArchivedPage(
                            p.documentId(),
                            p.page(),
                            p.recordNumber(),
                            names.get(r.recordId()),
                            p.institutionId(),
                            new ArrayList<>(path),
                            p.documentType(),
                            p.restricted(),
                            null,
                            p.scannedAt(),
                            p.text());
                })
                .toList();
        return dated(pages);
    }

    /** A document has one date, the first its pages state (a report's date is on its first page, mostly). */
    private static List<ArchivedPage> dated(List<ArchivedPage> pages) {
        Map<Long, LocalDate> dates = new HashMap<>();
        for (ArchivedPage p : pages) {
            if (!dates.containsKey(p.documentId()) || dates.get(p.documentId()) == null) {
                dates.put(p.documentId(), documentDate(p.text()));
            }
        }
        return pages.stream()
                .map(p -> new ArchivedPage(
                        p.documentId(),
                        p.page(),
                        p.recordNumber(),
                        p.residentName(),
                        p.institutionId(),
                        p.institutionPath(),
                        p.documentType(),
                        p.restricted(),
                        dates.get(p.documentId()),
                        p.scannedAt(),
                        p.text()))
                .toList();
    }

    /** The archived documents of the records, for work that follows records moving in bulk (a transfer). */
    public List<Long> documentsOfRecords(Collection<Long> recordIds) {
        List<Long> ids = List.copyOf(recordIds);
        List<Long> documents = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            documents.addAll(jdbc.queryForList(
                    "select id from scanned_document where record_id in (:records)" + " and state = 'ARCHIVED'",
                    new MapSqlParameterSource("records", ids.subList(i, Math.min(ids.size(), i + 1000))),
                    Long.class));
        }
        return documents;
    }

    /** The archived documents of a record. */
    public List<Long> documentsOf(long recordId) {
        return jdbc.queryForList(
                "select id from scanned_document where record_id = :record and state = 'ARCHIVED'",
                new MapSqlParameterSource("record", recordId),
                Long.class);
    }

    public long countArchived() {
        Long count = jdbc.queryForObject(
                "select count(*) from scanned_document where state = 'ARCHIVED'",
                new MapSqlParameterSource(),
                Long.class);
        return count == null ? 0 : count;
    }

    /** Every archived page, document by document in id order, a few hundred documents at a time. */
    public void forEach(Consumer<List<ArchivedPage>> perBatch) {
        long after = 0;
        while (true) {
            List<Long> ids = jdbc.queryForList(
                    "select id from scanned_document where state = 'ARCHIVED' and id > :after"
                            + " order by id limit 500",
                    new MapSqlParameterSource("after", after),
                    Long.class);
            if (ids.isEmpty()) {
                return;
            }
            perBatch.accept(of(ids));
            after = ids.get(ids.size() - 1);
        }
    }

    /** A page as stored, without the resident's name and the institution's ancestors, which {@link #of} adds. */
    private static ArchivedPage page(ResultSet rs) throws SQLException {
        String text = rs.getString(9) == null ? "" : rs.getString(9);
        return new ArchivedPage(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                null,
                rs.getLong(5),
                List.of(),
                DocumentType.valueOf(rs.getString(6)),
                rs.getBoolean(7),
                null,
                rs.getTimestamp(8).toInstant(),
                text);
    }

    static LocalDate documentDate(String text) {
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            try {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException notADate) {
                // 2024年13月 is no date: look further
            }
        }
        return null;
    }
}
