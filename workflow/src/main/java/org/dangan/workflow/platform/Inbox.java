package org.dangan.workflow.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.dangan.workflow.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every task the current user may work, whichever process it belongs to: offered to one of the
 * user's groups (role and institution, see {@link CamundaIdentityMirror}) or assigned to the user.
 * The scope is the engine's own: a task is offered to the groups of the institution it is for, so
 * another institution's tasks never appear. Completing claims the task for the user first, with
 * the user known to the engine, so the history names who did it; the task's complete listener
 * decides whether that user may.
 */
@Service
public class Inbox {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final Map<TaskKind, TaskSubjects> subjects = new EnumMap<>(TaskKind.class);

    Inbox(
            TaskService tasks,
            RuntimeService runtime,
            RepositoryService repository,
            IdentityService identity,
            List<TaskSubjects> modules) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.identity = identity;
        modules.forEach(m -> m.kinds().forEach(k -> subjects.put(k, m)));
    }

    /** One task: what it is, what it is about, for which institution, since when and until when. */
    public record Item(
            String taskId,
            TaskKind kind,
            String businessKey,
            TaskSubjects.Subject subject,
            Instant created,
            Instant due,
            String assignee) {

        public String institutionName() {
            return subject.institutionName();
        }

        /** The last day to do it, in China: a due moment is the end of that day. */
        public LocalDate dueDay() {
            return due == null ? null : LocalDate.ofInstant(due.minusSeconds(1), ChinaTime.ZONE);
        }

        public boolean overdue(Instant now) {
            return due != null && due.isBefore(now);
        }
    }

    @Transactional(readOnly = true)
    public List<Item> mine() {
        List<Task> open = query().orderByTaskCreateTime().asc().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, String> keys = runtime
                .createProcessInstanceQuery()
                .processInstanceIds(
                        open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list()
                .stream()
                .collect(Collectors.toMap(
                        ProcessInstance::getId, p -> p.getBusinessKey() == null ? "" : p.getBusinessKey()));
        Map<String, String> processes = repository
                .createProcessDefinitionQuery()
                .processDefinitionIdIn(open.stream()
                        .map(Task::getProcessDefinitionId)
                        .distinct()
                        .toArray(String[]::new))
                .list()
                .stream()
                .collect(Collectors.toMap(ProcessDefinition::getId, ProcessDefinition::getKey));
        return open.stream()
                .flatMap(
                        t -> item(
                                t,
                                processes.get(t.getProcessDefinitionId()),
                                keys.getOrDefault(t.getProcessInstanceId(), ""))
                                .stream())
                .toList();
    }

    /** How many tasks wait for the user, for the menu's badge: one count query, no subjects. */
    @Transactional(readOnly = true)
    public long count() {
        return query().count();
    }

    /** One of the user's tasks; any other id (done, another's, made up) is refused alike. */
    @Transactional(readOnly = true)
    public Item require(String taskId) {
        return mine().stream()
                .filter(t -> t.taskId().equals(taskId))
                .findFirst()
                .orElseThrow(() -> Refused.notFound("task.notYours", taskId));
    }

    /**
     * Claims (when nobody has) and completes one of the user's tasks. A refusal of the domain
     * (wrong person, four eyes, missing reason) comes back as its own, the task left open.
     */
    @Transactional
    public Item complete(String taskId, Map<String, Object> variables) {
        Item item = require(taskId);
        String user = CurrentUser.require().getUsername();
        identity.setAuthentication(
                user,
                identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId)
                        .toList());
        try {
            if (item.assignee() == null) {
                tasks.claim(taskId, user);
            }
            tasks.complete(taskId, variables);
        } catch (ProcessEngineException e) {
            throw EngineErrors.domainCause(e);
        } finally {
            identity.clearAuthentication();
        }
        return item;
    }

    private TaskQuery query() {
        String user = CurrentUser.require().getUsername();
        return tasks.createTaskQuery()
                .active()
                .or()
                .taskCandidateUser(user)
                .taskAssignee(user)
                .endOr();
    }

    private Optional<Item> item(Task task, String processKey, String businessKey) {
        // a task of a model the enum lacks is left out rather than shown without a panel
        return Optional.ofNullable(processKey)
                .flatMap(p -> TaskKind.of(p, task.getTaskDefinitionKey()))
                .map(kind -> {
                    TaskSubjects module = subjects.get(kind);
                    TaskSubjects.Subject subject = module == null
                            ? TaskSubjects.Subject.unknown(businessKey)
                            : module.subject(kind, businessKey, runtime.getVariables(task.getExecutionId()));
                    Instant due = Optional.ofNullable(task.getDueDate())
                            .map(Date::toInstant)
                            .orElse(subject.due());
                    return new Item(
                            task.getId(),
                            kind,
                            businessKey,
                            subject,
                            task.getCreateTime().toInstant(),
                            due,
                            task.getAssignee());
                });
    }
}
