package org.dangan.workflow.document;

import java.util.List;
import java.util.Map;
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

    DocumentQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
