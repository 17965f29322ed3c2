package org.dangan.workflow.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.dangan.workflow.platform.TaskKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the assignee and candidates of every new user task of every process, whatever the model:
 * the engine gives each user task, as it reads the model, a built-in create listener (built in, so
 * that a model needs no listener of ours and an instance modified without custom listeners still
 * tells). The notice names the task by its {@link TaskKind} and the process's subject by its id;
 * once the task is completed or deleted, its notice counts as read for everyone told.
 */
@Component
class NewTaskNotices extends AbstractProcessEnginePlugin implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(NewTaskNotices.class);

    private final ObjectProvider<Notifications> notifications;

    NewTaskNotices(ObjectProvider<Notifications> notifications) {
        this.notifications = notifications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, NewTaskNotices.this);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, NewTaskNotices.this);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, NewTaskNotices.this);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static final Set<TaskKind> NAMED_BY_RESIDENT =
            Set.of(TaskKind.DEATH_CONFIRMATION, TaskKind.MOVED_OUT_CLOSURE);

    @Override
    public void notify(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            notifications.getObject().taskGone(task.getId());
            return;
        }
        String process = task.getProcessDefinitionId().split(":")[0];
        Optional<TaskKind> kind = TaskKind.of(process, task.getTaskDefinitionKey());
        if (kind.isEmpty()) {
            log.warn("no notification for task {} of {}: it has no TaskKind", task.getTaskDefinitionKey(), process);
            return;
        }
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            users.add(task.getAssignee());
        }
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
                users.add(link.getUserId());
            } else if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        String subject = task.getExecution().getProcessBusinessKey();
        String what = Notice.KEY + "TaskKind." + kind.get().name();
        // a registration follow-up is keyed by the resident's record number: with "death" beside it, that
        // names a person's health event to whoever reads the notice, the webhook's receiver included
        Notice notice = subject == null || NAMED_BY_RESIDENT.contains(kind.get())
                ? new Notice(
                        NotificationKind.TASK,
                        "notification.taskUnnumbered",
                        List.of(what),
                        "tasks",
                        users,
                        groups,
                        task.getId())
                : new Notice(
                        NotificationKind.TASK,
                        "notification.task",
                        List.of(what, subject),
                        "tasks",
                        users,
                        groups,
                        task.getId());
        notifications.getObject().raise(notice);
    }
}
