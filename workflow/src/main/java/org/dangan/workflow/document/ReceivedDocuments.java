package org.dangan.workflow.document;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.StoredRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Archives a document that comes from another system already recognised (a handover bag): its
 * original and searchable PDF are in the file store, its page texts read from the PDF's text layer.
 * Searchable once the outbox is drained, like a document archived here.
 */
@Component
public class ReceivedDocuments {

    private final RecordBatches records;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReceivedDocuments(RecordBatches records, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Answers the document's id here. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long archive(String recordNumber, DocumentType type, boolean restricted, String originalName, String originalSha256,
                        long originalSize, String pdfSha256, List<String> pageTexts, String receivedBy) {
        StoredRecord record = records.byNumber(recordNumber)
                .orElseThrow(() -> new IllegalArgumentException("recordNumber: no record " + recordNumber));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into scanned_document (record_id, record_number, institution_id, document_type, restricted,
                original_name, original_sha256, original_size, state, page_count, pdf_sha256, languages,
                created_by, created_at, archived_at, version) values (:record, :number, :institution, :type, :restricted,
                :name, :original, :size, 'ARCHIVED', :pages, :pdf, 'chi_sim', :by, :at, :at, 0)""",
                new MapSqlParameterSource("record", record.id()).addValue("number", record.recordNumber())
                        .addValue("institution", record.institutionId()).addValue("type", type.name())
                        .addValue("restricted", restricted).addValue("name", originalName).addValue("original", originalSha256)
                        .addValue("size", originalSize).addValue("pages", pageTexts.size()).addValue("pdf", pdfSha256)
                        .addValue("by", receivedBy).addValue("at", now), key, new String[] {"id"});
        long id = key.getKey().longValue();
        for (int i = 0; i < pageTexts.size(); i++) {
            jdbc.update("""
                    insert into document_page (document_id, page_number, confidence, rotation, dpi, issues, from_text_layer,
                    millis, page_text, line_boxes, word_boxes) values (:id, :page, 100, 0, 0, '', true, 0, :text, '[]', '[]')""",
                    new MapSqlParameterSource("id", id).addValue("page", i + 1).addValue("text", pageTexts.get(i)));
        }
        events.publishEvent(new DocumentArchived(id));
        return id;
    }
}
