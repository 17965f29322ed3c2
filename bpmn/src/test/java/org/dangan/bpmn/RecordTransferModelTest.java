package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 转出/转入: the record-transfer model's paths, with recordTransferProcess and recordTransferTasks mocked. */
@Deployment(resources = "bpmn/record-transfer.bpmn")
class RecordTransferModelTest extends ProcessPathTest {

    /** The service tasks' bean, as {@code org.dangan.workflow.transfer.RecordTransferProcess} offers it. */
    public interface RecordTransferProcess {
        void move(long transferId);

        void refused(long transferId);
    }

    RecordTransferProcess process;
    TaskListener tasks;

    @BeforeEach
    void mockBeans() {
        process = bean("recordTransferProcess", RecordTransferProcess.class);
        tasks = bean("recordTransferTasks", TaskListener.class);
    }

    ProcessInstance requested() {
        ProcessInstance transfer = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "recordTransfer", "63", Map.of("transferId", 63L, "receivers", "archivist-T02"));
        assertThat(transfer).isWaitingAtExactly("acceptTransfer");
        assertThat(candidateGroups(transfer, "acceptTransfer")).containsExactly("archivist-T02");
        return transfer;
    }

    @Test
    void an_accepted_transfer_moves_the_record() {
        ProcessInstance transfer = requested();
        complete(transfer, "acceptTransfer", Map.of("accepted", true));
        verify(process).move(63L);
        verifyNoMoreInteractions(process);
        assertThat(transfer)
                .isEnded()
                .hasPassedInOrder("transferRequested", "acceptTransfer", "acceptedGateway", "moveRecord", "transferred")
                .hasNotPassed("recordRefusal", "transferRefused");
        assertThat(completedThrough(tasks)).containsExactly("acceptTransfer");
    }

    @Test
    void a_refused_transfer_leaves_the_record_where_it_is() {
        ProcessInstance transfer = requested();
        complete(transfer, "acceptTransfer", Map.of("accepted", false, "reason", "不在本辖区"));
        verify(process).refused(63L);
        verifyNoMoreInteractions(process);
        assertThat(transfer)
                .isEnded()
                .hasPassedInOrder("acceptTransfer", "acceptedGateway", "recordRefusal", "transferRefused")
                .hasNotPassed("moveRecord", "transferred");
        assertThat(completedThrough(tasks)).containsExactly("acceptTransfer");
    }
}
