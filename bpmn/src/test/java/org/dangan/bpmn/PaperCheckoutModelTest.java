package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 调阅: the check-out model's paths, with checkoutProcess and checkoutTasks mocked. */
@Deployment(resources = "bpmn/paper-checkout.bpmn")
class PaperCheckoutModelTest extends ProcessPathTest {

    /** The service tasks' bean, as {@code org.dangan.workflow.lending.CheckoutProcess} offers it. */
    public interface CheckoutProcess {
        void handOut(long checkoutId);

        void refuse(long checkoutId);

        void overdue(long checkoutId);

        void takeBack(long checkoutId);
    }

    static final Date REQUESTED = Date.from(Instant.parse("2026-03-02T02:00:00Z"));
    static final Date DUE = Date.from(Instant.parse("2026-03-09T16:00:00Z"));

    CheckoutProcess process;
    TaskListener tasks;
    ProcessInstance checkout;

    @BeforeEach
    void mockBeans() {
        process = bean("checkoutProcess", CheckoutProcess.class);
        tasks = bean("checkoutTasks", TaskListener.class);
    }

    /** The model is deployed only when the test method runs, after {@code @BeforeEach}. */
    void request() {
        clockAt(REQUESTED);
        checkout = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "paperCheckout",
                        "41",
                        Map.of(
                                "checkoutId",
                                41L,
                                "supervisors",
                                "supervisor-T01",
                                "archivists",
                                "archivist-T01",
                                "dueAt",
                                DUE));
        assertThat(checkout).isWaitingAtExactly("approveCheckout");
        assertThat(candidateGroups(checkout, "approveCheckout")).containsExactly("supervisor-T01");
    }

    @Test
    void an_approved_check_out_is_handed_out_and_taken_back_in() {
        request();
        complete(checkout, "approveCheckout", Map.of("approved", true, "reason", ""));
        verify(process).handOut(41L);
        assertThat(checkout).isWaitingAtExactly("returnFiles");
        assertThat(candidateGroups(checkout, "returnFiles")).containsExactly("archivist-T01");
        // the reminder waits for the promised day, not before
        assertThat(jobs(checkout, "due"))
                .singleElement()
                .satisfies(t -> assertThat(t.getDuedate()).isEqualTo(DUE));
        assertThat(dueTimers(checkout)).isEmpty();

        complete(checkout, "returnFiles");
        verify(process).takeBack(41L);
        assertThat(checkout)
                .isEnded()
                .hasPassedInOrder(
                        "approveCheckout", "approvedGateway", "handOut", "returnFiles", "takeBack", "checkoutReturned")
                .hasNotPassed("refuse", "due", "remind", "followUp");
        assertThat(jobs(checkout, "due")).isEmpty();
        assertThat(completedThrough(tasks)).containsExactly("approveCheckout", "returnFiles");
        verifyNoMoreInteractions(process);
    }

    @Test
    void a_refused_check_out_hands_nothing_out() {
        request();
        complete(checkout, "approveCheckout", Map.of("approved", false, "reason", "不需要"));
        verify(process).refuse(41L);
        verify(process, never()).handOut(41L);
        assertThat(checkout)
                .isEnded()
                .hasPassedInOrder("approveCheckout", "approvedGateway", "refuse", "checkoutRefused")
                .hasNotPassed("handOut", "returnFiles");
        assertThat(completedThrough(tasks)).containsExactly("approveCheckout");
        verifyNoMoreInteractions(process);
    }

    @Test
    void files_not_back_on_the_due_day_are_reminded_and_followed_up_while_the_return_stays_open() {
        request();
        complete(checkout, "approveCheckout", Map.of("approved", true, "reason", ""));
        clockAt(Date.from(DUE.toInstant().plusSeconds(60)));
        assertThat(dueTimers(checkout))
                .singleElement()
                .satisfies(t -> assertThat(t.getDuedate()).isEqualTo(DUE));
        run(checkout, "due");

        verify(process).overdue(41L);
        assertThat(checkout).isWaitingAt("returnFiles", "followUp").hasPassed("due", "remind");
        assertThat(candidateGroups(checkout, "followUp")).containsExactly("supervisor-T01");
        complete(checkout, "followUp");
        assertThat(checkout).hasPassed("followedUp").isWaitingAtExactly("returnFiles");

        // the paper still comes back through the archivist
        complete(checkout, "returnFiles");
        verify(process).takeBack(41L);
        assertThat(checkout).isEnded().hasPassed("takeBack", "checkoutReturned");
        assertThat(completedThrough(tasks)).containsExactly("approveCheckout", "followUp", "returnFiles");
    }
}
