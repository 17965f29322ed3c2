package org.dangan.workflow.resident;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.springframework.stereotype.Component;

/**
 * The archivist's answer to a resident's correction request, however completed (the inbox's work
 * panel, Tasklist, engine REST): the request, keyed by the process's business key, applies it.
 */
@Component("residentCorrectionTasks")
class ResidentCorrectionTasks implements TaskListener, TaskForm.Forms {

    private final ResidentCorrections corrections;
    private final UserTasks userTasks;

    ResidentCorrectionTasks(ResidentCorrections corrections, UserTasks userTasks) {
        this.corrections = corrections;
        this.userTasks = userTasks;
    }

    @Override
    public List<TaskForm> forms() {
        return List.of(TaskForm.of(
                ResidentCorrections.PROCESS,
                TaskKind.RESIDENT_CORRECTION_CHECK.taskKey(),
                TaskForm.Field.choice("decision", "CORRECT", "REFUSE"),
                TaskForm.Field.text("value", ResidentCorrection.VALUE_LENGTH),
                TaskForm.Field.text("reason", TaskForm.REASON_LENGTH)));
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskKind.of(task) != TaskKind.RESIDENT_CORRECTION_CHECK) {
            throw new IllegalStateException("residentCorrectionTasks listens to " + task.getTaskDefinitionKey());
        }
        corrections.answer(
                UserTasks.subjectId(task),
                userTasks.actor(task),
                text(task.getVariable("decision")),
                text(task.getVariable("value")),
                text(task.getVariable("reason")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
