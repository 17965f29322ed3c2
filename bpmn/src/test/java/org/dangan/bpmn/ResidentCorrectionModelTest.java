package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 居民更正申请: the correction model's paths, with residentCorrectionTasks mocked. */
@Deployment(resources = "bpmn/resident-correction.bpmn")
class ResidentCorrectionModelTest extends ProcessPathTest {

    TaskListener tasks;

    @BeforeEach
    void mockBeans() {
        tasks = bean("residentCorrectionTasks", TaskListener.class);
    }

    ProcessInstance start(String field) {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "residentCorrection", "17", Map.of("field", field, "archivists", "archivist-T01"));
    }

    @ParameterizedTest(name = "{0} answered {1} ends at {2}")
    @CsvSource({
        "ADDRESS, CORRECT, requestCorrected, requestRefused",
        "NAME, CORRECT, requestCorrected, requestRefused",
        "OTHER, REFUSE, requestRefused, requestCorrected",
        "PHONE, REFUSE, requestRefused, awaitPhoneConfirmation"
    })
    void the_archivist_of_the_institution_answers_and_the_answer_ends_it(
            String field, String decision, String end, String notPassed) {
        ProcessInstance request = start(field);
        assertThat(request).isWaitingAtExactly("checkCorrection");
        assertThat(candidateGroups(request, "checkCorrection")).containsExactly("archivist-T01");
        complete(request, "checkCorrection", Map.of("decision", decision));
        assertThat(request)
                .isEnded()
                .hasPassedInOrder("requestSubmitted", "checkCorrection", "answerGateway", end)
                .hasNotPassed(notPassed);
        assertThat(completedThrough(tasks)).containsExactly("checkCorrection");
    }

    @Test
    void a_corrected_phone_waits_for_the_residents_code_before_it_ends() {
        ProcessInstance request = start("PHONE");
        complete(request, "checkCorrection", Map.of("decision", "CORRECT"));
        assertThat(request).isWaitingAtExactly("awaitPhoneConfirmation");
        engine.getRuntimeService()
                .createMessageCorrelation("residentPhoneConfirmed")
                .processInstanceBusinessKey("17")
                .correlate();
        assertThat(request)
                .isEnded()
                .hasPassedInOrder("checkCorrection", "answerGateway", "awaitPhoneConfirmation", "phoneCorrected")
                .hasNotPassed("requestCorrected");
    }
}
