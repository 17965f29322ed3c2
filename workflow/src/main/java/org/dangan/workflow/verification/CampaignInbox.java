package org.dangan.workflow.verification;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current user's campaign tasks, as the task inbox shows them: offered to one of the user's
 * groups or assigned to the user; completing goes through the general {@link Inbox}.
 */
@Service
public class CampaignInbox {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final Institutions institutions;
    private final Inbox inbox;

    CampaignInbox(TaskService tasks, RuntimeService runtime, Institutions institutions, Inbox inbox) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.institutions = institutions;
        this.inbox = inbox;
    }

    /** One task: what it is, for which campaign and institution. */
    public record WorkItem(
            String taskId,
            TaskKind kind,
            long campaignId,
            String institutionCode,
            String institutionName,
            Date created,
            String assignee) {}

    public List<WorkItem> mine() {
        String user = CurrentUser.require().getUsername();
        return tasks
                .createTaskQuery()
                .processDefinitionKey(Campaigns.PROCESS_KEY)
                .or()
                .taskCandidateUser(user)
                .taskAssignee(user)
                .endOr()
                .orderByTaskCreateTime()
                .asc()
                .list()
                .stream()
                .map(this::item)
                .toList();
    }

    public WorkItem require(String taskId) {
        return mine().stream()
                .filter(t -> t.taskId().equals(taskId))
                .findFirst()
                .orElseThrow(() -> Refused.notFound("task.notYours", taskId));
    }

    /**
     * Claims (when nobody has) and completes one of the user's tasks. A refusal of the domain
     * (wrong person, four eyes, sample not judged) comes back as its own message, the task open.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> variables) {
        require(taskId);
        inbox.complete(taskId, variables);
    }

    private WorkItem item(Task task) {
        Map<String, Object> vars = runtime.getVariables(task.getExecutionId());
        String code = (String) vars.get("institution");
        String name = code == null
                ? null
                : institutions.byCode(code).map(i -> i.getName()).orElse(code);
        return new WorkItem(
                task.getId(),
                TaskKind.of(Campaigns.PROCESS_KEY, task.getTaskDefinitionKey()).orElseThrow(),
                ((Number) vars.get("campaignId")).longValue(),
                code,
                name,
                task.getCreateTime(),
                task.getAssignee());
    }
}
