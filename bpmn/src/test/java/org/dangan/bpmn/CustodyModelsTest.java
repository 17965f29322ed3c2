package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The custody models read as models: the check-out and disposal processes are readable diagrams
 * (every node named and drawn), hold no scripts, call their Java beans, and complete every user
 * task through the domain; the retention table answers the periods the README states.
 */
class CustodyModelsTest {

    private static BpmnModelInstance read(String path) throws Exception {
        try (InputStream in = CustodyModelsTest.class.getResourceAsStream(path)) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Bpmn.validateModel(model);
            return model;
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/bpmn/paper-checkout.bpmn, checkoutProcess, checkoutTasks",
        "/bpmn/paper-disposal.bpmn, disposalProcess, disposalTasks",
        "/bpmn/archive-handover.bpmn, handoverProcess, handoverTasks",
        "/bpmn/record-transfer.bpmn, recordTransferProcess, recordTransferTasks",
        "/bpmn/registration-follow-up.bpmn, registrationFollowUpProcess, registrationFollowUpTasks",
        "/bpmn/assessment-milestone.bpmn, milestoneProcess, milestoneTasks"
    })
    void the_model_is_drawn_named_scriptless_and_works_through_java(String path, String process, String tasks)
            throws Exception {
        BpmnModelInstance model = read(path);
        assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
        List<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId())
                .toList();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as(node.getId()).isNotBlank();
            assertThat(drawn).as(node.getId()).contains(node.getId());
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaExpression()).as(task.getId()).startsWith("${" + process + ".");
        }
        assertThat(model.getModelElementsByType(UserTask.class)).isNotEmpty().allSatisfy(task -> {
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).matches("\\$\\{[a-z]+}");
            assertThat(task.getExtensionElements()
                            .getElementsQuery()
                            .filterByType(CamundaTaskListener.class)
                            .list())
                    .as(task.getId())
                    .anySatisfy(l -> {
                        assertThat(l.getCamundaEvent()).isEqualTo("complete");
                        assertThat(l.getCamundaDelegateExpression()).isEqualTo("${" + tasks + "}");
                    });
        });
    }

    @Test
    void the_disposal_needs_the_institution_and_then_the_county() throws Exception {
        BpmnModelInstance model = read("/bpmn/paper-disposal.bpmn");
        assertThat(model.getModelElementsByType(UserTask.class))
                .extracting(BaseElement::getId)
                .containsExactly("appraise", "approve", "countyApprove");
        // the paper goes only along the county's yes
        assertThat(model.getModelElementsByType(SequenceFlow.class).stream()
                        .filter(f -> f.getTarget().getId().equals("dispose"))
                        .map(f -> f.getSource().getId() + ":"
                                + f.getConditionExpression().getTextContent()))
                .containsExactly("countyGateway:${approved}");
    }

    @Test
    void custody_switches_only_after_a_checked_delivery_and_an_approval() throws Exception {
        BpmnModelInstance model = read("/bpmn/archive-handover.bpmn");
        assertThat(model.getModelElementsByType(UserTask.class))
                .extracting(BaseElement::getId)
                .containsExactly("checkDelivery", "resolveDifferences", "approveHandover");
        var flows = model.getModelElementsByType(SequenceFlow.class);
        assertThat(flows.stream()
                        .filter(f -> f.getTarget().getId().equals("switchCustody"))
                        .map(f -> f.getSource().getId() + ":"
                                + f.getConditionExpression().getTextContent()))
                .containsExactly("approvedGateway:${approved}");
        // the approval is reached only from a delivery checked without differences
        assertThat(flows.stream()
                        .filter(f -> f.getTarget().getId().equals("approveHandover"))
                        .map(f -> f.getSource().getId()))
                .containsExactly("differencesGateway");
    }

    @ParameterizedTest
    @CsvSource({
        "AUX_EXAM_REPORT, 15, false",
        "HEALTH_EXAM, 15, true",
        "SEVERE_MENTAL_DISORDER, 15, true",
        "OTHER, 30, false"
    })
    void the_retention_table_keeps_each_type_as_stated(String type, int years, boolean afterDeath) throws Exception {
        DmnEngine engine =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = CustodyModelsTest.class.getResourceAsStream("/dmn/retention.dmn")) {
            DmnDecision decision = engine.parseDecision("Retention", in);
            Map<String, Object> row = engine.evaluateDecisionTable(
                            decision, Variables.createVariables().putValue("documentType", type))
                    .getSingleResult()
                    .getEntryMap();
            assertThat(((Number) row.get("years")).intValue()).isEqualTo(years);
            assertThat(row.get("afterDeath")).isEqualTo(afterDeath);
        }
    }
}
