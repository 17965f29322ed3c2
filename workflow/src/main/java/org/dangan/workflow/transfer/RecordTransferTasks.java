package org.dangan.workflow.transfer;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The transfer's acceptance, however completed: an archivist or supervisor of the receiving
 * institution decides ({@code accepted}, and a {@code reason} for a refusal).
 */
@Component("recordTransferTasks")
class RecordTransferTasks implements TaskListener, TaskForm.Forms {

    private final RecordTransferRepository transfers;
    private final UserTasks userTasks;
    private final Clock clock;

    RecordTransferTasks(RecordTransferRepository transfers, UserTasks userTasks, Clock clock) {
        this.transfers = transfers;
        this.userTasks = userTasks;
        this.clock = clock;
    }

    @Override
    public java.util.List<TaskForm> forms() {
        return java.util.List.of(TaskForm.of(RecordTransfers.PROCESS_KEY, "acceptTransfer", TaskForm.Field.yesNo("accepted"),
                TaskForm.Field.text("reason", TaskForm.REASON_LENGTH)));
    }

    @Override
    public void notify(DelegateTask task) {
        RecordTransfer transfer = transfers.findById(UserTasks.subjectId(task)).orElseThrow();
        DanganUser user = userTasks.actor(task);
        if (!(user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR))
                || !transfer.getToInstitutionId().equals(user.institutionId())) {
            throw new AccessDeniedException(user.getUsername() + " may not decide transfer " + transfer.getId()
                    + ": it needs an archivist or supervisor of the receiving institution");
        }
        Object accepted = task.getVariable("accepted");
        if (!(accepted instanceof Boolean)) {
            throw new IllegalArgumentException("accepted: true to take the record in, false to refuse (with a reason)");
        }
        transfer.decide(user.getUsername(), (Boolean) accepted, (String) task.getVariable("reason"), clock.instant());
    }
}
