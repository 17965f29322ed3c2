package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.SelfChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a task's candidate may do to it, called the way {@code /engine-rest} calls the engine (the
 * user and the user's groups handed to Camunda, whose authorizations then apply): claim and
 * complete it with its form's variables, and nothing else.
 */
@DanganTest
class TaskTamperingTest {

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    SelfChecks selfChecks;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AsUser asUser;

    Fixtures.County county;
    String process;
    Task selfCheck;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        fixtures.record(county.a(), 1);
        process = selfChecks.open(county, county.a());
        selfCheck = tasks.createTaskQuery()
                .processInstanceId(process)
                .taskDefinitionKey("selfCheck")
                .singleResult();
        login("archivist-a");
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        AsUser.logout();
    }

    /** As the engine REST filter does: the Spring user, and the same user with its groups for Camunda. */
    private void login(String name) {
        String user = county.user(name);
        asUser.login(user);
        identity.setAuthentication(
                user,
                identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId)
                        .toList());
    }

    @Test
    void a_candidate_may_not_hand_its_task_to_someone_else() {
        assertThatThrownBy(() -> tasks.setAssignee(selfCheck.getId(), county.user("head-a")))
                .isInstanceOf(AuthorizationException.class);
        assertThat(tasks.createTaskQuery()
                        .taskId(selfCheck.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
    }

    @Test
    void a_candidate_may_not_offer_its_task_to_another_group() {
        assertThatThrownBy(() -> tasks.addCandidateGroup(
                        selfCheck.getId(), "archivist-" + county.b().getCode()))
                .isInstanceOf(AuthorizationException.class);
        assertThat(tasks.createTaskQuery()
                        .taskId(selfCheck.getId())
                        .taskCandidateGroup("archivist-" + county.b().getCode())
                        .count())
                .isZero();
    }

    @Test
    void a_candidate_may_not_rename_its_task() {
        Task task = tasks.createTaskQuery().taskId(selfCheck.getId()).singleResult();
        task.setName("已完成 Done");
        assertThatThrownBy(() -> tasks.saveTask(task)).isInstanceOf(AuthorizationException.class);
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery()
                        .taskId(selfCheck.getId())
                        .singleResult()
                        .getName())
                .isEqualTo(selfCheck.getName());
    }

    @Test
    void a_candidate_may_not_set_variables_on_its_task() {
        assertThatThrownBy(() ->
                        tasks.setVariable(selfCheck.getId(), "city", county.b().getCode()))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.setVariableLocal(
                        selfCheck.getId(), "blob", Variables.byteArrayValue(new byte[14 * 1024 * 1024])))
                .isInstanceOf(AuthorizationException.class);
        identity.clearAuthentication();
        assertThat(runtime.getVariable(process, "city")).isNotEqualTo(county.b().getCode());
        assertThat(tasks.getVariableLocal(selfCheck.getId(), "blob")).isNull();
    }

    @Test
    void a_completion_carrying_fourteen_megabytes_of_bytes_is_refused_and_stores_nothing() {
        tasks.claim(selfCheck.getId(), county.user("archivist-a"));
        assertThatThrownBy(() -> tasks.complete(
                        selfCheck.getId(),
                        Variables.createVariables()
                                .putValueTyped("scanned", Variables.byteArrayValue(new byte[14 * 1024 * 1024]))))
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.variableUnknown"));
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery().taskId(selfCheck.getId()).count()).isOne();
        assertThat(runtime.getVariable(process, "scanned")).isNull();
    }

    @Test
    void a_form_variable_sent_as_bytes_or_past_its_length_is_refused() {
        Task city = cityAcceptanceForTest();
        login("city-supervisor");
        tasks.claim(city.getId(), county.user("city-supervisor"));
        assertThatThrownBy(() -> tasks.complete(
                        city.getId(),
                        Variables.createVariables().putValueTyped("reason", Variables.byteArrayValue(new byte[1024]))))
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.variableKind"));
        assertThatThrownBy(() -> tasks.complete(
                        city.getId(), Map.of("accepted", false, "reason", "太长".repeat(TaskForm.REASON_LENGTH))))
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.variableInvalid"));
        assertThatThrownBy(() -> tasks.complete(city.getId(), Map.of("accepted", "yes")))
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.variableInvalid"));
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery().taskId(city.getId()).count()).isOne();
    }

    @Test
    void a_candidate_may_not_throw_a_bpmn_error_or_escalation_past_its_task() {
        tasks.claim(selfCheck.getId(), county.user("archivist-a"));
        assertThatThrownBy(() -> tasks.handleBpmnError(
                        selfCheck.getId(), "skip", "skipped", Map.of("blob", new byte[1024 * 1024])))
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.noBpmnEvent"));
        assertThatThrownBy(() -> tasks.handleEscalation(selfCheck.getId(), "skip"))
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.noBpmnEvent"));
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .taskDefinitionKey("selfCheck")
                        .count())
                .isOne();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .taskDefinitionKey("cityAcceptance")
                        .count())
                .isZero();
        assertThat(runtime.getVariable(process, "blob")).isNull();
    }

    @Test
    void a_candidate_may_not_claim_its_task_in_someone_elses_name() {
        assertThatThrownBy(() -> tasks.claim(selfCheck.getId(), county.user("archivist-b")))
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.claimForOther"));
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery()
                        .taskId(selfCheck.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
    }

    @Test
    void a_candidate_may_not_write_comments_or_attachments_the_engine_would_store_unchecked() {
        assertThatThrownBy(() -> tasks.createComment(selfCheck.getId(), process, "x".repeat(4000)))
                .cause()
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.key()).isEqualTo("task.notesForAdministrators"));
        assertThatThrownBy(() -> tasks.createAttachment(
                        "blob",
                        selfCheck.getId(),
                        process,
                        "scan",
                        "scan",
                        new ByteArrayInputStream(new byte[1024 * 1024])))
                .cause()
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.key()).isEqualTo("task.notesForAdministrators"));
        identity.clearAuthentication();
        assertThat(tasks.getTaskComments(selfCheck.getId())).isEmpty();
        assertThat(tasks.getTaskAttachments(selfCheck.getId())).isEmpty();
    }

    @Test
    void a_completion_its_listener_refuses_is_a_form_validation_failure_carrying_the_refusal() {
        // as a call of /engine-rest whose user the listener cannot take from Spring: it needs the assignee
        AsUser.logout();
        assertThatThrownBy(() -> tasks.complete(selfCheck.getId(), Map.of()))
                .isInstanceOf(FormFieldValidationException.class)
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.unclaimed"));
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery().taskId(selfCheck.getId()).count()).isOne();
    }

    @Test
    void a_candidate_still_claims_and_completes_its_own_task() {
        tasks.claim(selfCheck.getId(), county.user("archivist-a"));
        tasks.complete(selfCheck.getId(), Map.of());
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo("headSignOff");
    }

    /** Moves the campaign to its city acceptance by the engine's process modification, not through every check. */
    private Task cityAcceptanceForTest() {
        identity.clearAuthentication();
        runtime.createProcessInstanceModification(process)
                .startBeforeActivity("cityAcceptance")
                .cancelAllForActivity("institutionChecks")
                .execute();
        return tasks.createTaskQuery()
                .processInstanceId(process)
                .taskDefinitionKey("cityAcceptance")
                .singleResult();
    }
}
