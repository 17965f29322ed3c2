package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decision tables themselves, on Camunda's DMN engine: what a county may edit in Modeler. */
class VerificationSettingsTest {

    static DmnEngine engine;
    static Map<String, DmnDecision> decisions;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = VerificationSettingsTest.class.getResourceAsStream("/dmn/verification-settings.dmn")) {
            assertThat(in).isNotNull();
            List<DmnDecision> parsed = engine.parseDecisions(in);
            decisions =
                    Map.of(parsed.get(0).getKey(), parsed.get(0), parsed.get(1).getKey(), parsed.get(1));
        }
    }

    private DmnDecisionResultEntries severity(String rule) {
        return engine.evaluateDecision(decisions.get("RuleSeverity"), Map.of("rule", rule))
                .getSingleResult();
    }

    @Test
    void stale_records_and_tag_conflicts_are_warnings_that_do_not_block() {
        assertThat(severity("STALE").getEntryMap())
                .containsEntry("severity", "WARNING")
                .containsEntry("blocking", false);
        assertThat(severity("TAG_CONFLICT").getEntryMap()).containsEntry("blocking", false);
    }

    @Test
    void a_wrong_id_number_and_any_rule_the_table_does_not_name_block_the_sign_off() {
        assertThat(severity("ID_NUMBER_INVALID").getEntryMap())
                .containsEntry("severity", "ERROR")
                .containsEntry("blocking", true);
        assertThat(severity("A_RULE_ADDED_LATER").getEntryMap()).containsEntry("blocking", true);
    }

    @Test
    void suspected_duplicates_block_until_merged_or_waived() {
        assertThat(severity("DUPLICATE_ID_NUMBER").getEntryMap()).containsEntry("blocking", true);
        assertThat(severity("DUPLICATE_NAME_BIRTH_VILLAGE").getEntryMap()).containsEntry("blocking", true);
    }

    @Test
    void the_default_thresholds_are_five_percent_thirty_records_five_percent_errors_two_years() {
        Map<String, Object> thresholds = engine.evaluateDecision(
                        decisions.get("CampaignThresholds"), Map.of("institutionType", "TOWNSHIP_CENTRE"))
                .getSingleResult()
                .getEntryMap();
        assertThat(thresholds)
                .containsEntry("sampleRate", 0.05)
                .containsEntry("minimumSample", 30)
                .containsEntry("maxErrorRate", 0.05)
                .containsEntry("staleMonths", 24);
    }
}
