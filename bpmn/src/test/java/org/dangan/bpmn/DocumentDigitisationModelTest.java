package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.stubbing.Answer;

/**
 * 档案数字化: the digitisation model's paths, with recognition, documentProcess and
 * documentTasks mocked. Recognition runs as a job (the upload's transaction does not wait for
 * the OCR), so each test executes it; like the real one, the mocked recognition answers the
 * gateway by setting {@code needsReview}.
 */
@Deployment(resources = "bpmn/document-digitisation.bpmn")
class DocumentDigitisationModelTest extends ProcessPathTest {

    /** The archive step's bean, as {@code org.dangan.workflow.document.DocumentProcess} offers it to the model. */
    public interface DocumentProcess {
        void archive(long documentId);
    }

    static final Date STORED = Date.from(Instant.parse("2026-03-02T02:00:00Z"));

    JavaDelegate recognition;
    DocumentProcess process;
    TaskListener tasks;

    @BeforeEach
    void mockBeans() {
        recognition = bean("recognition", JavaDelegate.class);
        process = bean("documentProcess", DocumentProcess.class);
        tasks = bean("documentTasks", TaskListener.class);
    }

    /** Recognition stores the pages and says whether any is of low confidence, as {@code Recognition} does. */
    void recognises(boolean needsReview) throws Exception {
        doAnswer(answering(needsReview)).when(recognition).execute(any());
    }

    static Answer<Void> answering(boolean needsReview) {
        return call -> {
            call.<DelegateExecution>getArgument(0).setVariable("needsReview", needsReview);
            return null;
        };
    }

    /** Stored: the recognition waits as a job, nothing has run yet. */
    ProcessInstance stored() {
        clockAt(STORED);
        ProcessInstance document = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "documentDigitisation", "85", Map.of("documentId", 85L, "reviewers", "archivist-T01"));
        assertThat(document).isWaitingAtExactly("recognise").hasPassed("documentStored");
        assertThat(jobs(document, "recognise")).hasSize(1);
        verifyNoInteractions(recognition, process);
        return document;
    }

    @Test
    void a_confidently_recognised_document_is_archived_without_review() throws Exception {
        recognises(false);
        ProcessInstance document = stored();
        run(document, "recognise");

        ArgumentCaptor<DelegateExecution> execution = ArgumentCaptor.forClass(DelegateExecution.class);
        verify(recognition).execute(execution.capture());
        assertThat(execution.getValue().getProcessBusinessKey()).isEqualTo("85");
        verify(process).archive(85L);
        assertThat(document)
                .isEnded()
                .hasPassedInOrder("documentStored", "recognise", "needsReviewGateway", "archive", "documentArchived")
                .hasNotPassed("reviewText", "unreadable", "documentFailed");
        verifyNoInteractions(tasks);
    }

    @Test
    void low_confidence_pages_are_reviewed_before_the_document_is_archived() throws Exception {
        recognises(true);
        ProcessInstance document = stored();
        run(document, "recognise");

        assertThat(document).isWaitingAtExactly("reviewText");
        assertThat(candidateGroups(document, "reviewText")).containsExactly("archivist-T01");
        verify(process, never()).archive(anyLong());
        complete(document, "reviewText");

        verify(process).archive(85L);
        assertThat(document)
                .isEnded()
                .hasPassedInOrder("recognise", "needsReviewGateway", "reviewText", "archive", "documentArchived")
                .hasNotPassed("documentFailed");
        assertThat(completedThrough(tasks)).containsExactly("reviewText");
    }

    @Test
    void an_unreadable_document_ends_as_failed_and_is_never_archived() throws Exception {
        doThrow(new BpmnError("UNREADABLE", "no page")).when(recognition).execute(any());
        ProcessInstance document = stored();
        run(document, "recognise");

        assertThat(document)
                .isEnded()
                .hasPassedInOrder("recognise", "unreadable", "documentFailed")
                .hasNotPassed("needsReviewGateway", "reviewText", "archive", "documentArchived");
        verifyNoInteractions(process, tasks);
    }

    @Test
    void a_recognition_that_breaks_is_retried_after_a_minute_and_then_goes_on() throws Exception {
        doThrow(new IllegalStateException("OCR engine gone"))
                .doAnswer(answering(false))
                .when(recognition)
                .execute(any());
        ProcessInstance document = stored();
        Job job = jobs(document, "recognise").get(0);
        // the job executor would log this and retry the job
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                .hasMessageContaining("OCR engine gone");

        assertThat(document).isWaitingAtExactly("recognise");
        Job retried = jobs(document, "recognise").get(0);
        // PT1M,PT5M,PT30M: three more tries, the first a minute later
        assertThat(retried.getRetries()).isEqualTo(3);
        assertThat(retried.getDuedate()).isEqualTo(Date.from(STORED.toInstant().plusSeconds(60)));
        assertThat(retried.getExceptionMessage()).contains("OCR engine gone");
        verifyNoInteractions(process);

        clockAt(retried.getDuedate());
        run(document, "recognise");
        verify(process).archive(85L);
        assertThat(document).isEnded().hasPassed("documentArchived").hasNotPassed("documentFailed");
    }
}
