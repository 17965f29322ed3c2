package org.dangan.workflow.transfer;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
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
    public List<TaskForm> forms() {
        return List.of(TaskForm.of(
                RecordTransfers.PROCESS_KEY,
                "acceptTransfer",
                TaskForm.Field.yesNo("accepted"),
                TaskForm.Field.text("reason", TaskForm.REASON_LENGTH)));
    }

    @Override
    public void notify(DelegateTask task) {
        RecordTransfer transfer = transfers.findById(UserTasks.subjectId(task)).orElseThrow();
        DanganUser user = userTasks.actor(task);
        if (TaskKind.of(task) != TaskKind.TRANSFER_ACCEPTANCE) {
            throw new IllegalStateException("no transfer task " + task.getTaskDefinitionKey());
        }
        if (!(user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR))
                || !transfer.getToInstitutionId().equals(user.institutionId())) {
            throw Refused.forbidden("transfer.decide.forbidden", transfer.getId());
        }
        Object accepted = task.getVariable("accepted");
        if (!(accepted instanceof Boolean)) {
            throw Refused.invalid("task.decisionRequired");
        }
        transfer.decide(user.getUsername(), (Boolean) accepted, (String) task.getVariable("reason"), clock.instant());
    }
}
