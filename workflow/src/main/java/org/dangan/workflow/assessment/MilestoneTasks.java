package org.dangan.workflow.assessment;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.springframework.stereotype.Component;

/** The county supervisor's answer to an overdue milestone, however the task is completed. */
@Component("milestoneTasks")
class MilestoneTasks implements TaskListener, TaskForm.Forms {

    private final Milestones milestones;
    private final UserTasks userTasks;

    MilestoneTasks(Milestones milestones, UserTasks userTasks) {
        this.milestones = milestones;
        this.userTasks = userTasks;
    }

    @Override
    public List<TaskForm> forms() {
        return List.of(TaskForm.of(
                Milestones.PROCESS,
                TaskKind.MILESTONE_OVERDUE.taskKey(),
                TaskForm.Field.text("note", TaskForm.REASON_LENGTH)));
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskKind.of(task) != TaskKind.MILESTONE_OVERDUE) {
            throw new IllegalStateException("milestoneTasks listens to " + task.getTaskDefinitionKey());
        }
        Object note = task.getVariable("note");
        milestones.handled(UserTasks.subjectId(task), userTasks.actor(task), note == null ? null : note.toString());
    }
}
