package org.dangan.workflow.retention;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.pdf.PrintedSheet;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.PdfFont;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disposal lists as people propose, decide and read them. A list is what {@link Retention}
 * finds eligible at the institution now; the process then takes it through appraisal and two
 * approvals, and the paper goes only at the end, each file checked once more.
 */
@Service
@Transactional
public class Disposals {

    public static final String PROCESS_KEY = "paperDisposal";

    private final DisposalRepository disposals;
    private final Retention retention;
    private final Institutions institutions;
    private final NamedParameterJdbcTemplate jdbc;
    private final RecordBatches records;
    private final RuntimeService runtime;
    private final UserTasks userTasks;
    private final AuditLog auditLog;
    private final PdfFont font;
    private final Clock clock;

    Disposals(
            DisposalRepository disposals,
            Retention retention,
            Institutions institutions,
            NamedParameterJdbcTemplate jdbc,
            RecordBatches records,
            RuntimeService runtime,
            UserTasks userTasks,
            AuditLog auditLog,
            PdfFont font,
            Clock clock) {
        this.disposals = disposals;
        this.retention = retention;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.records = records;
        this.runtime = runtime;
        this.userTasks = userTasks;
        this.auditLog = auditLog;
        this.font = font;
        this.clock = clock;
    }

    public record Started(long id, String processInstanceId, int files) {}

    /** Lists the institution's eligible files for disposal and starts the process (an archivist of it). */
    /** Whether the current user may propose a disposal list: what the screens offer, by the rule propose applies. */
    public boolean mayPropose() {
        return CurrentUser.require().is(PROPOSES);
    }

    /** Whether the current user may do a step of a list (appraise, approve, countyApprove), by complete's rule. */
    public boolean mayDo(String step) {
        return CurrentUser.require().is(doing(step));
    }

    private static final Role PROPOSES = Role.ARCHIVIST;

    /** The archivist appraises the list; the head and then the county approve it. */
    private static Role doing(String step) {
        return "appraise".equals(step) ? Role.ARCHIVIST : Role.SUPERVISOR;
    }

    public Started propose(String institutionCode) {
        DanganUser user = RoleCheck.require(PROPOSES);
        Institution institution = institutions
                .byCode(institutionCode == null ? "" : institutionCode.strip())
                .filter(i -> i.getId().equals(user.institutionId()))
                .orElseThrow(() -> Refused.invalid("disposal.ownInstitution"));
        List<Retention.FileRetention> eligible = retention.eligible(institution.getCode());
        if (eligible.isEmpty()) {
            throw Refused.of("disposal.nothingDue", institution.getName());
        }
        Institution county = institutions.countyOf(institution);
        Disposal disposal =
                disposals.save(new Disposal(institution.getId(), county.getId(), user.getUsername(), clock.instant()));
        jdbc.batchUpdate(
                "insert into disposal_file (disposal_id, file_number, disposal_date) values (:id, :file, :date)",
                eligible.stream()
                        .map(f -> new MapSqlParameterSource("id", disposal.getId())
                                .addValue("file", f.fileNumber())
                                .addValue("date", Date.valueOf(f.disposalDate())))
                        .toArray(MapSqlParameterSource[]::new));
        disposal.startedAs(runtime.startProcessInstanceByKey(
                        PROCESS_KEY,
                        disposal.getId().toString(),
                        Variables.createVariables()
                                .putValue("disposalId", disposal.getId())
                                .putValue("archivists", "archivist-" + institution.getCode())
                                .putValue("supervisors", "supervisor-" + institution.getCode())
                                .putValue("county", "supervisor-" + county.getCode()))
                .getId());
        auditLog.record(
                AuditAction.DISPOSAL,
                "DISPOSAL",
                disposal.getId().toString(),
                institution.getId(),
                "proposed, " + eligible.size() + " files");
        return new Started(disposal.getId(), disposal.getProcessInstanceId(), eligible.size());
    }

    public record FileView(String fileNumber, LocalDate disposalDate, String keptBecause, boolean disposed) {}

    public record DisposalView(
            long id,
            String state,
            String proposedBy,
            String appraisedBy,
            String approvedBy,
            String countyApprovedBy,
            String rejectedReason,
            String processInstanceId,
            List<FileView> files) {}

    @Transactional(readOnly = true)
    public DisposalView read(long id) {
        Disposal d = visible(id);
        return new DisposalView(
                d.getId(),
                d.getState().name(),
                d.getProposedBy(),
                d.getAppraisedBy(),
                d.getApprovedBy(),
                d.getCountyApprovedBy(),
                d.getRejectedReason(),
                d.getProcessInstanceId(),
                files(id));
    }

    /** The disposal list an open task of its process is about, for the task's work panel. */
    @Transactional(readOnly = true)
    public DisposalView forTask(String taskId) {
        return read(userTasks.subjectIdOf(taskId, PROCESS_KEY));
    }

    /** What the step would destroy, said before a supervisor approves: the files going and the files kept. */
    public record Consequence(int going, int kept, List<String> goingFiles, String institutionName) {}

    @Transactional(readOnly = true)
    public Consequence consequenceOfApproval(long id) {
        Disposal d = visible(id);
        List<FileView> all = files(id);
        List<String> going = all.stream()
                .filter(f -> f.keptBecause() == null)
                .map(FileView::fileNumber)
                .toList();
        return new Consequence(
                going.size(),
                all.size() - going.size(),
                going,
                institutions.require(d.getInstitutionId()).getName());
    }

    public record DisposalSummary(long id, String state, String institution, String proposedBy, int files) {}

    /** The latest 100 disposal lists of the user's institutions, newest first. */
    @Transactional(readOnly = true)
    public List<DisposalSummary> list() {
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return List.of();
        }
        return disposals.findTop100ByInstitutionIdInOrderByIdDesc(scope.ids()).stream()
                .map(d -> new DisposalSummary(
                        d.getId(),
                        d.getState().name(),
                        institutions.require(d.getInstitutionId()).getName(),
                        d.getProposedBy(),
                        jdbc.queryForObject(
                                "select count(*) from disposal_file where disposal_id = :id",
                                new MapSqlParameterSource("id", d.getId()),
                                Integer.class)))
                .toList();
    }

    List<FileView> files(long id) {
        return jdbc.query(
                "select file_number, disposal_date, kept_because, disposed from disposal_file where disposal_id = :id"
                        + " order by file_number",
                new MapSqlParameterSource("id", id),
                (rs, n) ->
                        new FileView(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getBoolean(4)));
    }

    /** Completes the open step (appraise, approve, countyApprove) as the current user. */
    public void complete(long id, String step, Map<String, Object> variables) {
        RoleCheck.require(doing(step));
        Disposal d = visible(id);
        userTasks.complete(d.getProcessInstanceId(), step, variables);
        auditLog.record(AuditAction.DISPOSAL, "DISPOSAL", Long.toString(id), d.getInstitutionId(), step);
    }

    /** The disposal certificate: every file disposed of, the decisions, signature lines. */
    @Transactional(readOnly = true)
    public byte[] certificate(long id) {
        Disposal d = visible(id);
        if (d.getState() != Disposal.State.DISPOSED) {
            throw Refused.of("disposal.noCertificate", id, d.getState());
        }
        record Disposed(String file, String date) {}
        List<Disposed> disposed = jdbc.query(
                """
                select file_number, disposal_date from disposal_file
                where disposal_id = :id and disposed = true order by file_number""",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new Disposed(rs.getString(1), rs.getDate(2).toString()));
        Map<String, Integer> pages =
                records.pageCounts(disposed.stream().map(Disposed::file).toList());
        List<List<String>> rows = new ArrayList<>();
        disposed.stream()
                .filter(f -> pages.containsKey(f.file()))
                .forEach(f -> rows.add(List.of(
                        Integer.toString(rows.size() + 1), f.file(), Integer.toString(pages.get(f.file())), f.date())));
        Institution institution = institutions.require(d.getInstitutionId());
        try (PrintedSheet sheet = font.sheet()) {
            sheet.title("纸质档案销毁证明 Disposal certificate · " + id)
                    .line(institution.getName() + " (" + institution.getCode() + ")")
                    .line("销毁时间 Disposed at: " + ChinaTime.second(d.getDisposedAt()))
                    .line("提出 Proposed: " + d.getProposedBy() + " · 鉴定 Appraised: " + d.getAppraisedBy())
                    .line("单位批准 Approved: " + d.getApprovedBy() + " · 县级批准 County approval: " + d.getCountyApprovedBy())
                    .line(rows.size() + " 份纸质档案已销毁；电子档案、元数据与保管台账继续保存。"
                            + " The paper is gone; the electronic records, metadata and custody ledger are kept.")
                    .gap()
                    .table(
                            List.of("#", "纸质档案号 File", "页数 Pages", "到期日 Disposal date"),
                            new float[] {0.5f, 4, 1, 2},
                            rows)
                    .gap()
                    .signatureLines(List.of("销毁人 Destroyed by", "监销人 Witness"));
            return sheet.toBytes();
        }
    }

    private Disposal visible(long id) {
        return disposals
                .findById(id)
                .filter(d -> institutions.currentScope().includes(d.getInstitutionId()))
                .orElseThrow(() -> Refused.invalid("disposal.notFound", id));
    }
}
