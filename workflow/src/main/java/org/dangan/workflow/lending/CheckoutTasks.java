package org.dangan.workflow.lending;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The check-out's user tasks, whichever way they are completed (screens, Tasklist, engine REST):
 * the one completing must be a supervisor (approve, follow up) or an archivist (take back) of the
 * check-out's institution; the decision goes to {@link Checkout}, which refuses four-eyes breaches.
 */
@Component("checkoutTasks")
class CheckoutTasks implements TaskListener, TaskForm.Forms {

    private final CheckoutRepository checkouts;
    private final UserTasks userTasks;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    CheckoutTasks(
            CheckoutRepository checkouts, UserTasks userTasks, AuditLog auditLog, ApplicationEventPublisher events) {
        this.events = events;
        this.checkouts = checkouts;
        this.userTasks = userTasks;
        this.auditLog = auditLog;
    }

    @Override
    public List<TaskForm> forms() {
        String process = Checkouts.PROCESS_KEY;
        return List.of(
                TaskForm.of(
                        process,
                        "approveCheckout",
                        TaskForm.Field.yesNo("approved"),
                        TaskForm.Field.text("reason", TaskForm.REASON_LENGTH)),
                TaskForm.of(process, "returnFiles"),
                TaskForm.of(process, "followUp"));
    }

    @Override
    public void notify(DelegateTask task) {
        long id = UserTasks.subjectId(task);
        Checkout checkout = checkouts.findById(id).orElseThrow();
        DanganUser user = userTasks.actor(task);
        TaskKind kind = TaskKind.of(task);
        Role needed = switch (kind) {
            case CHECKOUT_RETURN -> Role.ARCHIVIST;
            case CHECKOUT_APPROVAL, CHECKOUT_FOLLOW_UP -> Role.SUPERVISOR;
            default -> throw new IllegalStateException("not a check-out task: " + kind);
        };
        if (!user.is(needed) || !checkout.getInstitutionId().equals(user.institutionId())) {
            throw Refused.forbidden("checkout.forbidden", id, needed);
        }
        if (kind == TaskKind.CHECKOUT_APPROVAL) {
            Object approved = task.getVariable("approved");
            if (!(approved instanceof Boolean)) {
                throw Refused.invalid("checkout.decisionRequired", id);
            }
            checkout.decide(user.getUsername(), (Boolean) approved, (String) task.getVariable("reason"));
            auditLog.record(
                    AuditAction.CHECKOUT_DECIDED,
                    "CHECKOUT",
                    Long.toString(id),
                    checkout.getInstitutionId(),
                    (Boolean) approved ? "approved" : "refused");
            events.publishEvent(new CheckoutDecided(id, checkout.getRequestedBy(), (Boolean) approved));
        }
    }
}
