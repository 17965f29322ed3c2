package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 户籍变动跟进: the follow-up model's paths, with registrationFollowUpTasks mocked. */
@Deployment(resources = "bpmn/registration-follow-up.bpmn")
class RegistrationFollowUpModelTest extends ProcessPathTest {

    TaskListener tasks;

    @BeforeEach
    void mockBeans() {
        tasks = bean("registrationFollowUpTasks", TaskListener.class);
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({"DECEASED, confirmDeath, closeMovedOut", "MOVED_OUT, closeMovedOut, confirmDeath"})
    void the_change_decides_which_task_the_archivist_closes(String event, String task, String otherTask) {
        ProcessInstance followUp = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "registrationFollowUp",
                        "R-330101-0007",
                        Map.of("recordNumber", "R-330101-0007", "event", event, "archivists", "archivist-T01"));
        assertThat(followUp).isWaitingAtExactly(task);
        assertThat(candidateGroups(followUp, task)).containsExactly("archivist-T01");
        complete(followUp, task, Map.of("note", "已核实"));
        assertThat(followUp)
                .isEnded()
                .hasPassedInOrder("recordMarked", "eventGateway", task, "followedUp")
                .hasNotPassed(otherTask);
        assertThat(completedThrough(tasks)).containsExactly(task);
    }
}
