package org.dangan.workflow.handover;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.pdf.PrintedSheet;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionStatus;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.PdfFont;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.registry.PaperFileState;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.verification.Campaigns;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handovers as people start, follow and decide them. An administrator or a supervisor of the
 * county bureau over both institutions records the change; the giving institution must have no
 * active institution below it, no handover under way and no paper file out.
 */
@Service
@Transactional
public class Handovers {

    public static final String PROCESS_KEY = "archiveHandover";
    static final List<HandoverState> UNDER_WAY = List.of(
            HandoverState.RECORDED,
            HandoverState.CHECKING,
            HandoverState.DIFFERENCES,
            HandoverState.CHECKED,
            HandoverState.APPROVED);

    private final HandoverRepository handovers;
    private final Inventories inventories;
    private final Institutions institutions;
    private final RecordBatches records;
    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final UserTasks userTasks;
    private final TaskService taskService;
    private final UserAccounts users;
    private final AuditLog auditLog;
    private final PdfFont font;
    private final Clock clock;

    private final Campaigns campaigns;

    Handovers(
            HandoverRepository handovers,
            Inventories inventories,
            Institutions institutions,
            RecordBatches records,
            NamedParameterJdbcTemplate jdbc,
            RuntimeService runtime,
            UserTasks userTasks,
            TaskService taskService,
            UserAccounts users,
            AuditLog auditLog,
            PdfFont font,
            Clock clock,
            Campaigns campaigns) {
        this.campaigns = campaigns;
        this.taskService = taskService;
        this.users = users;
        this.handovers = handovers;
        this.inventories = inventories;
        this.institutions = institutions;
        this.records = records;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.userTasks = userTasks;
        this.auditLog = auditLog;
        this.font = font;
        this.clock = clock;
    }

    /** {@code kind} may be left out: a merger. */
    public record Request(String from, String to, String reason, ChangeKind kind) {}

    public record Started(long id, String processInstanceId) {}

    public Started start(Request request) {
        DanganUser user = RoleCheck.require(Role.ADMIN, Role.SUPERVISOR);
        Institution from = existing(request.from());
        Institution to = existing(request.to());
        if (!mayStart(user, from) || !mayStart(user, to)) {
            throw Refused.forbidden("handover.start.forbidden");
        }
        for (Institution i : List.of(from, to)) {
            if (i.getStatus() != InstitutionStatus.ACTIVE) {
                throw Refused.of("handover.institutionNotActive", i.getName(), i.getStatus());
            }
        }
        long below = institutions.all().stream()
                .filter(i -> from.getId().equals(i.getParentId()) && i.getStatus() == InstitutionStatus.ACTIVE)
                .count();
        if (below > 0) {
            throw Refused.of("handover.activeBelow", from.getName(), below);
        }
        // two starts at once for one institution: the second waits here and then sees the first
        institutions.lockForChange(from.getId());
        // moving an archive in the middle of its verification would change what the campaign checks
        for (Institution i : List.of(from, to)) {
            campaigns.openCampaignOf(i.getId()).ifPresent(c -> {
                throw Refused.of("handover.campaignOpen", i.getName(), c.toString());
            });
        }
        if (!handovers
                .findByFromInstitutionIdAndStateIn(from.getId(), UNDER_WAY)
                .isEmpty()) {
            throw Refused.of("handover.underWay", from.getName());
        }
        int out = records.checkedOutFilesOfInstitution(from.getId());
        if (out > 0) {
            throw Refused.of("handover.filesOut", out, from.getName());
        }
        Handover handover = handovers.save(new Handover(
                from.getId(),
                to.getId(),
                request.kind() == null ? ChangeKind.MERGER : request.kind(),
                request.reason(),
                user.getUsername(),
                clock.instant()));
        handover.startedAs(runtime.startProcessInstanceByKey(
                        PROCESS_KEY,
                        handover.getId().toString(),
                        Variables.createVariables()
                                .putValue("handoverId", handover.getId())
                                .putValue("receivers", "archivist-" + to.getCode())
                                .putValue("givers", "archivist-" + from.getCode())
                                .putValue(
                                        "approvers",
                                        "supervisor-"
                                                + institutions.countyOf(from).getCode()))
                .getId());
        auditLog.record(
                AuditAction.HANDOVER,
                "HANDOVER",
                handover.getId().toString(),
                from.getId(),
                "started: " + handover.getKind() + " to " + to.getCode());
        return new Started(handover.getId(), handover.getProcessInstanceId());
    }

    /** Whether the current user may start a handover at all: the start form shows only to them. */
    @Transactional(readOnly = true)
    public boolean mayStart() {
        return !eligibleInstitutions().isEmpty();
    }

    /**
     * The institutions the current user may name on either side of a new handover: for an
     * administrator every active one, for a supervisor of a county bureau the active ones of the
     * county; for anyone else none.
     */
    @Transactional(readOnly = true)
    public List<Institution> eligibleInstitutions() {
        DanganUser user = CurrentUser.get().orElse(null);
        if (user == null) {
            return List.of();
        }
        List<Institution> candidates = user.is(Role.ADMIN)
                ? institutions.all()
                : institutions.currentScope().institutions();
        return candidates.stream()
                .filter(i -> i.getStatus() == InstitutionStatus.ACTIVE && mayStart(user, i))
                .toList();
    }

    private boolean mayStart(DanganUser user, Institution institution) {
        if (user.is(Role.ADMIN)) {
            return true;
        }
        return user.is(Role.SUPERVISOR)
                && user.institutionId() != null
                && institutions.require(user.institutionId()).getType() == InstitutionType.COUNTY_BUREAU
                && institutions.currentScope().includes(institution.getId());
    }

    /**
     * The steps of the handover the current user may work now: the open step of its process, if
     * the user is one who may do it (a supervisor who started or checked it may not approve it).
     */
    @Transactional(readOnly = true)
    public Set<TaskKind> openSteps(long id) {
        Handover h = visible(id);
        DanganUser user = CurrentUser.require();
        Set<TaskKind> steps = EnumSet.noneOf(TaskKind.class);
        if (h.getProcessInstanceId() == null) {
            return steps;
        }
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(h.getProcessInstanceId())
                .list()) {
            TaskKind.of(PROCESS_KEY, task.getTaskDefinitionKey())
                    .filter(kind -> HandoverTasks.may(kind, user, h, institutions))
                    .filter(kind -> kind != TaskKind.HANDOVER_APPROVAL || h.mayBeApprovedBy(user.getUsername()))
                    .ifPresent(steps::add);
        }
        return steps;
    }

    /** What approving the handover does, in numbers, for the approver to confirm first. */
    public record Consequence(
            int records, int paperFiles, int boxes, int accounts, String fromName, String toName, ChangeKind kind) {}

    @Transactional(readOnly = true)
    public Consequence consequenceOfApproval(long id) {
        Handover h = visible(id);
        Institution from = institutions.require(h.getFromInstitutionId());
        return new Consequence(
                h.getRecords(),
                h.getPaperFiles(),
                h.getBoxes(),
                users.enabledCountOf(from.getId()),
                from.getName(),
                institutions.require(h.getToInstitutionId()).getName(),
                h.getKind());
    }

    /** The handover an open task of its process is about, for the task's work panel; only if the user may see it. */
    public HandoverView forTask(String taskId) {
        return read(userTasks.subjectIdOf(taskId, PROCESS_KEY));
    }

    /**
     * {@code documents} counts restricted scans too, so it is told only to readers who may see them
     * (null otherwise): the difference to what they can find would tell that restricted ones exist.
     */
    public record Counts(int records, int paperFiles, int boxes, int pages, Integer documents) {}

    public record DifferenceView(int round, String barcode, String kind, String note) {}

    /** {@code from} and {@code to} are codes (for the API); the screens show {@code fromName} and {@code toName}. */
    public record HandoverView(
            long id,
            String state,
            String from,
            String to,
            String fromName,
            String toName,
            String kind,
            String reason,
            String initiatedBy,
            String checkedBy,
            String approvedBy,
            String returnedReason,
            Counts counts,
            String inventorySha256,
            String processInstanceId,
            List<DifferenceView> differences) {}

    public HandoverView read(long id) {
        Handover h = visible(id);
        auditLog.record(AuditAction.HANDOVER_READ, "HANDOVER", Long.toString(id), h.getFromInstitutionId(), null);
        return view(h);
    }

    /** The latest handovers from or to the user's institutions, newest first. */
    @Transactional(readOnly = true)
    public List<HandoverView> list() {
        return handovers.findAll(Sort.by(Sort.Direction.DESC, "id")).stream()
                .filter(this::maySee)
                .limit(100)
                .map(this::view)
                .toList();
    }

    /** The handover as the API shows it, without an audit entry (for the bag, whose export is audited). */
    private static Integer scansTold(Handover h) {
        return CurrentUser.get()
                        .filter(u -> u.has(Permission.RESTRICTED_DOCUMENTS))
                        .isPresent()
                ? h.getDocuments()
                : null;
    }

    HandoverView view(Handover h) {
        List<DifferenceView> differences = jdbc.query(
                "select check_round, barcode, kind, note from handover_difference"
                        + " where handover_id = :id order by check_round, kind, barcode",
                new MapSqlParameterSource("id", h.getId()),
                (rs, n) -> new DifferenceView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        Institution from = institutions.require(h.getFromInstitutionId());
        Institution to = institutions.require(h.getToInstitutionId());
        return new HandoverView(
                h.getId(),
                h.getState().name(),
                from.getCode(),
                to.getCode(),
                from.getName(),
                to.getName(),
                h.getKind().name(),
                h.getReason(),
                h.getInitiatedBy(),
                h.getCheckedBy(),
                h.getApprovedBy(),
                h.getReturnedReason(),
                new Counts(h.getRecords(), h.getPaperFiles(), h.getBoxes(), h.getPages(), scansTold(h)),
                h.getInventorySha256(),
                h.getProcessInstanceId(),
                differences);
    }

    /** The receiving side's check: the box barcodes scanned, and the boxes found damaged with what is wrong. */
    public void check(long id, List<String> barcodes, Map<String, String> damaged) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        Map<String, Object> variables = new HashMap<>();
        variables.put("scanned", barcodes == null ? List.of() : new ArrayList<>(barcodes));
        variables.put("damaged", damaged == null ? Map.of() : new HashMap<>(damaged));
        complete(id, "checkDelivery", variables);
    }

    /** The giving side: RECHECK once what was missing or damaged is made good, or RETURN (with a note). */
    public void resolve(long id, String resolution, String note) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        Map<String, Object> variables = new HashMap<>();
        variables.put("resolution", resolution);
        variables.put("note", note);
        complete(id, "resolveDifferences", variables);
    }

    public void decide(long id, boolean approved, String reason) {
        RoleCheck.require(Role.SUPERVISOR);
        Map<String, Object> variables = new HashMap<>();
        variables.put("approved", approved);
        variables.put("reason", reason);
        complete(id, "approveHandover", variables);
    }

    private void complete(long id, String step, Map<String, Object> variables) {
        Handover h = visible(id);
        if (taskService
                        .createTaskQuery()
                        .processInstanceId(h.getProcessInstanceId())
                        .taskDefinitionKey(step)
                        .count()
                == 0) {
            throw Refused.of("handover.noOpenStep", id, h.getState());
        }
        userTasks.complete(h.getProcessInstanceId(), step, variables);
        auditLog.record(AuditAction.HANDOVER, "HANDOVER", Long.toString(id), h.getFromInstitutionId(), step);
    }

    /**
     * The handover list (移交清单): per box its place and files with their pages, the files in no
     * box, the totals and the inventory's checksum, and signature lines for both sides.
     */
    public byte[] handoverList(long id) {
        Handover h = visible(id);
        Institution from = institutions.require(h.getFromInstitutionId());
        Institution to = institutions.require(h.getToInstitutionId());
        // once transferred, the archive is counted where it went
        Inventory inventory = h.getState() == HandoverState.TRANSFERRED ? null : inventories.take(from.getId());
        List<List<String>> rows = new ArrayList<>();
        if (inventory != null) {
            for (Inventory.BoxEntry box : inventory.boxes()) {
                rows.add(List.of(
                        box.barcode(),
                        box.place() + " · 第" + box.position() + "位",
                        box.files().size() + " 份",
                        Integer.toString(box.pages())));
                box.files()
                        .forEach(f -> rows.add(List.of(
                                "",
                                f.fileNumber() + " (" + f.recordNumber() + ")",
                                font.name(PaperFileState.class, f.state()),
                                Integer.toString(f.pages()))));
            }
            inventory
                    .unboxed()
                    .forEach(f -> rows.add(List.of(
                            "未装盒 no box",
                            f.fileNumber() + " (" + f.recordNumber() + ")",
                            font.name(PaperFileState.class, f.state()),
                            Integer.toString(f.pages()))));
        }
        auditLog.record(AuditAction.HANDOVER_READ, "HANDOVER", Long.toString(id), from.getId(), "handover list");
        try (PrintedSheet sheet = font.sheet()) {
            sheet.title("档案移交清单 Handover list · " + id)
                    .line("移交方 Giving: " + from.getName() + " (" + from.getCode() + ") → 接收方 Receiving: " + to.getName()
                            + " (" + to.getCode() + ")")
                    .line("原因 Reason: " + font.name(h.getKind()) + " · " + h.getReason())
                    .line("合计 Totals: " + h.getRecords() + " 份健康档案 records · " + h.getPaperFiles()
                            + " 份纸质档案 paper files · "
                            + h.getBoxes() + " 盒 boxes · " + h.getPages() + " 页 pages"
                            + (scansTold(h) == null ? "" : " · " + h.getDocuments() + " 份扫描件 scans"))
                    .line("清点校验 Inventory SHA-256: " + h.getInventorySha256())
                    .line(
                            inventory == null
                                    ? "已移交 Transferred " + ChinaTime.second(h.getTransferredAt())
                                    : inventory.sha256().equals(h.getInventorySha256())
                                            ? "现状与清点一致 The archive is as inventoried"
                                            : "现状与清点不一致 The archive changed since the inventory: " + inventory.sha256())
                    .gap()
                    .table(
                            List.of("盒号 Box", "位置 / 纸质档案 Place / file", "份数 / 状态", "页数 Pages"),
                            new float[] {1.4f, 4.2f, 1.2f, 0.8f},
                            rows)
                    .gap()
                    .signatureLines(List.of(
                            "移交方经办人 Handed over by",
                            "移交方负责人 Giving head",
                            "接收方经办人 Received by",
                            "接收方负责人 Receiving head",
                            "监交人 Witness"));
            return sheet.toBytes();
        }
    }

    Handover visible(long id) {
        return handovers.findById(id).filter(this::maySee).orElseThrow(() -> Refused.invalid("handover.notFound", id));
    }

    /**
     * Administrators see every handover; archivists and supervisors those from or to an institution
     * of their scope; nobody else (the bag holds every record's personal data).
     */
    private boolean maySee(Handover h) {
        DanganUser user = CurrentUser.require();
        if (user.is(Role.ADMIN)) {
            return true;
        }
        if (!user.is(Role.ARCHIVIST) && !user.is(Role.SUPERVISOR)) {
            return false;
        }
        var scope = institutions.currentScope();
        return scope.includes(h.getFromInstitutionId()) || scope.includes(h.getToInstitutionId());
    }

    private Institution existing(String code) {
        if (code == null || code.isBlank()) {
            throw Refused.invalid("handover.institutionRequired");
        }
        return institutions.byCode(code.strip()).orElseThrow(() -> Refused.invalid("handover.noInstitution"));
    }
}
