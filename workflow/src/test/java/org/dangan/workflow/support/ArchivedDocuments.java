package org.dangan.workflow.support;

import java.sql.Timestamp;
import java.time.Instant;
import org.dangan.workflow.document.DocumentArchived;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archived documents as the digitisation process leaves them, without scanning: the document, its
 * pages' text and the archived event, in one transaction (for search tests, which need many).
 */
@Component
public class ArchivedDocuments {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    public ArchivedDocuments(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    /** Archives a document of the record with one page per text; answers its id. */
    public long archive(HealthRecord record, DocumentType type, String... pages) {
        Long id = transactions.execute(t -> {
            jdbc.update(
                    """
                    insert into scanned_document (record_id, record_number, institution_id, document_type, restricted,
                    original_name, original_sha256, original_size, state, page_count, languages, created_by, created_at,
                    archived_at, version) values (?, ?, ?, ?, ?, 'scan.pdf', ?, 1, 'ARCHIVED', ?, 'chi_sim', 'test', ?, ?, 0)""",
                    record.getId(),
                    record.getRecordNumber(),
                    record.getInstitutionId(),
                    type.name(),
                    type.restricted(),
                    "%064x".formatted(System.nanoTime()),
                    pages.length,
                    Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now()));
            long created = jdbc.queryForObject(
                    "select max(id) from scanned_document where record_id = ?", Long.class, record.getId());
            for (int i = 0; i < pages.length; i++) {
                jdbc.update("""
                        insert into document_page (document_id, page_number, confidence, rotation, dpi, from_text_layer,
                        millis, page_text) values (?, ?, 90, 0, 300, false, 1, ?)""", created, i + 1, pages[i]);
            }
            events.publishEvent(new DocumentArchived(created));
            return created;
        });
        return id == null ? 0 : id;
    }
}
