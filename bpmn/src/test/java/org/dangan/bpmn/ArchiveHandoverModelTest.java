package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * 档案移交: the handover model's paths, with handoverProcess and handoverTasks mocked. The
 * delivery check's listener counts the differences and sets {@code differences}, as the domain's
 * does; the other decisions come with the completion.
 */
@Deployment(resources = "bpmn/archive-handover.bpmn")
class ArchiveHandoverModelTest extends ProcessPathTest {

    /** The service tasks' bean, as {@code org.dangan.workflow.handover.HandoverProcess} offers it. */
    public interface HandoverProcess {
        void inventory(long handoverId);

        void transfer(long handoverId);

        void returned(long handoverId);
    }

    static final Map<String, Object> SCANNED = Map.of("scanned", List.of("BOX-1", "BOX-2"));

    HandoverProcess process;
    TaskListener tasks;

    @BeforeEach
    void mockBeans() {
        process = bean("handoverProcess", HandoverProcess.class);
        tasks = bean("handoverTasks", TaskListener.class);
    }

    /** Recorded and inventoried: waiting for the receiving side's check. */
    ProcessInstance inventoried() {
        ProcessInstance handover = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "archiveHandover",
                        "74",
                        Map.of(
                                "handoverId",
                                74L,
                                "receivers",
                                "archivist-T02",
                                "givers",
                                "archivist-T01",
                                "approvers",
                                "supervisor-C01"));
        verify(process).inventory(74L);
        assertThat(handover).hasPassedInOrder("changeRecorded", "takeInventory").isWaitingAtExactly("checkDelivery");
        assertThat(candidateGroups(handover, "checkDelivery")).containsExactly("archivist-T02");
        return handover;
    }

    @Test
    void a_delivery_checked_without_differences_and_approved_switches_custody() {
        setsOnComplete(tasks, "checkDelivery", Map.of("differences", 0));
        ProcessInstance handover = inventoried();
        complete(handover, "checkDelivery", SCANNED);
        assertThat(handover).isWaitingAtExactly("approveHandover");
        assertThat(candidateGroups(handover, "approveHandover")).containsExactly("supervisor-C01");

        complete(handover, "approveHandover", Map.of("approved", true, "reason", ""));
        InOrder calls = inOrder(process);
        calls.verify(process).inventory(74L);
        calls.verify(process).transfer(74L);
        verifyNoMoreInteractions(process);
        assertThat(handover)
                .isEnded()
                .hasPassedInOrder(
                        "takeInventory",
                        "checkDelivery",
                        "differencesGateway",
                        "approveHandover",
                        "approvedGateway",
                        "switchCustody",
                        "handedOver")
                .hasNotPassed("resolveDifferences", "returnHandover", "handoverReturned");
        assertThat(completedThrough(tasks)).containsExactly("checkDelivery", "approveHandover");
    }

    @Test
    void differences_fixed_by_the_giving_side_send_the_delivery_back_to_be_checked_again() {
        setsOnComplete(tasks, "checkDelivery", Map.of("differences", 2), Map.of("differences", 0));
        ProcessInstance handover = inventoried();
        complete(handover, "checkDelivery", SCANNED);
        assertThat(handover).isWaitingAtExactly("resolveDifferences");
        assertThat(candidateGroups(handover, "resolveDifferences")).containsExactly("archivist-T01");

        complete(handover, "resolveDifferences", Map.of("resolution", "RECHECK", "note", "补齐两盒"));
        assertThat(handover).isWaitingAtExactly("checkDelivery").hasPassed("resolutionGateway");
        complete(handover, "checkDelivery", SCANNED);
        assertThat(handover).isWaitingAtExactly("approveHandover");
        complete(handover, "approveHandover", Map.of("approved", true, "reason", ""));

        verify(process).transfer(74L);
        verify(process, never()).returned(74L);
        assertThat(handover).isEnded().hasPassed("switchCustody", "handedOver").hasNotPassed("returnHandover");
        assertThat(completedThrough(tasks))
                .containsExactly("checkDelivery", "resolveDifferences", "checkDelivery", "approveHandover");
        assertThat(engine.getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(handover.getId())
                        .activityId("checkDelivery")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void differences_the_giving_side_cannot_fix_return_the_handover_without_an_approval() {
        setsOnComplete(tasks, "checkDelivery", Map.of("differences", 1));
        ProcessInstance handover = inventoried();
        complete(handover, "checkDelivery", SCANNED);
        complete(handover, "resolveDifferences", Map.of("resolution", "RETURN", "note", "一盒遗失"));

        verify(process).returned(74L);
        verify(process, never()).transfer(74L);
        assertThat(handover)
                .isEnded()
                .hasPassedInOrder(
                        "checkDelivery",
                        "differencesGateway",
                        "resolveDifferences",
                        "resolutionGateway",
                        "returnHandover",
                        "handoverReturned")
                .hasNotPassed("approveHandover", "switchCustody", "handedOver");
    }

    @Test
    void a_refused_approval_returns_the_handover() {
        setsOnComplete(tasks, "checkDelivery", Map.of("differences", 0));
        ProcessInstance handover = inventoried();
        complete(handover, "checkDelivery", SCANNED);
        complete(handover, "approveHandover", Map.of("approved", false, "reason", "清单不全"));

        verify(process).returned(74L);
        verify(process, never()).transfer(74L);
        assertThat(handover)
                .isEnded()
                .hasPassedInOrder("approveHandover", "approvedGateway", "returnHandover", "handoverReturned")
                .hasNotPassed("resolveDifferences", "switchCustody", "handedOver");
    }
}
