package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * 健康档案清理核查: the campaign model's paths, with campaignProcess and campaignTasks mocked:
 * the rule check in batches, one branch of the institution checks per institution (head's
 * return, failed sample), the city's acceptance or return, the checkers' sign-off in batches,
 * and the deadline that opens a follow-up without interrupting the work. The model as a
 * diagram is read by {@link VerificationCampaignModelTest}.
 */
@Deployment(resources = "bpmn/verification-campaign.bpmn")
class VerificationCampaignPathsTest extends ProcessPathTest {

    /** The service tasks' and conditions' bean, as {@code org.dangan.workflow.verification.CampaignProcess} offers it. */
    public interface CampaignProcess {
        int checkRuleBatch(long campaignId);

        List<String> institutionCodes(long campaignId);

        String countyCode(long campaignId);

        /** The candidate groups of an institution's own tasks for a role. */
        List<String> groups(String role, String institutionCode);

        String cityCode(long campaignId);

        int drawSample(long campaignId, String institutionCode);

        /** Whether the sample sends the institution back: the model keeps it as {@code sentBack}. */
        boolean weighSample(long campaignId, String institutionCode);

        int signOffBatch(long campaignId);

        void complete(long campaignId);

        void markOverdue(long campaignId);
    }

    static final Date STARTED = Date.from(Instant.parse("2026-03-02T02:00:00Z"));
    static final Date DEADLINE = Date.from(Instant.parse("2026-04-30T16:00:00Z"));

    CampaignProcess process;
    TaskListener tasks;

    @BeforeEach
    void mockBeans() {
        process = bean("campaignProcess", CampaignProcess.class);
        tasks = bean("campaignTasks", TaskListener.class);
        when(process.countyCode(7L)).thenReturn("C01");
        when(process.cityCode(7L)).thenReturn("S01");
        when(process.institutionCodes(7L)).thenReturn(List.of("T01"));
        // as CampaignProcess does for a township: the role's group at the institution
        when(process.groups(anyString(), anyString()))
                .thenAnswer(call -> List.of(
                        call.getArgument(0, String.class).toLowerCase(Locale.ROOT) + "-" + call.getArgument(1)));
        when(process.checkRuleBatch(7L)).thenReturn(0);
        when(process.signOffBatch(7L)).thenReturn(0);
        // as CampaignTasks does: the head's answer, kept in the institution's own branch for the gateway
        doAnswer(call -> {
                    DelegateTask task = call.getArgument(0);
                    if (task.getTaskDefinitionKey().equals("headSignOff")) {
                        task.getExecution()
                                .setVariableLocal("returnedByHead", Boolean.TRUE.equals(task.getVariable("returned")));
                        task.removeVariable("returned");
                    }
                    return null;
                })
                .when(tasks)
                .notify(any());
    }

    /** Started and every record checked by the rules: the institutions' branches wait at their self-check. */
    ProcessInstance checked() {
        clockAt(STARTED);
        ProcessInstance campaign = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "verificationCampaign",
                        "7",
                        Map.of("campaignId", 7L, "county", "C01", "city", "S01", "deadlineAt", DEADLINE));
        // the rule check runs as retried jobs, one batch each, until a batch checks nothing
        while (!jobs(campaign, "checkBatch").isEmpty()) {
            run(campaign, "checkBatch");
        }
        return campaign;
    }

    Task task(ProcessInstance campaign, String taskKey, String institution) {
        List<Task> found = engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(campaign.getId())
                .taskDefinitionKey(taskKey)
                .list()
                .stream()
                .filter(t -> institution.equals(engine.getTaskService().getVariable(t.getId(), "institution")))
                .toList();
        assertThat(found).as(taskKey + " of " + institution).hasSize(1);
        return found.get(0);
    }

    void completeOf(ProcessInstance campaign, String taskKey, String institution, Map<String, Object> variables) {
        engine.getTaskService().complete(task(campaign, taskKey, institution).getId(), variables);
    }

    /** The institution's self-check and the head's answer on it. */
    void selfChecked(ProcessInstance campaign, String institution, boolean returnedByHead) {
        assertThat(candidateGroups(task(campaign, "selfCheck", institution)))
                .containsExactly("archivist-" + institution);
        completeOf(campaign, "selfCheck", institution, Map.of());
        assertThat(candidateGroups(task(campaign, "headSignOff", institution)))
                .containsExactly("supervisor-" + institution);
        completeOf(campaign, "headSignOff", institution, Map.of("returned", returnedByHead));
    }

    /** The institution's self-check, the head's sign-off, the drawn sample and the county's check of it. */
    void selfCheckedAndSampled(ProcessInstance campaign, String institution) {
        selfChecked(campaign, institution, false);
        run(campaign, "drawSample");
        assertThat(candidateGroups(task(campaign, "sampleCheck", institution)))
                .containsExactlyInAnyOrder("archivist-C01", "supervisor-C01");
        completeOf(campaign, "sampleCheck", institution, Map.of());
    }

    /** The user tasks open in the campaign, whatever scopes (the institutions' branches) they sit in. */
    List<String> openTasks(ProcessInstance campaign) {
        return engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId()).list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList();
    }

    long calls(String method) {
        return mockingDetails(process).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals(method))
                .count();
    }

    long entered(ProcessInstance campaign, String activityId) {
        return engine.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(campaign.getId())
                .activityId(activityId)
                .count();
    }

    @Test
    void a_campaign_checks_in_batches_runs_each_institution_and_signs_off_in_batches() {
        when(process.institutionCodes(7L)).thenReturn(List.of("T01", "T02"));
        when(process.checkRuleBatch(7L)).thenReturn(500, 120, 0);
        when(process.signOffBatch(7L)).thenReturn(300, 0);
        ProcessInstance campaign = checked();
        verify(process, times(3)).checkRuleBatch(7L);
        assertThat(entered(campaign, "checkBatch")).isEqualTo(3);
        // one branch per institution, each at its own self-check
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(campaign.getId())
                        .taskDefinitionKey("selfCheck")
                        .count())
                .isEqualTo(2);
        assertThat(jobs(campaign, "deadlineReached"))
                .singleElement()
                .satisfies(t -> assertThat(t.getDuedate()).isEqualTo(DEADLINE));

        selfCheckedAndSampled(campaign, "T01");
        verify(process).drawSample(7L, "T01");
        verify(process).weighSample(7L, "T01");
        assertThat(campaign).isWaitingAt("selfCheck").isNotWaitingAt("cityAcceptance");
        selfCheckedAndSampled(campaign, "T02");
        verify(process).drawSample(7L, "T02");
        verify(process).weighSample(7L, "T02");

        assertThat(campaign).isWaitingAtExactly("cityAcceptance");
        assertThat(candidateGroups(campaign, "cityAcceptance")).containsExactly("supervisor-S01");
        complete(campaign, "cityAcceptance", Map.of("accepted", true));
        assertThat(campaign).isWaitingAtExactly("checkerSignOff");
        assertThat(candidateGroups(campaign, "checkerSignOff"))
                .containsExactlyInAnyOrder("archivist-C01", "supervisor-C01");
        complete(campaign, "checkerSignOff");
        while (!jobs(campaign, "signOffBatch").isEmpty()) {
            run(campaign, "signOffBatch");
        }

        InOrder order = inOrder(process);
        order.verify(process, times(2)).signOffBatch(7L);
        order.verify(process).complete(7L);
        verify(process, never()).markOverdue(anyLong());
        assertThat(campaign)
                .isEnded()
                .hasPassedInOrder(
                        "campaignStarted",
                        "checkBatch",
                        "institutionChecks",
                        "cityAcceptance",
                        "checkerSignOff",
                        "signOffBatch",
                        "closeCampaign",
                        "campaignCompleted")
                .hasPassed(
                        "institutionStarted",
                        "selfCheck",
                        "headSignOff",
                        "drawSample",
                        "sampleCheck",
                        "weighSample",
                        "institutionPassed")
                .hasNotPassed("deadlineReached", "markOverdue", "followUpDeadline");
        assertThat(entered(campaign, "institutionPassed")).isEqualTo(2);
        assertThat(entered(campaign, "signOffBatch")).isEqualTo(2);
        assertThat(jobs(campaign, "deadlineReached")).isEmpty();
        assertThat(completedThrough(tasks))
                .containsExactly(
                        "selfCheck",
                        "headSignOff",
                        "sampleCheck",
                        "selfCheck",
                        "headSignOff",
                        "sampleCheck",
                        "cityAcceptance",
                        "checkerSignOff");
    }

    @Test
    void the_head_returns_the_self_check_to_the_archivists_before_any_sample_is_drawn() {
        when(process.institutionCodes(7L)).thenReturn(List.of("T01", "T02"));
        ProcessInstance campaign = checked();
        selfChecked(campaign, "T01", true);
        verify(process, never()).drawSample(anyLong(), anyString());
        assertThat(openTasks(campaign)).containsExactlyInAnyOrder("selfCheck", "selfCheck");
        task(campaign, "selfCheck", "T01");

        // one head's return stays in that institution's branch: the other's sign-off goes on to its sample
        selfCheckedAndSampled(campaign, "T02");
        verify(process).drawSample(7L, "T02");
        verify(process, never()).drawSample(7L, "T01");
        assertThat(openTasks(campaign)).containsExactly("selfCheck");

        selfCheckedAndSampled(campaign, "T01");
        verify(process).drawSample(7L, "T01");
        assertThat(campaign).isWaitingAtExactly("cityAcceptance");
        assertThat(entered(campaign, "selfCheck")).isEqualTo(3);
        assertThat(entered(campaign, "headSignOff")).isEqualTo(3);
        assertThat(entered(campaign, "drawSample")).isEqualTo(2);
    }

    @Test
    void an_error_rate_over_the_limit_sends_the_institution_back_to_its_self_check() {
        when(process.weighSample(7L, "T01")).thenReturn(true, false);
        ProcessInstance campaign = checked();
        selfCheckedAndSampled(campaign, "T01");
        verify(process).weighSample(7L, "T01");
        assertThat(campaign).hasNotPassed("institutionPassed");
        assertThat(openTasks(campaign)).containsExactly("selfCheck");

        selfCheckedAndSampled(campaign, "T01");
        verify(process, times(2)).drawSample(7L, "T01");
        assertThat(campaign).isWaitingAtExactly("cityAcceptance").hasPassed("institutionPassed");
        assertThat(entered(campaign, "sampleCheck")).isEqualTo(2);
        assertThat(entered(campaign, "institutionPassed")).isEqualTo(1);
    }

    @Test
    void the_city_returns_the_campaign_to_a_new_round_of_institution_checks() {
        ProcessInstance campaign = checked();
        long asked = calls("institutionCodes");
        assertThat(asked).isPositive();
        selfCheckedAndSampled(campaign, "T01");
        complete(campaign, "cityAcceptance", Map.of("accepted", false));
        assertThat(campaign).hasNotPassed("checkerSignOff");
        assertThat(openTasks(campaign)).containsExactly("selfCheck");
        // the new round asks again which institutions take part
        assertThat(calls("institutionCodes")).isEqualTo(2 * asked);

        selfCheckedAndSampled(campaign, "T01");
        complete(campaign, "cityAcceptance", Map.of("accepted", true));
        assertThat(campaign).isWaitingAtExactly("checkerSignOff");
        assertThat(entered(campaign, "institutionChecks")).isEqualTo(2);
        assertThat(entered(campaign, "cityAcceptance")).isEqualTo(2);
    }

    @Test
    void the_deadline_marks_the_campaign_overdue_and_opens_a_follow_up_while_the_checks_go_on() {
        ProcessInstance campaign = checked();
        assertThat(dueTimers(campaign)).isEmpty();
        clockAt(Date.from(DEADLINE.toInstant().plusSeconds(60)));
        assertThat(dueTimers(campaign)).hasSize(1);
        run(campaign, "deadlineReached");

        verify(process).markOverdue(7L);
        assertThat(campaign).isWaitingAt("selfCheck", "followUpDeadline").hasPassed("deadlineReached", "markOverdue");
        assertThat(candidateGroups(campaign, "followUpDeadline")).containsExactly("supervisor-C01");
        complete(campaign, "followUpDeadline");
        assertThat(campaign).hasPassed("deadlineFollowedUp");
        assertThat(openTasks(campaign)).containsExactly("selfCheck");
        // the deadline fires once
        assertThat(jobs(campaign, "deadlineReached")).isEmpty();

        selfCheckedAndSampled(campaign, "T01");
        assertThat(campaign).isWaitingAtExactly("cityAcceptance");
        assertThat(completedThrough(tasks)).startsWith("followUpDeadline");
    }

    @Test
    void a_rule_batch_that_breaks_is_retried_a_minute_later_and_the_campaign_goes_on() {
        when(process.checkRuleBatch(7L))
                .thenThrow(new IllegalStateException("database gone"))
                .thenReturn(0);
        clockAt(STARTED);
        ProcessInstance campaign = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "verificationCampaign",
                        "7",
                        Map.of("campaignId", 7L, "county", "C01", "city", "S01", "deadlineAt", DEADLINE));
        Job job = jobs(campaign, "checkBatch").get(0);
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                .hasMessageContaining("database gone");

        // R5/PT1M: the batch is tried again a minute later, up to five times
        Job retried = jobs(campaign, "checkBatch").get(0);
        assertThat(retried.getRetries()).isEqualTo(4);
        assertThat(retried.getDuedate()).isEqualTo(Date.from(STARTED.toInstant().plusSeconds(60)));
        assertThat(openTasks(campaign)).isEmpty();

        clockAt(retried.getDuedate());
        run(campaign, "checkBatch");
        assertThat(openTasks(campaign)).containsExactly("selfCheck");
        verify(process, times(2)).checkRuleBatch(7L);
    }
}
