package org.dangan.workflow.resident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditEntry;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.document.DocumentQueries;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.PaperFileState;
import org.dangan.workflow.registry.PhoneNumber;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.security.UserAccount;
import org.dangan.workflow.security.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in resident reads about their own record: scoped by the principal's record id
 * only, never by anything in the request, and without the severe-mental-disorder tag or material
 * (those are shown only in person). Every read is audited as the resident's, on the record, so
 * staff see it in the record's trail.
 */
@Service
@Transactional
public class ResidentRecordService {

    /** How {@link ResidentPrincipal#auditName()} starts: tells a resident's entries from a staff account's. */
    public static final String AUDIT_PREFIX = "resident:";

    /** Staff reads of a record the resident is told about; their own reads are not among them. */
    private static final Set<AuditAction> STAFF_READS =
            Set.of(AuditAction.RECORD_READ, AuditAction.RECORD_ID_REVEALED, AuditAction.DOCUMENT_READ);

    /** The newest reads shown; the page says so when there are more. */
    public static final int MAX_READS = 500;

    private final Records records;
    private final DocumentQueries documents;
    private final AuditLog auditLog;
    private final UserAccounts users;
    private final Institutions institutions;
    private final MessageSource messages;
    private final boolean showReaderNames;

    ResidentRecordService(
            Records records,
            DocumentQueries documents,
            AuditLog auditLog,
            UserAccounts users,
            Institutions institutions,
            MessageSource messages,
            @Value("${dangan.resident.show-reader-names:false}") boolean showReaderNames) {
        this.records = records;
        this.documents = documents;
        this.auditLog = auditLog;
        this.users = users;
        this.institutions = institutions;
        this.messages = messages;
        this.showReaderNames = showReaderNames;
    }

    public record Me(
            String recordNumber,
            String name,
            String gender,
            LocalDate birthDate,
            String idNumber,
            String phone,
            String address,
            String institution,
            List<Service> services,
            LocalDate lastServiceDate,
            List<String> paperFiles,
            String note) {}

    /** A key population the resident is served as, with the record's last service or follow-up date. */
    public record Service(String name, LocalDate lastServiceDate) {}

    /** A staff read; {@code name} only where the county shows readers' names. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Read(String institution, String role, OffsetDateTime at, String name) {}

    public record Document(long id, String type, int pages, LocalDate scannedOn) {}

    /** The resident's own record, audited as their read. */
    public Me me() {
        ResidentPrincipal resident = ResidentPrincipal.require();
        RecordDetail record = records.ofResident(resident.recordId());
        audit(resident, AuditAction.RESIDENT_RECORD_READ, null);
        List<Service> services = record.keyPopulations().stream()
                .filter(p -> !p.restricted())
                .sorted()
                .map(p -> new Service(translated("KeyPopulation." + p.name(), p.chinese()), record.lastServiceDate()))
                .toList();
        return new Me(
                record.recordNumber(),
                record.name(),
                record.gender() == null
                        ? null
                        : translated("Gender." + record.gender().name(), null),
                record.birthDate(),
                record.idNumber(),
                record.phone() == null || record.phone().isBlank() ? null : PhoneNumber.mask(record.phone()),
                record.address(),
                record.institutionName(),
                services,
                record.lastServiceDate(),
                record.paperFiles().stream()
                        .map(f -> custody(f, record.institutionName()))
                        .toList(),
                translated("resident.inPerson", "部分材料只在卫生院当面查看，请本人带身份证到卫生院询问。"));
    }

    /** Every staff read of the record and of its documents, newest first (the newest 500). */
    @Transactional
    public List<Read> access() {
        ResidentPrincipal resident = ResidentPrincipal.require();
        List<String> documentIds = documents.openDocumentsOf(resident.recordId()).stream()
                .map(d -> Long.toString(d.id()))
                .toList();
        List<AuditEntry> reads = auditLog.readsOf(
                Map.of("RECORD", List.of(resident.recordNumber()), "DOCUMENT", documentIds),
                STAFF_READS,
                AUDIT_PREFIX,
                MAX_READS);
        Map<String, UserAccount> accounts = new HashMap<>();
        List<Read> items = new ArrayList<>();
        for (AuditEntry e : reads) {
            UserAccount account =
                    accounts.computeIfAbsent(e.getUsername(), u -> users.find(u).orElse(null));
            String institution = account == null || account.getInstitutionId() == null
                    ? null
                    : institutions.require(account.getInstitutionId()).getName();
            String role = account == null
                    ? null
                    : translated("Role." + account.getRole().name(), null);
            String name = showReaderNames && account != null ? account.getDisplayName() : null;
            items.add(new Read(
                    institution,
                    role,
                    e.getAt().atZone(ChinaTime.ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS),
                    name));
        }
        items.sort(Comparator.comparing(Read::at).reversed());
        audit(resident, AuditAction.RESIDENT_RECORD_READ, "access list, " + items.size() + " items");
        return items;
    }

    /** The resident's archived, non-restricted reports, audited as their read of the list. */
    public List<Document> documents() {
        ResidentPrincipal resident = ResidentPrincipal.require();
        List<Document> list = documents.openDocumentsOf(resident.recordId()).stream()
                .map(d -> new Document(
                        d.id(),
                        translated("DocumentType." + d.type().name(), d.type().name()),
                        d.pages(),
                        LocalDate.ofInstant(d.scannedAt(), ChinaTime.ZONE)))
                .toList();
        audit(resident, AuditAction.RESIDENT_DOCUMENT_LIST, "documents=" + list.size());
        return list;
    }

    /**
     * The searchable PDF of one of the resident's listed reports, audited as their read; any other
     * id (another resident's, a restricted one, unknown) is not found, alike.
     */
    public InputStream pdf(long documentId) {
        ResidentPrincipal resident = ResidentPrincipal.require();
        InputStream pdf = documents
                .openPdf(resident.recordId(), documentId)
                .orElseThrow(() -> Refused.notFound("residentDocument.missing", documentId));
        audit(resident, AuditAction.RESIDENT_DOCUMENT_READ, "document #" + documentId);
        return pdf;
    }

    void audit(ResidentPrincipal resident, AuditAction action, String detail) {
        auditLog.recordAs(
                resident.auditName(), action, "RECORD", resident.recordNumber(), resident.institutionId(), detail);
    }

    private String custody(RecordDetail.PaperFileView file, String institution) {
        PaperFileState state = file.state();
        return switch (state) {
            case CHECKED_OUT -> translated("resident.custody.checkedOut", "已借出");
            case DISPOSED -> translated("resident.custody.disposed", "已销毁");
            case TRANSFERRED -> translated("resident.custody.transferred", "已转出");
            case RETIRED_PAPER -> translated("resident.custody.retired", "已停用");
            case RECEIVED -> translated("resident.custody.received", "已接收，待入库", institution);
            case STORED, RETURNED ->
                file.place() == null
                        ? translated("resident.custody.kept", "保存在 " + institution, institution)
                        : translated("resident.custody.keptAt", null, institution, roomOf(file.place()));
        };
    }

    /** A place is named site / room / shelf: the resident is told the room, not the shelf. */
    private static String roomOf(String place) {
        String[] parts = place.split("\\s*/\\s*");
        return parts.length >= 2 ? parts[1] : parts[0];
    }

    private String translated(String key, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback, LocaleContextHolder.getLocale());
    }
}
