package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 销毁: the disposal model's paths, with disposalProcess and disposalTasks mocked. */
@Deployment(resources = "bpmn/paper-disposal.bpmn")
class PaperDisposalModelTest extends ProcessPathTest {

    /** The service task's bean, as {@code org.dangan.workflow.retention.DisposalProcess} offers it. */
    public interface DisposalProcess {
        void dispose(long disposalId);
    }

    DisposalProcess process;
    TaskListener tasks;

    @BeforeEach
    void mockBeans() {
        process = bean("disposalProcess", DisposalProcess.class);
        tasks = bean("disposalTasks", TaskListener.class);
    }

    /** Listed and appraised: waiting for the institution's approval. */
    ProcessInstance appraised() {
        ProcessInstance disposal = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "paperDisposal",
                        "52",
                        Map.of(
                                "disposalId",
                                52L,
                                "archivists",
                                "archivist-T01",
                                "supervisors",
                                "supervisor-T01",
                                "county",
                                "supervisor-C01"));
        assertThat(disposal).isWaitingAtExactly("appraise");
        assertThat(candidateGroups(disposal, "appraise")).containsExactly("archivist-T01");
        complete(disposal, "appraise");
        assertThat(disposal).isWaitingAtExactly("approve");
        assertThat(candidateGroups(disposal, "approve")).containsExactly("supervisor-T01");
        return disposal;
    }

    @Test
    void the_paper_is_disposed_of_after_the_institution_and_then_the_county_approve() {
        ProcessInstance disposal = appraised();
        complete(disposal, "approve", Map.of("approved", true));
        assertThat(disposal).isWaitingAtExactly("countyApprove");
        assertThat(candidateGroups(disposal, "countyApprove")).containsExactly("supervisor-C01");
        verifyNoInteractions(process);

        complete(disposal, "countyApprove", Map.of("approved", true));
        verify(process).dispose(52L);
        assertThat(disposal)
                .isEnded()
                .hasPassedInOrder(
                        "listed",
                        "appraise",
                        "approve",
                        "approvedGateway",
                        "countyApprove",
                        "countyGateway",
                        "dispose",
                        "disposed")
                .hasNotPassed("notApproved");
        assertThat(completedThrough(tasks)).containsExactly("appraise", "approve", "countyApprove");
    }

    @Test
    void the_institutions_no_ends_it_before_the_county_sees_it() {
        ProcessInstance disposal = appraised();
        complete(disposal, "approve", Map.of("approved", false));
        assertThat(disposal)
                .isEnded()
                .hasPassedInOrder("approve", "approvedGateway", "notApproved")
                .hasNotPassed("countyApprove", "dispose", "disposed");
        verifyNoInteractions(process);
        assertThat(completedThrough(tasks)).containsExactly("appraise", "approve");
    }

    @Test
    void the_countys_no_keeps_the_paper() {
        ProcessInstance disposal = appraised();
        complete(disposal, "approve", Map.of("approved", true));
        complete(disposal, "countyApprove", Map.of("approved", false));
        assertThat(disposal)
                .isEnded()
                .hasPassedInOrder("countyApprove", "countyGateway", "notApproved")
                .hasNotPassed("dispose", "disposed");
        verifyNoInteractions(process);
        assertThat(completedThrough(tasks)).containsExactly("appraise", "approve", "countyApprove");
    }
}
