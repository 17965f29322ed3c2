package org.dangan.workflow.document;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of {@code document_page}: the pages recognition reads, the pages a document
 * arrives with, and a reviewer's corrections all land here, in the caller's transaction. JDBC in
 * batches, as a long scan has hundreds of pages; the document's own steps stay on
 * {@link ScannedDocument}.
 */
@Component
class DocumentPages {

    /** A page as stored: boxes as JSON, quality issues comma-separated. */
    record Page(
            int number,
            BigDecimal confidence,
            int rotation,
            int dpi,
            String issues,
            boolean fromTextLayer,
            long millis,
            String text,
            String lineBoxes,
            String wordBoxes) {

        /** A page whose text came with it (a text layer, or set here): sure, upright, no words boxed. */
        static Page fromText(int number, String text, int dpi, String lineBoxes) {
            return new Page(number, BigDecimal.valueOf(100), 0, dpi, "", true, 0, text, lineBoxes, "[]");
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    DocumentPages(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The document's pages from now on: those of an earlier, rolled-back or repeated reading go. */
    @Transactional(propagation = Propagation.MANDATORY)
    void replace(long documentId, List<Page> pages) {
        jdbc.update("delete from document_page where document_id = :id", new MapSqlParameterSource("id", documentId));
        jdbc.batchUpdate(
                """
                insert into document_page (document_id, page_number, confidence, rotation, dpi, issues, from_text_layer,
                millis, page_text, line_boxes, word_boxes) values (:id, :page, :confidence, :rotation, :dpi, :issues,
                :layer, :millis, :text, :lines, :words)""",
                pages.stream()
                        .map(p -> new MapSqlParameterSource("id", documentId)
                                .addValue("page", p.number())
                                .addValue("confidence", p.confidence())
                                .addValue("rotation", p.rotation())
                                .addValue("dpi", p.dpi())
                                .addValue("issues", p.issues())
                                .addValue("layer", p.fromTextLayer())
                                .addValue("millis", p.millis())
                                .addValue("text", p.text())
                                .addValue("lines", p.lineBoxes())
                                .addValue("words", p.wordBoxes()))
                        .toArray(SqlParameterSource[]::new));
    }

    /** A reviewer's text of one page; answers whether the page exists. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean correct(long documentId, int page, String text, String reviewer) {
        return jdbc.update(
                        "update document_page set page_text = :text, reviewed_by = :by"
                                + " where document_id = :id and page_number = :page",
                        new MapSqlParameterSource("id", documentId)
                                .addValue("page", page)
                                .addValue("text", text)
                                .addValue("by", reviewer))
                > 0;
    }
}
