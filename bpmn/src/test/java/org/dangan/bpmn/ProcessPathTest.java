package org.dangan.bpmn;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/**
 * A model's paths on the shared in-memory engine: the test deploys the model with
 * {@code @Deployment}, registers mocks under the bean names the model's expressions use, and
 * walks the process by completing user tasks and executing jobs.
 */
abstract class ProcessPathTest {

    // one extension per test instance over the one engine: the extension forgets its services after a class
    @RegisterExtension
    final ProcessEngineExtension engine = ModelEngine.extension();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine.getProcessEngine());
    }

    @AfterEach
    void forgetMocks() {
        Mocks.reset();
    }

    /** A mock registered under the bean name the model's expressions call. */
    static <T> T bean(String name, Class<T> type) {
        T bean = mock(type);
        Mocks.register(name, bean);
        return bean;
    }

    /** The keys of the user tasks whose completion the listener saw, in order. */
    static List<String> completedThrough(TaskListener listener) {
        ArgumentCaptor<DelegateTask> tasks = ArgumentCaptor.forClass(DelegateTask.class);
        verify(listener, atLeast(0)).notify(tasks.capture());
        return tasks.getAllValues().stream()
                .map(DelegateTask::getTaskDefinitionKey)
                .toList();
    }

    /**
     * A task listener that, like the domain's, sets execution variables when the task completes:
     * the first completion of the task sets the first map, the next the next, the last map repeats.
     */
    @SafeVarargs
    static void setsOnComplete(TaskListener listener, String taskKey, Map<String, Object>... variables) {
        AtomicInteger completions = new AtomicInteger();
        Mockito.doAnswer(call -> {
                    DelegateTask task = call.getArgument(0);
                    if (task.getTaskDefinitionKey().equals(taskKey)) {
                        int n = Math.min(completions.getAndIncrement(), variables.length - 1);
                        task.getExecution().setVariables(variables[n]);
                    }
                    return null;
                })
                .when(listener)
                .notify(any());
    }

    Task waitingTask(ProcessInstance instance, String taskKey) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        engine.getTaskService().complete(waitingTask(instance, taskKey).getId(), variables);
    }

    void complete(ProcessInstance instance, String taskKey) {
        complete(instance, taskKey, Map.of());
    }

    List<String> candidateGroups(ProcessInstance instance, String taskKey) {
        return candidateGroups(waitingTask(instance, taskKey));
    }

    List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId())
                .toList();
    }

    /** The jobs of an activity (async continuation or timer), due now or later. */
    List<Job> jobs(ProcessInstance instance, String activityId) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .list();
    }

    /** Executes the one job waiting before or on the activity. */
    void run(ProcessInstance instance, String activityId) {
        List<Job> jobs = jobs(instance, activityId);
        if (jobs.size() != 1) {
            throw new AssertionError("expected one job at " + activityId + ", found " + jobs.size());
        }
        engine.getManagementService().executeJob(jobs.get(0).getId());
    }

    /** Timers of the instance that are due at the engine's current time. */
    List<Job> dueTimers(ProcessInstance instance) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .executable()
                .list();
    }

    void clockAt(Date now) {
        engine.setCurrentTime(now);
    }
}
