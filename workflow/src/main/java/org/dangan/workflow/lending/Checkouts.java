package org.dangan.workflow.lending;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.registry.PaperFileState;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordBatches.KeptPaperFile;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-outs as people ask for and decide them. The files must all be kept by one institution of
 * the requester's scope, in a box and not out; the request starts the check-out process, whose
 * tasks go to that institution's supervisors and archivists.
 */
@Service
@Transactional
public class Checkouts {

    public static final String PROCESS_KEY = "paperCheckout";

    private final CheckoutRepository checkouts;
    private final Institutions institutions;
    private final RecordBatches paperFiles;
    private final RuntimeService runtime;
    private final UserTasks userTasks;
    private final AuditLog auditLog;
    private final CustodyLedger ledger;
    private final Clock clock;

    Checkouts(
            CheckoutRepository checkouts,
            Institutions institutions,
            RecordBatches paperFiles,
            RuntimeService runtime,
            UserTasks userTasks,
            AuditLog auditLog,
            CustodyLedger ledger,
            Clock clock) {
        this.checkouts = checkouts;
        this.institutions = institutions;
        this.paperFiles = paperFiles;
        this.runtime = runtime;
        this.userTasks = userTasks;
        this.auditLog = auditLog;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record Request(List<String> fileNumbers, String purpose, LocalDate until) {}

    public record Started(long id, String processInstanceId) {}

    /** The first day paper may be promised back on: today where the paper is, as {@link Checkout} checks. */
    public LocalDate earliestReturn() {
        return ChinaTime.today(clock);
    }

    public Started request(Request request) {
        // the head of a centre may need a file too; the four-eyes rule keeps them from approving their own request
        DanganUser user = RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        if (request.fileNumbers() == null || request.fileNumbers().isEmpty()) {
            throw Refused.invalid("checkout.filesRequired");
        }
        InstitutionScope scope = institutions.currentScope();
        Long keeper = null;
        for (String file : request.fileNumbers()) {
            KeptPaperFile found = paperFiles
                    .kept(file)
                    .filter(f -> f.keeperId() != null && scope.includes(f.keeperId()))
                    .orElseThrow(() -> Refused.invalid("checkout.noFile", file));
            if (found.state() != PaperFileState.STORED) {
                throw Refused.of("paperFile.cannot.checkOut", file, found.state());
            }
            if (keeper != null && !keeper.equals(found.keeperId())) {
                throw Refused.invalid("checkout.differentKeepers");
            }
            keeper = found.keeperId();
        }
        Checkout checkout = checkouts.save(new Checkout(
                keeper,
                user.getUsername(),
                request.fileNumbers(),
                request.purpose(),
                request.until(),
                clock.instant()));
        String code = institutions.require(keeper).getCode();
        // due when the promised day ends where the paper is (the institutions are in China)
        Date dueAt = Date.from(
                request.until().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
        checkout.startedAs(runtime.startProcessInstanceByKey(
                        PROCESS_KEY,
                        checkout.getId().toString(),
                        Variables.createVariables()
                                .putValue("checkoutId", checkout.getId())
                                .putValue("supervisors", "supervisor-" + code)
                                .putValue("archivists", "archivist-" + code)
                                .putValue("dueAt", dueAt))
                .getId());
        auditLog.record(
                AuditAction.CHECKOUT_REQUESTED,
                "CHECKOUT",
                checkout.getId().toString(),
                keeper,
                request.fileNumbers().size() + " files until " + request.until());
        return new Started(checkout.getId(), checkout.getProcessInstanceId());
    }

    public record FileView(String fileNumber, String currentPlace) {}

    public record CheckoutView(
            long id,
            String state,
            String requestedBy,
            String purpose,
            LocalDate until,
            boolean overdue,
            String decidedBy,
            String refusalReason,
            String processInstanceId,
            List<FileView> files) {}

    public CheckoutView read(long id) {
        Checkout c = visible(id);
        auditLog.record(AuditAction.CHECKOUT_READ, "CHECKOUT", Long.toString(id), c.getInstitutionId(), null);
        return view(c);
    }

    /** The latest 200 check-outs of the user's institutions, newest first. */
    @Transactional(readOnly = true)
    public List<CheckoutView> list() {
        RoleCheck.require(LENDERS);
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return List.of();
        }
        return checkouts.findTop200ByInstitutionIdInOrderByIdDesc(scope.ids()).stream()
                .map(this::view)
                .toList();
    }

    /**
     * Every check-out of the given paper files in the user's institutions, newest first, however
     * old: a resident's page shows the whole lending history of their files, not the latest 200.
     */
    @Transactional(readOnly = true)
    public List<CheckoutView> ofFiles(Collection<String> fileNumbers) {
        RoleCheck.require(LENDERS);
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty() || fileNumbers.isEmpty()) {
            return List.of();
        }
        return checkouts.findWithFiles(scope.ids(), fileNumbers).stream()
                .map(this::view)
                .toList();
    }

    private CheckoutView view(Checkout c) {
        return new CheckoutView(
                c.getId(),
                c.getState().name(),
                c.getRequestedBy(),
                c.getPurpose(),
                c.getDueOn(),
                c.isOverdue(),
                c.getDecidedBy(),
                c.getRefusalReason(),
                c.getProcessInstanceId(),
                c.getFileNumbers().stream()
                        .map(f -> new FileView(
                                f,
                                ledger.currentPlace(CustodySubject.PAPER_FILE, f)
                                        .orElse(null)))
                        .toList());
    }

    /** Whether the current user may approve or refuse requests: what the screens offer, by the rule decide applies. */
    public boolean mayDecide() {
        return CurrentUser.require().is(DECIDES);
    }

    /** Whether the current user may take files back in, by the rule giveBack applies. */
    public boolean mayTakeBack() {
        return CurrentUser.require().is(TAKES_BACK);
    }

    private static final Role DECIDES = Role.SUPERVISOR;
    private static final Role TAKES_BACK = Role.ARCHIVIST;
    /** Those who lend and borrow paper read its check-outs; searchers, auditors and admins do not. */
    private static final Role[] LENDERS = {Role.ARCHIVIST, Role.SUPERVISOR};

    /** A supervisor's decision: completes the approval task as the current user. */
    public void decide(long id, boolean approved, String reason) {
        RoleCheck.require(DECIDES);
        complete(
                visible(id),
                "approveCheckout",
                Variables.createVariables().putValue("approved", approved).putValue("reason", reason));
    }

    /** An archivist takes the files back: completes the return task as the current user. */
    public void giveBack(long id) {
        RoleCheck.require(TAKES_BACK);
        complete(visible(id), "returnFiles", Variables.createVariables());
    }

    private void complete(Checkout c, String taskKey, Map<String, Object> variables) {
        userTasks.complete(c.getProcessInstanceId(), taskKey, variables);
    }

    private Checkout visible(long id) {
        RoleCheck.require(LENDERS);
        return checkouts
                .findById(id)
                .filter(c -> institutions.currentScope().includes(c.getInstitutionId()))
                .orElseThrow(() -> new CheckoutNotFoundException(id));
    }
}
