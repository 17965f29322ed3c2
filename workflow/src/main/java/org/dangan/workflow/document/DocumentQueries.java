package org.dangan.workflow.document;

import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dangan.workflow.registry.DocumentType;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document module's query API for other modules: an institution's scanned documents read as a
 * set, so that no other module names {@code scanned_document} in its own SQL. System reads: the
 * caller decides who may ask.
 */
@Component
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class DocumentQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final FileStore files;

    DocumentQueries(NamedParameterJdbcTemplate jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** A document a record's own resident may see: archived, of no restricted type. */
    public record OpenDocument(long id, DocumentType type, int pages, Instant scannedAt, String pdfSha256) {}

    /**
     * The record's archived documents of no restricted type, newest first: what its resident sees.
     * Restricted ones are left out in the query, so no count or id of them ever leaves here.
     */
    public List<OpenDocument> openDocumentsOf(long recordId) {
        return jdbc.query(
                "select id, document_type, page_count, created_at, pdf_sha256 from scanned_document"
                        + " where record_id = :record and state = 'ARCHIVED' and restricted = false"
                        + " and pdf_sha256 is not null order by created_at desc, id desc",
                new MapSqlParameterSource("record", recordId),
                (rs, n) -> new OpenDocument(
                        rs.getLong(1),
                        DocumentType.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)));
    }

    /** The searchable PDF of one of {@link #openDocumentsOf}; empty for any other id. */
    public Optional<InputStream> openPdf(long recordId, long documentId) {
        return openDocumentsOf(recordId).stream()
                .filter(d -> d.id() == documentId)
                .findFirst()
                .map(d -> files.open(d.pdfSha256()));
    }

    /** A document as an inventory fingerprints it: its state and the digests of its files ({@code pdfSha256} may be null). */
    public record Fingerprint(long id, String state, String originalSha256, String pdfSha256) {}

    /** The institution's documents, in id order, as an inventory fingerprints them. */
    public List<Fingerprint> fingerprints(long institutionId) {
        return jdbc.query(
                "select id, state, original_sha256, pdf_sha256 from scanned_document"
                        + " where institution_id = :institution order by id",
                new MapSqlParameterSource("institution", institutionId),
                (rs, n) -> new Fingerprint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /**
     * The institution's documents as stored, column by column, in id order: what an archive bag
     * carries (restricted ones included; the caller checks who may take it).
     */
    public List<Map<String, Object>> rows(long institutionId) {
        return jdbc.queryForList("""
                select id, record_number, document_type, restricted, original_name, original_sha256, pdf_sha256,
                page_count, state from scanned_document where institution_id = :institution order by id""", new MapSqlParameterSource("institution", institutionId));
    }

    /** The records with an archived document of each type asked for: what the scanning has done. */
    public Map<DocumentType, Set<Long>> archivedRecordIds(Collection<DocumentType> types) {
        Map<DocumentType, Set<Long>> archived = new EnumMap<>(DocumentType.class);
        types.forEach(t -> archived.put(t, new HashSet<>()));
        jdbc.query(
                """
                select distinct document_type, record_id from scanned_document
                where state = 'ARCHIVED' and document_type in (:types)""",
                new MapSqlParameterSource(
                        "types", types.stream().map(Enum::name).toList()),
                (RowCallbackHandler) rs ->
                        archived.get(DocumentType.valueOf(rs.getString(1))).add(rs.getLong(2)));
        return archived;
    }

    /** How many documents of one type wait at an institution for a person to check their text. */
    public record Waiting(long institutionId, String type, boolean restricted, long documents) {}

    /**
     * Documents waiting for a person to check their text, per institution and type, with the
     * document's own restricted mark: the caller keeps restricted counts apart, since they tell
     * that such scans exist.
     */
    public List<Waiting> awaitingReview() {
        return jdbc.query("""
                select institution_id, document_type, restricted, count(*) from scanned_document where state = 'REVIEW'
                group by institution_id, document_type, restricted""", (rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)));
    }
}
