package org.dangan.workflow.platform;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.UserAccounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a process's open user task as the current user, for services that offer a step of a
 * process through their own API; the task's complete listener decides whether that user may.
 */
@Component
public class UserTasks {

    private final TaskService tasks;
    private final UserAccounts users;

    private final RuntimeService runtime;

    UserTasks(TaskService tasks, RuntimeService runtime, UserAccounts users) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.users = users;
    }

    /**
     * The id of what the task's process runs for (a campaign, a document, a check-out, ...): every
     * process is started with it as its business key, which no task completion can change, unlike
     * the process's variables.
     */
    public static long subjectId(DelegateTask task) {
        return Long.parseLong(subjectKey(task));
    }

    /** The business key itself, for processes keyed by something other than a number (a record number). */
    public static String subjectKey(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    /** Who completes a task, for its complete listener: the logged-in user, or (engine REST, jobs) the task's assignee. */
    public DanganUser actor(DelegateTask task) {
        return CurrentUser.get().orElseGet(() -> {
            if (task.getAssignee() == null) {
                throw Refused.of("task.unclaimed", task.getTaskDefinitionKey());
            }
            return (DanganUser) users.loadUserByUsername(task.getAssignee());
        });
    }

    /**
     * The id of what an open task of the caller's process runs for (its business key), for the
     * task's work panel; a task of another process is not found, so an id of one kind of subject is
     * never read as another's. The caller still checks the user may see that subject.
     */
    public long subjectIdOf(String taskId, String processKey) {
        Task task = taskId == null
                ? null
                : tasks.createTaskQuery()
                        .taskId(taskId)
                        .processDefinitionKey(processKey)
                        .singleResult();
        if (task == null) {
            throw Refused.notFound("task.gone", taskId);
        }
        return Long.parseLong(runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getBusinessKey());
    }

    /**
     * Completes the open step {@code taskKey} of the process instance as the current user. One
     * transaction: when the task's listener refuses the user, the assignment goes too, or the task
     * would stay assigned to someone who may not do it and leave the others' inboxes.
     */
    @Transactional
    public void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw Refused.of("task.noOpenStep");
        }
        tasks.setAssignee(task.getId(), CurrentUser.require().getUsername());
        try {
            tasks.complete(task.getId(), variables);
        } catch (ProcessEngineException e) {
            throw EngineErrors.domainCause(e);
        }
    }
}
