package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 工作计划里程碑: reached before its day, reached on it, or overdue and a task for the county, with milestoneProcess mocked. */
@Deployment(resources = "bpmn/assessment-milestone.bpmn")
class AssessmentMilestoneModelTest extends ProcessPathTest {

    static final Date SET = Date.from(Instant.parse("2026-03-01T02:00:00Z"));
    static final Date DUE = Date.from(Instant.parse("2026-06-30T16:00:00Z"));

    /** What the model calls on the milestone module's bean. */
    public interface MilestoneProcess {
        void checkReached(DelegateExecution execution);
    }

    TaskListener tasks;
    MilestoneProcess check;

    @BeforeEach
    void mockBeans() {
        tasks = bean("milestoneTasks", TaskListener.class);
        check = bean("milestoneProcess", MilestoneProcess.class);
        clockAt(SET);
    }

    private ProcessInstance start() {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "assessmentMilestone",
                        "7",
                        Map.of("dueAt", DUE, "supervisors", "supervisor-130123", "institution", "130123101"));
    }

    @Test
    void a_milestone_reached_before_its_day_ends_without_a_task() {
        ProcessInstance milestone = start();
        // an event-based gateway waits in itself, subscribed to both events
        assertThat(milestone).isWaitingAt("waitGateway");
        assertThat(jobs(milestone, "dayPassed")).hasSize(1);
        engine.getRuntimeService()
                .createMessageCorrelation("milestoneReached")
                .processInstanceBusinessKey("7")
                .correlate();
        assertThat(milestone).isEnded().hasPassed("milestoneMet").hasNotPassed("handleOverdue", "checkReached");
        assertThat(jobs(milestone, "dayPassed")).isEmpty();
    }

    @ParameterizedTest(name = "reached on the day: {0}")
    @ValueSource(booleans = {true, false})
    void when_the_day_passes_the_check_decides_whether_the_county_gets_a_task(boolean reached) {
        doAnswer(call -> {
                    ((DelegateExecution) call.getArgument(0)).setVariable("reached", reached);
                    return null;
                })
                .when(check)
                .checkReached(any());
        ProcessInstance milestone = start();
        assertThat(dueTimers(milestone)).isEmpty();
        clockAt(Date.from(DUE.toInstant().plusSeconds(60)));
        assertThat(dueTimers(milestone)).hasSize(1);
        run(milestone, "dayPassed");
        if (reached) {
            assertThat(milestone)
                    .isEnded()
                    .hasPassed("checkReached", "milestoneMet")
                    .hasNotPassed("handleOverdue");
        } else {
            assertThat(milestone).isWaitingAtExactly("handleOverdue");
            assertThat(candidateGroups(milestone, "handleOverdue")).containsExactly("supervisor-130123");
            complete(milestone, "handleOverdue", Map.of("note", "已督促，延期至7月底"));
            assertThat(milestone).isEnded().hasPassed("overdueHandled");
            assertThat(completedThrough(tasks)).containsExactly("handleOverdue");
        }
    }
}
