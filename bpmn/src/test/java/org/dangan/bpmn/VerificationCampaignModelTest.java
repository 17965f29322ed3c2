package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The campaign model read as a model: a readable diagram (every node named and drawn), the logic
 * in Java (no scripts; service tasks call the campaignProcess bean, gateways read what they
 * answered), every user task offered by role and institution and completed through the domain,
 * and the long work in asynchronous, retried jobs.
 */
class VerificationCampaignModelTest {

    static BpmnModelInstance model;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in =
                VerificationCampaignModelTest.class.getResourceAsStream("/bpmn/verification-campaign.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        Bpmn.validateModel(model);
    }

    private static <T extends ModelElementInstance> Collection<T> all(Class<T> type) {
        return model.getModelElementsByType(type);
    }

    @Test
    void every_node_is_named_and_drawn_and_there_are_no_scripts() {
        assertThat(all(ScriptTask.class)).isEmpty();
        for (FlowNode node : all(FlowNode.class)) {
            assertThat(node.getName()).as(node.getId()).isNotBlank();
        }
        List<String> drawn = all(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId())
                .toList();
        assertThat(drawn)
                .containsAll(
                        all(FlowNode.class).stream().map(BaseElement::getId).toList());
    }

    @Test
    void user_tasks_go_to_groups_by_role_and_institution_and_complete_through_the_domain() {
        assertThat(all(UserTask.class))
                .extracting(BaseElement::getId)
                .containsExactlyInAnyOrder(
                        "selfCheck",
                        "headSignOff",
                        "sampleCheck",
                        "cityAcceptance",
                        "checkerSignOff",
                        "followUpDeadline");
        for (UserTask task : all(UserTask.class)) {
            // the groups answering for a branch's institution, or the campaign's county or city as the
            // campaign (the business key) says
            String group = "[a-z]+-\\$\\{campaignProcess\\.[a-z]+Code\\(execution\\.processBusinessKey\\)}";
            String institution = "\\$\\{campaignProcess\\.groups\\('(ARCHIVIST|SUPERVISOR)', institution\\)}";
            assertThat(task.getCamundaCandidateGroups())
                    .as(task.getId())
                    .matches(institution + "|" + group + "(," + group + ")*");
            assertThat(task.getExtensionElements()
                            .getElementsQuery()
                            .filterByType(CamundaTaskListener.class)
                            .list())
                    .as(task.getId())
                    .anySatisfy(l -> {
                        assertThat(l.getCamundaEvent()).isEqualTo("complete");
                        assertThat(l.getCamundaDelegateExpression()).isEqualTo("${campaignTasks}");
                    });
        }
    }

    @Test
    void service_tasks_and_conditions_call_java_and_the_batches_are_retried_jobs() {
        for (ServiceTask task : all(ServiceTask.class)) {
            assertThat(task.getCamundaExpression()).as(task.getId()).startsWith("${campaignProcess.");
        }
        for (String batch : List.of("checkBatch", "drawSample", "signOffBatch")) {
            ServiceTask task = model.getModelElementById(batch);
            assertThat(task.isCamundaAsyncBefore()).as(batch).isTrue();
            assertThat(task.getExtensionElements().getDomElement().getTextContent())
                    .as(batch)
                    .contains("R5/PT1M");
        }
        for (ExclusiveGateway gateway : all(ExclusiveGateway.class)) {
            assertThat(gateway.getDefault())
                    .as(gateway.getId() + " default flow")
                    .isNotNull();
            for (SequenceFlow out : gateway.getOutgoing()) {
                assertThat(out.getName()).as(out.getId()).isNotBlank();
            }
        }
    }

    @Test
    void each_institution_runs_its_own_branch_and_the_deadline_fires_once_without_interrupting() {
        SubProcess checks = model.getModelElementById("institutionChecks");
        assertThat(checks.getLoopCharacteristics()
                        .getDomElement()
                        .getAttribute("http://camunda.org/schema/1.0/bpmn", "collection"))
                .isEqualTo("${campaignProcess.institutionCodes(execution.processBusinessKey)}");
        SubProcess deadline = model.getModelElementById("deadlinePassed");
        assertThat(deadline.triggeredByEvent()).isTrue();
        StartEvent timer = model.getModelElementById("deadlineReached");
        assertThat(timer.isInterrupting()).isFalse();
    }

    @Test
    void the_head_signs_the_self_check_off_or_returns_it_to_the_archivists() {
        ExclusiveGateway decision = model.getModelElementById("headDecision");
        assertThat(decision.getIncoming())
                .extracting(f -> f.getSource().getId())
                .containsExactly("headSignOff");
        assertThat(decision.getDefault().getTarget().getId()).isEqualTo("drawSample");
        SequenceFlow back = model.getModelElementById("returnedByHead");
        assertThat(back.getSource()).isEqualTo(decision);
        assertThat(back.getTarget().getOutgoing())
                .extracting(f -> f.getTarget().getId())
                .containsExactly("selfCheck");
        // the head's answer as campaignTasks records it, declared in the institution's own branch
        assertThat(back.getConditionExpression().getTextContent()).isEqualTo("${returnedByHead}");
        assertThat(branchVariables()).contains("returnedByHead");
    }

    @Test
    void the_sample_gateway_reads_what_weighing_the_sample_answered_in_the_same_branch() {
        ServiceTask weigh = model.getModelElementById("weighSample");
        assertThat(weigh.getCamundaExpression())
                .isEqualTo("${campaignProcess.weighSample(execution.processBusinessKey, institution)}");
        assertThat(weigh.getCamundaResultVariable()).isEqualTo("sentBack");
        SequenceFlow failed = model.getModelElementById("sampleFailed");
        assertThat(failed.getSource().getIncoming())
                .extracting(f -> f.getSource().getId())
                .containsExactly("weighSample");
        assertThat(failed.getConditionExpression().getTextContent()).isEqualTo("${sentBack}");
        assertThat(branchVariables()).contains("sentBack");
        SequenceFlow accepted = model.getModelElementById("acceptedFlow");
        assertThat(accepted.getConditionExpression().getTextContent()).isEqualTo("${accepted}");
    }

    /** The variables each institution's branch declares for itself (input parameters of the subprocess). */
    private static List<String> branchVariables() {
        SubProcess checks = model.getModelElementById("institutionChecks");
        return checks
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaInputOutput.class)
                .singleResult()
                .getCamundaInputParameters()
                .stream()
                .map(CamundaInputParameter::getCamundaName)
                .toList();
    }

    @Test
    void every_task_is_entered_once_so_loops_merge_in_named_gateways() {
        // bpmnlint's fake-join: a task with two incoming flows hides a join; the merge is a gateway
        for (Activity activity : all(Activity.class)) {
            assertThat(activity.getIncoming().size()).as(activity.getId()).isLessThanOrEqualTo(1);
        }
    }
}
