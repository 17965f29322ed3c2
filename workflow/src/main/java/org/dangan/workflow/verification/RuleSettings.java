package org.dangan.workflow.verification;

import java.math.BigDecimal;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the campaign's tunable parts from the deployed DMN tables ({@code RuleSeverity},
 * {@code CampaignThresholds} in bpmn/dmn/verification-settings.dmn), so a county changes them in
 * Camunda Modeler and redeploys, without a new release.
 */
@Component
public class RuleSettings {

    private final DecisionService decisions;

    RuleSettings(DecisionService decisions) {
        this.decisions = decisions;
    }

    public record Thresholds(BigDecimal sampleRate, int minimumSample, BigDecimal maxErrorRate, Period stalePeriod) {}

    public Thresholds thresholds(String institutionType) {
        Map<String, Object> row = decisions
                .evaluateDecisionTableByKey(
                        "CampaignThresholds", Variables.createVariables().putValue("institutionType", institutionType))
                .getSingleResult()
                .getEntryMap();
        return new Thresholds(
                BigDecimal.valueOf(((Number) row.get("sampleRate")).doubleValue()),
                ((Number) row.get("minimumSample")).intValue(),
                BigDecimal.valueOf(((Number) row.get("maxErrorRate")).doubleValue()),
                Period.ofMonths(((Number) row.get("staleMonths")).intValue()));
    }

    public boolean blocksSignOff(Rule rule) {
        return Boolean.TRUE.equals(severityRow(rule).get("blocking"));
    }

    /** The rule book of a campaign for institutions of this type, as the tables say today. */
    public RuleBook ruleBook(String institutionType) {
        Map<Rule, Severity> severities = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            severities.put(rule, Severity.valueOf((String) severityRow(rule).get("severity")));
        }
        return new RuleBook(thresholds(institutionType).stalePeriod(), severities);
    }

    private Map<String, Object> severityRow(Rule rule) {
        return decisions
                .evaluateDecisionTableByKey(
                        "RuleSeverity", Variables.createVariables().putValue("rule", rule.name()))
                .getSingleResult()
                .getEntryMap();
    }
}
