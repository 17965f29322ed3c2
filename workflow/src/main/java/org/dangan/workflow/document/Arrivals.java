package org.dangan.workflow.document;

import java.util.List;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where documents that arrive archived enter: the aggregate made by its factory, then its pages
 * (text and line boxes, from a text layer rather than OCR), then the event that makes the search
 * index take it, all in the caller's transaction.
 */
@Component
class Arrivals {

    /** A page as it arrives: its text, the resolution its boxes are measured in, its line boxes as JSON. */
    record Page(String text, int dpi, String lineBoxes) {
    }

    private final ScannedDocumentRepository documents;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    Arrivals(ScannedDocumentRepository documents, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Answers the document's id. */
    @Transactional(propagation = Propagation.MANDATORY)
    long archive(ScannedDocument arrived, List<Page> pages) {
        long id = documents.saveAndFlush(arrived).getId();
        jdbc.batchUpdate("""
                insert into document_page (document_id, page_number, confidence, rotation, dpi, issues, from_text_layer,
                millis, page_text, line_boxes, word_boxes) values (:id, :page, 100, 0, :dpi, '', true, 0, :text,
                :lines, '[]')""", IntStream.range(0, pages.size()).mapToObj(i -> new MapSqlParameterSource("id", id)
                .addValue("page", i + 1).addValue("dpi", pages.get(i).dpi()).addValue("text", pages.get(i).text())
                .addValue("lines", pages.get(i).lineBoxes())).toArray(SqlParameterSource[]::new));
        events.publishEvent(new DocumentArchived(id));
        return id;
    }
}
