package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The assessment's default targets, on Camunda's DMN engine: what a county may edit in Modeler. */
class IndicatorTargetsTest {

    static DmnEngine engine;
    static DmnDecision targets;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = IndicatorTargetsTest.class.getResourceAsStream("/dmn/indicator-targets.dmn")) {
            assertThat(in).isNotNull();
            targets = engine.parseDecision("IndicatorTargets", in);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "recordRate, 0.9, 0.8",
        "standardisedRate, 0.95, 0.85",
        "dynamicUseRate, 0.6, 0.5",
        "paperElectronicAgreement, 0.98, 0.95",
        "keyPopulation, 0.7, 0.6",
        "scanned, 0.9, 0.6",
        "paperRetired, 0.9, 0.6",
        "aRateAddedLater, 0.9, 0.7"
    })
    void each_rate_has_a_green_and_a_lower_amber_line(String indicator, double green, double amber) {
        Map<String, Object> row = engine.evaluateDecision(targets, Map.of("indicator", indicator))
                .getSingleResult()
                .getEntryMap();
        assertThat(row).containsEntry("green", green).containsEntry("amber", amber);
        assertThat((Double) row.get("amber")).isLessThan((Double) row.get("green"));
    }

    @Test
    void every_rule_says_in_chinese_what_it_is_for() {
        assertThat(targets.getKey()).isEqualTo("IndicatorTargets");
        assertThat(targets.getName()).startsWith("考核目标");
    }
}
