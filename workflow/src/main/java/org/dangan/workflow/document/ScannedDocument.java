package org.dangan.workflow.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.dangan.ocr.Engine;
import org.dangan.workflow.registry.DocumentType;

/**
 * A scanned document of a record: its original (never altered) in the file store, and where its
 * recognition stands. Guards its own steps: QUEUED > OCR_RUNNING > RECOGNISED or REVIEW > ARCHIVED,
 * or FAILED with the reason; one that arrives recognised elsewhere is ARCHIVED from the start.
 */
@Entity
@Table(name = "scanned_document")
public class ScannedDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "record_id", nullable = false)
    private Long recordId;

    @Column(name = "record_number", nullable = false, length = 17)
    private String recordNumber;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type", nullable = false, length = 32)
    private DocumentType documentType;

    @Column(nullable = false)
    private boolean restricted;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "original_sha256", nullable = false, length = 64)
    private String originalSha256;

    @Column(name = "original_size", nullable = false)
    private long originalSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DocumentState state = DocumentState.QUEUED;

    @Column(name = "failure_reason", length = 500)
    private String failureReason;

    @Column(name = "page_count", nullable = false)
    private int pageCount;

    @Column(name = "mean_confidence", precision = 5, scale = 2)
    private BigDecimal meanConfidence;

    @Column(name = "pdf_sha256", length = 64)
    private String pdfSha256;

    @Column(nullable = false, length = 40)
    private String languages;

    /** The engine that read the pages (null until recognised, and for born-digital or received documents). */
    @Enumerated(EnumType.STRING)
    @Column(name = "ocr_engine", length = 16)
    private Engine ocrEngine;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    private long version;

    protected ScannedDocument() {}

    private ScannedDocument(
            long recordId,
            String recordNumber,
            long institutionId,
            DocumentType type,
            String originalName,
            String originalSha256,
            long originalSize,
            String languages,
            String createdBy,
            Instant at) {
        this.recordId = recordId;
        this.recordNumber = recordNumber;
        this.institutionId = institutionId;
        this.documentType = type;
        this.restricted = type.restricted();
        this.originalName = originalName.length() > 255 ? originalName.substring(0, 255) : originalName;
        this.originalSha256 = originalSha256;
        this.originalSize = originalSize;
        this.languages = languages;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    /**
     * A scan or electronic original submitted for recognition: QUEUED until the digitisation
     * process reads it. Restricted by its type.
     */
    static ScannedDocument submitted(
            long recordId,
            String recordNumber,
            long institutionId,
            DocumentType type,
            String originalName,
            String originalSha256,
            long originalSize,
            String languages,
            String createdBy,
            Instant at) {
        return new ScannedDocument(
                recordId,
                recordNumber,
                institutionId,
                type,
                originalName,
                originalSha256,
                originalSize,
                languages,
                createdBy,
                at);
    }

    /**
     * A document that arrives already recognised and archived (from a handover bag, or typeset
     * here): restricted by its type, as every document is, never by what came with it.
     */
    static ScannedDocument archivedOnArrival(
            long recordId,
            String recordNumber,
            long institutionId,
            DocumentType type,
            String originalName,
            String originalSha256,
            long originalSize,
            String pdfSha256,
            int pages,
            BigDecimal meanConfidence,
            String createdBy,
            Instant at) {
        ScannedDocument d = new ScannedDocument(
                recordId,
                recordNumber,
                institutionId,
                type,
                originalName,
                originalSha256,
                originalSize,
                "chi_sim",
                createdBy,
                at);
        d.pdfSha256 = pdfSha256;
        d.pageCount = pages;
        d.meanConfidence = meanConfidence;
        d.state = DocumentState.ARCHIVED;
        d.archivedAt = at;
        return d;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void recognitionStarted() {
        if (state != DocumentState.QUEUED && state != DocumentState.OCR_RUNNING) {
            throw illegal("start recognition");
        }
        state = DocumentState.OCR_RUNNING;
    }

    void recognised(int pages, BigDecimal meanConfidence, String pdfSha256, boolean needsReview, Engine engine) {
        if (state != DocumentState.OCR_RUNNING) {
            throw illegal("record recognition");
        }
        this.ocrEngine = engine;
        this.pageCount = pages;
        this.meanConfidence = meanConfidence;
        this.pdfSha256 = pdfSha256;
        this.state = needsReview ? DocumentState.REVIEW : DocumentState.RECOGNISED;
    }

    void reviewed(String pdfSha256) {
        if (state != DocumentState.REVIEW) {
            throw illegal("take a review");
        }
        this.pdfSha256 = pdfSha256;
    }

    void archived(Instant at) {
        // only what was read (and reviewed where it had to be): a document still being read has no PDF yet
        if (state != DocumentState.RECOGNISED && state != DocumentState.REVIEW) {
            throw illegal("archive");
        }
        state = DocumentState.ARCHIVED;
        archivedAt = at;
    }

    void failed(String reason) {
        if (state == DocumentState.ARCHIVED) {
            throw illegal("fail");
        }
        state = DocumentState.FAILED;
        failureReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /** The title its PDFs carry: the document type in Chinese and the record number. */
    String title() {
        return documentType.chinese() + " " + recordNumber;
    }

    private IllegalStateException illegal(String step) {
        return new IllegalStateException("document " + id + " cannot " + step + ": it is " + state);
    }

    public Long getId() {
        return id;
    }

    public Long getRecordId() {
        return recordId;
    }

    public String getRecordNumber() {
        return recordNumber;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public DocumentType getDocumentType() {
        return documentType;
    }

    public boolean isRestricted() {
        return restricted;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getOriginalSha256() {
        return originalSha256;
    }

    public long getOriginalSize() {
        return originalSize;
    }

    public DocumentState getState() {
        return state;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public int getPageCount() {
        return pageCount;
    }

    public BigDecimal getMeanConfidence() {
        return meanConfidence;
    }

    public String getPdfSha256() {
        return pdfSha256;
    }

    public String getLanguages() {
        return languages;
    }

    public Engine getOcrEngine() {
        return ocrEngine;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
