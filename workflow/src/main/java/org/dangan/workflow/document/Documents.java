package org.dangan.workflow.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.ocr.Engine;
import org.dangan.ocr.SearchablePdf;
import org.dangan.ocr.SeparatorSheet;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.PdfFont;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.StoredRecord;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Scanned documents as people submit and read them. The scope is checked on every read (the
 * record's institution must be in the user's subtree), restricted documents (severe mental
 * disorder) need the RESTRICTED_DOCUMENTS permission and a stated purpose, and every read is
 * audited.
 */
@Service
@Transactional
public class Documents {

    /** Ten times the text of a dense page of Chinese: more is not a page's text. */
    static final int MAX_PAGE_TEXT = 20_000;

    public static final String PROCESS_KEY = "documentDigitisation";
    /** The refusal of a restricted document read without a purpose: the screens ask for one on it. */
    public static final String PURPOSE_REQUIRED = "document.purposeRequired";

    private final ScannedDocumentRepository documents;
    private final FileStore files;
    private final RecordBatches records;
    private final Institutions institutions;
    private final RuntimeService runtime;
    private final AuditLog auditLog;
    private final OcrConfiguration.OcrLanguages languages;
    private final NamedParameterJdbcTemplate jdbc;
    private final Recognition recognition;
    private final DocumentPages pageWriter;
    private final TaskService tasks;
    private final PdfFont font;
    private final Clock clock;
    private final long maxOriginal;

    Documents(
            ScannedDocumentRepository documents,
            FileStore files,
            RecordBatches records,
            Institutions institutions,
            RuntimeService runtime,
            AuditLog auditLog,
            OcrConfiguration.OcrLanguages languages,
            NamedParameterJdbcTemplate jdbc,
            Recognition recognition,
            DocumentPages pageWriter,
            TaskService tasks,
            PdfFont font,
            Clock clock,
            @Value("${dangan.ocr.max-original-size:500MB}") DataSize maxOriginal) {
        this.maxOriginal = maxOriginal.toBytes();
        this.tasks = tasks;
        this.font = font;
        this.documents = documents;
        this.files = files;
        this.records = records;
        this.institutions = institutions;
        this.runtime = runtime;
        this.auditLog = auditLog;
        this.languages = languages;
        this.jdbc = jdbc;
        this.recognition = recognition;
        this.pageWriter = pageWriter;
        this.clock = clock;
    }

    /** Who finds and reads scans: those who keep and search them; admins and auditors do not. */
    /** A print run of separator sheets: a day's scanning, not the whole registry in one PDF. */
    static final int MAX_SEPARATOR_SHEETS = 500;

    private static final Role[] DOCUMENT_READERS = {Role.ARCHIVIST, Role.SUPERVISOR, Role.SEARCHER};

    public record PageView(
            int number,
            BigDecimal confidence,
            ConfidenceBand confidenceBand,
            int rotation,
            int dpi,
            List<String> issues,
            boolean fromTextLayer,
            String reviewedBy) {}

    public record DocumentView(
            long id,
            String recordNumber,
            DocumentType documentType,
            boolean restricted,
            String state,
            String reason,
            String originalName,
            long originalSize,
            String originalSha256,
            String pdfSha256,
            int pageCount,
            BigDecimal meanConfidence,
            ConfidenceBand confidenceBand,
            Engine ocrEngine,
            Integer pagesDone,
            Integer pagesTotal,
            Integer registeredPages,
            List<PageView> pages,
            String waiting) {

        /** DA/T 31: the scanned pages against the pages the paper file registers for this type, when it does. */
        @JsonProperty("pageCountAgrees")
        public Boolean pageCountAgrees() {
            return registeredPages == null || pageCount == 0 ? null : registeredPages == pageCount;
        }
    }

    public record DocumentSummary(
            long id,
            String recordNumber,
            DocumentType documentType,
            boolean restricted,
            DocumentState state,
            String originalName,
            int pageCount,
            Integer pagesDone,
            Integer pagesTotal,
            Instant createdAt) {}

    /**
     * The latest documents of the user's institutions, newest first; restricted ones only for users
     * with the permission. The list names records, so reading it is audited.
     */
    @Transactional(readOnly = false)
    public List<DocumentSummary> recent(int limit) {
        return listed(null, Math.min(Math.max(limit, 1), 500));
    }

    /**
     * The documents of one record of the user's institutions, newest first (the resident's page);
     * restricted ones only for users with the permission. Audited as a list of documents.
     */
    @Transactional(readOnly = false)
    public List<DocumentSummary> ofRecord(String recordNumber) {
        return listed(recordNumber == null ? "" : recordNumber.strip(), 200);
    }

    /**
     * How many documents a record of the user's institutions has, restricted ones included: a merge
     * moves them all, so the archivist is told the full number before it. A count names no one.
     */
    @Transactional(readOnly = true)
    public int countOfRecord(String recordNumber) {
        // the full number tells whether restricted scans exist: only for one who may see them
        if (!RoleCheck.require(DOCUMENT_READERS).has(Permission.RESTRICTED_DOCUMENTS)) {
            throw Refused.forbidden("document.count.restricted", Permission.RESTRICTED_DOCUMENTS);
        }
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty() || recordNumber == null) {
            return 0;
        }
        Integer n = jdbc.queryForObject(
                """
                select count(*) from scanned_document where institution_id in (:ids) and record_number = :number""",
                new MapSqlParameterSource("ids", scope.ids()).addValue("number", recordNumber.strip()),
                Integer.class);
        return n == null ? 0 : n;
    }

    /** The documents of the user's scope, of one record when {@code recordNumber} is given; audited. */
    private List<DocumentSummary> listed(String recordNumber, int limit) {
        DanganUser user = RoleCheck.require(DOCUMENT_READERS);
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return List.of();
        }
        List<DocumentSummary> list = jdbc.query(
                """
                select id, record_number, document_type, restricted, state, original_name, page_count, created_at
                from scanned_document where institution_id in (:ids) and (restricted = false or :all = true)
                and (:number is null or record_number = :number)
                order by id desc limit :limit""",
                new MapSqlParameterSource("ids", scope.ids())
                        .addValue("all", user.has(Permission.RESTRICTED_DOCUMENTS))
                        .addValue("limit", limit)
                        .addValue("number", recordNumber, Types.VARCHAR),
                (rs, n) -> {
                    int[] progress = recognition.progressOf(rs.getLong(1));
                    return new DocumentSummary(
                            rs.getLong(1),
                            rs.getString(2),
                            DocumentType.valueOf(rs.getString(3)),
                            rs.getBoolean(4),
                            DocumentState.valueOf(rs.getString(5)),
                            rs.getString(6),
                            rs.getInt(7),
                            progress == null ? null : progress[0],
                            progress == null ? null : progress[1],
                            rs.getTimestamp(8).toInstant());
                });
        auditLog.record(
                AuditAction.DOCUMENT_LIST,
                recordNumber == null ? "DOCUMENT" : "RECORD",
                recordNumber,
                scope.root().getId(),
                list.size() + " documents");
        return list;
    }

    /** The open OCR review task of a document the user may see, if there is one (to open its work panel). */
    @Transactional(readOnly = true)
    public Optional<String> reviewTaskOf(long id) {
        ScannedDocument d = visible(id, "OCR review");
        if (d.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tasks.createTaskQuery()
                        .processInstanceId(d.getProcessInstanceId())
                        .taskDefinitionKey(TaskKind.TEXT_REVIEW.taskKey())
                        .singleResult())
                .map(Task::getId);
    }

    /**
     * The document an OCR review task is about, if the user may see it: the work panel of the task
     * is opened by the task's id, and the document is the process's own (its business key).
     */
    @Transactional(readOnly = true)
    public long documentOfReview(String taskId) {
        Task task = taskId == null
                ? null
                : tasks.createTaskQuery()
                        .taskId(taskId)
                        .processDefinitionKey(PROCESS_KEY)
                        .taskDefinitionKey(TaskKind.TEXT_REVIEW.taskKey())
                        .singleResult();
        if (task == null) {
            throw Refused.notFound("document.review.taskMissing");
        }
        var instance = runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult();
        long id = Long.parseLong(instance.getBusinessKey());
        visible(id, "OCR review");
        return id;
    }

    public record Progress(DocumentState state, int pageCount, Integer pagesDone, Integer pagesTotal) {}

    /**
     * Where the given documents stand, for screens that follow running recognitions: states and page
     * counts only, no personal data, so not audited. Documents outside the user's scope are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Progress> progress(Collection<Long> ids) {
        RoleCheck.require(DOCUMENT_READERS);
        InstitutionScope scope = institutions.currentScope();
        Map<Long, Progress> found = new HashMap<>();
        if (ids.isEmpty() || scope.ids().isEmpty()) {
            return found;
        }
        jdbc.query(
                "select id, state, page_count from scanned_document where id in (:ids) and institution_id in (:scope)",
                new MapSqlParameterSource("ids", ids).addValue("scope", scope.ids()),
                (ResultSet rs) -> {
                    int[] p = recognition.progressOf(rs.getLong(1));
                    found.put(
                            rs.getLong(1),
                            new Progress(
                                    DocumentState.valueOf(rs.getString(2)),
                                    rs.getInt(3),
                                    p == null ? null : p[0],
                                    p == null ? null : p[1]));
                });
        return found;
    }

    /** One page's image, from the searchable PDF, as PNG at the given resolution (for the viewer and review). */
    public byte[] pageImage(long id, int page, int dpi, String purpose) {
        ScannedDocument d = visible(id, purpose);
        if (d.getPdfSha256() == null) {
            throw Refused.of("document.noPagesYet", id, d.getState());
        }
        auditLog.record(
                AuditAction.DOCUMENT_READ,
                "DOCUMENT",
                Long.toString(id),
                d.getInstitutionId(),
                "page " + page + " image; " + purposeOf(d, purpose));
        // from the file, which PDFBox reads as it needs it: a page view of a long document stays small
        try (var pdf = Loader.loadPDF(files.path(d.getPdfSha256()).toFile())) {
            if (page < 1 || page > pdf.getNumberOfPages()) {
                throw Refused.notFound("document.noPage", id, page);
            }
            // a colour scan is shown in colour (a red seal red), the others gray as their PNG is smallest
            var image = new PDFRenderer(pdf)
                    .renderImageWithDPI(
                            page - 1,
                            Math.min(Math.max(dpi, 50), 200),
                            SearchablePdf.inColour(pdf.getPage(page - 1)) ? ImageType.RGB : ImageType.GRAY);
            var png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recognised text of one page (for the viewer and review). */
    public String pageText(long id, int page, String purpose) {
        ScannedDocument d = visible(id, purpose);
        List<String> text = jdbc.queryForList(
                "select page_text from document_page where document_id = :id" + " and page_number = :page",
                new MapSqlParameterSource("id", id).addValue("page", page),
                String.class);
        auditLog.record(
                AuditAction.DOCUMENT_READ,
                "DOCUMENT",
                Long.toString(id),
                d.getInstitutionId(),
                "page " + page + " text; " + purposeOf(d, purpose));
        return text.isEmpty() ? "" : text.get(0);
    }

    /** Where the text of one page stands: its line and word boxes, in pixels of the page image at its scan resolution. */
    public PageBoxes pageBoxes(long id, int page, String purpose) {
        ScannedDocument d = visible(id, purpose);
        List<PageBoxes> boxes = jdbc.query(
                "select line_boxes, word_boxes from document_page where document_id = :id" + " and page_number = :page",
                new MapSqlParameterSource("id", id).addValue("page", page),
                (rs, n) -> new PageBoxes(PageBoxes.parse(rs.getString(1)), PageBoxes.parse(rs.getString(2))));
        if (boxes.isEmpty()) {
            throw Refused.notFound("document.noPage", id, page);
        }
        auditLog.record(
                AuditAction.DOCUMENT_READ,
                "DOCUMENT",
                Long.toString(id),
                d.getInstitutionId(),
                "page " + page + " boxes; " + purposeOf(d, purpose));
        return boxes.get(0);
    }

    /** Completes the OCR review task of a document as the current user (an archivist of its institution). */
    public void finishReview(long id) {
        ScannedDocument d = visible(id, "OCR review");
        DanganUser user = CurrentUser.require();
        if (!user.is(Role.ARCHIVIST)) {
            throw Refused.forbidden("document.review.archivistOnly");
        }
        Task task = tasks.createTaskQuery()
                .processInstanceId(d.getProcessInstanceId())
                .taskDefinitionKey("reviewText")
                .singleResult();
        if (task == null) {
            throw Refused.of("document.review.none", id, d.getState());
        }
        tasks.setAssignee(task.getId(), user.getUsername());
        tasks.complete(task.getId());
    }

    /** Separator sheets to print for records of the user's institutions, one A4 page each. */
    @Transactional(readOnly = true)
    public byte[] separatorSheets(List<String> recordNumbers, DocumentType type) {
        RoleCheck.require(Role.ARCHIVIST);
        if (recordNumbers == null || recordNumbers.isEmpty()) {
            throw Refused.invalid("document.recordRequired");
        }
        if (recordNumbers.size() > MAX_SEPARATOR_SHEETS) {
            throw Refused.tooLarge("document.separators.tooMany", MAX_SEPARATOR_SHEETS);
        }
        InstitutionScope scope = institutions.currentScope();
        List<SeparatorSheet.Target> targets = recordNumbers.stream()
                .map(n -> records.byNumber(n.strip())
                        .filter(r -> scope.includes(r.institutionId()))
                        .map(r -> new SeparatorSheet.Target(r.recordNumber(), type.name()))
                        .orElseThrow(() -> Refused.invalid("document.recordUnknown", n.strip())))
                .toList();
        return SeparatorSheet.pdf(
                targets, font.path(), code -> DocumentType.valueOf(code).chinese());
    }

    /** Stores the original and starts its process; answers the new document's id. */
    public long submit(InputStream content, String originalName, String recordNumber, DocumentType type) {
        DanganUser user = CurrentUser.require();
        if (!user.is(Role.ARCHIVIST)) {
            throw Refused.forbidden("document.submit.archivistOnly");
        }
        if (type == null) {
            throw Refused.invalid("document.typeRequired");
        }
        StoredRecord record = records.byNumber(recordNumber == null ? "" : recordNumber.strip())
                .filter(r -> institutions.currentScope().includes(r.institutionId()))
                .orElseThrow(() -> recordNumber == null || recordNumber.isBlank()
                        ? Refused.invalid("document.recordRequired")
                        : Refused.invalid("document.recordUnknown", recordNumber.strip()));
        if (type.restricted() && !user.has(Permission.RESTRICTED_DOCUMENTS)) {
            throw Refused.forbidden("document.submit.restricted", type, Permission.RESTRICTED_DOCUMENTS);
        }
        String hash = files.put(content, maxOriginal);
        // the same content for the same record is one document: a resubmission (a retried upload,
        // a hot-folder file taken up again after a crash) answers the document already there
        List<Long> existing = jdbc.queryForList(
                "select id from scanned_document where record_id = :record"
                        + " and original_sha256 = :hash and document_type = :type",
                new MapSqlParameterSource("record", record.id())
                        .addValue("hash", hash)
                        .addValue("type", type.name()),
                Long.class);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        long size;
        try {
            size = Files.size(files.path(hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ScannedDocument document = documents.save(ScannedDocument.submitted(
                record.id(),
                record.recordNumber(),
                record.institutionId(),
                type,
                originalName == null ? "scan" : originalName,
                hash,
                size,
                languages.of(type),
                user.getUsername(),
                clock.instant()));
        String institution = institutions.require(record.institutionId()).getCode();
        document.startedAs(runtime.startProcessInstanceByKey(
                        PROCESS_KEY,
                        document.getId().toString(),
                        Variables.createVariables()
                                .putValue("documentId", document.getId())
                                .putValue(
                                        "reviewers",
                                        (type.restricted() ? "restricted-" : "archivist-")
                                                + (institution.length() > 9
                                                        ? institution.substring(0, 9)
                                                        : institution)))
                .getId());
        auditLog.record(
                AuditAction.DOCUMENT_SUBMITTED,
                "DOCUMENT",
                document.getId().toString(),
                record.institutionId(),
                type.name());
        return document.getId();
    }

    /** A document the user may see, its pages and where it stands; audited, with the purpose for restricted ones. */
    public DocumentView read(long id, String purpose) {
        ScannedDocument d = visible(id, purpose);
        auditLog.record(
                AuditAction.DOCUMENT_READ, "DOCUMENT", Long.toString(id), d.getInstitutionId(), purposeOf(d, purpose));
        List<PageView> pages = jdbc.query(
                """
                select page_number, confidence, rotation, dpi, issues, from_text_layer, reviewed_by from document_page
                where document_id = :id order by page_number""",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new PageView(
                        rs.getInt(1),
                        rs.getBigDecimal(2),
                        rs.getString(7) != null
                                ? ConfidenceBand.REVIEWED
                                : recognition.bandOf(d.getOcrEngine(), rs.getBigDecimal(2)),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getString(5) == null || rs.getString(5).isEmpty()
                                ? List.of()
                                : List.of(rs.getString(5).split(",")),
                        rs.getBoolean(6),
                        rs.getString(7)));
        String state = d.getState().name();
        String reason = d.getFailureReason();
        if (d.getProcessInstanceId() != null && d.getState() != DocumentState.FAILED) {
            List<Incident> incidents = runtime.createIncidentQuery()
                    .processInstanceId(d.getProcessInstanceId())
                    .list();
            if (!incidents.isEmpty()) {
                state = DocumentState.FAILED.name();
                reason = incidents.get(0).getIncidentMessage();
            }
        }
        int[] progress = recognition.progressOf(id);
        Integer registered = records.registeredPages(d.getRecordId(), d.getDocumentType());
        return new DocumentView(
                id,
                d.getRecordNumber(),
                d.getDocumentType(),
                d.isRestricted(),
                state,
                reason,
                d.getOriginalName(),
                d.getOriginalSize(),
                d.getOriginalSha256(),
                d.getPdfSha256(),
                d.getPageCount(),
                d.getMeanConfidence(),
                pages.stream().anyMatch(p -> p.reviewedBy() != null)
                        ? ConfidenceBand.REVIEWED
                        : recognition.bandOf(d.getOcrEngine(), d.getMeanConfidence()),
                d.getOcrEngine(),
                progress == null ? null : progress[0],
                progress == null ? null : progress[1],
                registered,
                pages,
                DocumentState.QUEUED.name().equals(state) ? recognition.waitingKey() : null);
    }

    /** The recognised text, page by page, form feeds between pages. */
    public String text(long id, String purpose) {
        ScannedDocument d = visible(id, purpose);
        auditLog.record(
                AuditAction.DOCUMENT_READ,
                "DOCUMENT",
                Long.toString(id),
                d.getInstitutionId(),
                "text; " + purposeOf(d, purpose));
        return String.join(
                "\n\f",
                jdbc.queryForList(
                        "select page_text from document_page where document_id = :id" + " order by page_number",
                        new MapSqlParameterSource("id", id),
                        String.class));
    }

    /** The searchable PDF; refused until recognition has made one. */
    public InputStream pdf(long id, String purpose) {
        ScannedDocument d = visible(id, purpose);
        if (d.getPdfSha256() == null) {
            throw Refused.of("document.noPdfYet", id, d.getState());
        }
        auditLog.record(
                AuditAction.DOCUMENT_READ,
                "DOCUMENT",
                Long.toString(id),
                d.getInstitutionId(),
                "pdf; " + purposeOf(d, purpose));
        return files.open(d.getPdfSha256());
    }

    /** A reviewer's corrected text of one page (the review task's work). */
    public void correctPage(long id, int page, String text) {
        DanganUser archivist = RoleCheck.require(Role.ARCHIVIST);
        ScannedDocument d = visible(id, "OCR review");
        // the review is the document's own institution's, as its task is: the county sees, it does not correct
        if (!d.getInstitutionId().equals(archivist.institutionId())) {
            throw Refused.forbidden("document.review.ownInstitution");
        }
        if (d.getState() != DocumentState.REVIEW) {
            throw Refused.of("document.review.notInReview", id, d.getState());
        }
        if (text != null && text.length() > MAX_PAGE_TEXT) {
            throw Refused.invalid("document.review.textTooLong", MAX_PAGE_TEXT);
        }
        if (!pageWriter.correct(
                id, page, text == null ? "" : text, CurrentUser.require().getUsername())) {
            throw Refused.notFound("document.noPage", id, page);
        }
        auditLog.record(
                AuditAction.DOCUMENT_REVIEWED, "DOCUMENT", Long.toString(id), d.getInstitutionId(), "page " + page);
    }

    private ScannedDocument visible(long id, String purpose) {
        // every read of a document passes here: the people who find documents, before the lookup
        DanganUser user = RoleCheck.require(DOCUMENT_READERS);
        InstitutionScope scope = institutions.currentScope();
        ScannedDocument d = documents
                .findById(id)
                .filter(doc -> scope.includes(doc.getInstitutionId()))
                .orElseThrow(() -> new DocumentNotFoundException(id));
        if (d.isRestricted()) {
            if (!user.has(Permission.RESTRICTED_DOCUMENTS)) {
                // the same answer as for a document that does not exist: its existence is not told either
                throw new DocumentNotFoundException(id);
            }
            if (purpose == null || purpose.isBlank()) {
                throw Refused.invalid(PURPOSE_REQUIRED);
            }
        }
        return d;
    }

    private static String purposeOf(ScannedDocument d, String purpose) {
        String p = purpose == null ? "" : purpose.strip();
        return p.isEmpty() ? "" : "purpose: " + (p.length() > 150 ? p.substring(0, 150) : p);
    }
}
