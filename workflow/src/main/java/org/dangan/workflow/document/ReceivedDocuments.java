package org.dangan.workflow.document;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.StoredRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Archives a document that comes from another system already recognised (a handover bag): its
 * original and searchable PDF are in the file store, its page texts read from the PDF's text layer.
 * Searchable once the outbox is drained, like a document archived here. Its record must be one of
 * the receiving user's institutions (a bag's own records are taken there first); whether it is
 * restricted follows from its type. Each arrival is in the owning institution's audit log.
 */
@Component
public class ReceivedDocuments {

    private final RecordBatches records;
    private final Institutions institutions;
    private final Arrivals arrivals;
    private final AuditLog auditLog;
    private final Clock clock;

    ReceivedDocuments(
            RecordBatches records, Institutions institutions, Arrivals arrivals, AuditLog auditLog, Clock clock) {
        this.records = records;
        this.institutions = institutions;
        this.arrivals = arrivals;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Answers the document's id here; {@code bag} names where it came from, for the audit log. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long archive(
            String recordNumber,
            DocumentType type,
            String originalName,
            String originalSha256,
            long originalSize,
            String pdfSha256,
            List<String> pageTexts,
            String receivedBy,
            String bag) {
        // one answer whether the record is elsewhere or nowhere: a bag does not learn what exists outside its scope
        StoredRecord record = records.byNumber(recordNumber == null ? "" : recordNumber)
                .filter(r -> institutions.currentScope().includes(r.institutionId()))
                .orElseThrow(() -> Refused.invalid("bag.record.notYours", recordNumber));
        Instant now = clock.instant();
        long id = arrivals.archive(
                ScannedDocument.archivedOnArrival(
                        record.id(),
                        record.recordNumber(),
                        record.institutionId(),
                        type,
                        originalName,
                        originalSha256,
                        originalSize,
                        pdfSha256,
                        pageTexts.size(),
                        null,
                        receivedBy,
                        now),
                pageTexts.stream().map(text -> new Arrivals.Page(text, 0, "[]")).toList());
        auditLog.record(
                AuditAction.BAG_RECEIVED,
                "DOCUMENT",
                Long.toString(id),
                record.institutionId(),
                type + (type.restricted() ? " (restricted)" : "") + ", received in bag "
                        + (bag.length() > 100 ? bag.substring(0, 100) : bag));
        return id;
    }
}
