package org.dangan.workflow.assessment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The targets of the rates, from the deployed DMN table {@code IndicatorTargets}
 * (bpmn/dmn/indicator-targets.dmn): a county edits them in Camunda Modeler and redeploys.
 */
@Component
public class IndicatorTargets {

    /** A rate's lines: green at or above {@code green}, amber at or above {@code amber}, else red. */
    public record Target(double green, double amber) {

        public Rating rate(Double value) {
            if (value == null) {
                return Rating.NONE;
            }
            return value >= green ? Rating.GREEN : value >= amber ? Rating.AMBER : Rating.RED;
        }
    }

    private final DecisionService decisions;
    // one dashboard asks for the same few rows hundreds of times; a redeployment needs a restart
    private final Map<String, Target> read = new ConcurrentHashMap<>();

    IndicatorTargets(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The target of a figure by its key; the breakdowns ("keyPopulation.X", "scanned.X") share their family's. */
    public Target of(String figure) {
        String family = figure.contains(".") ? figure.substring(0, figure.indexOf('.')) : figure;
        return read.computeIfAbsent(family, f -> {
            Map<String, Object> row = decisions
                    .evaluateDecisionTableByKey(
                            "IndicatorTargets", Variables.createVariables().putValue("indicator", f))
                    .getSingleResult()
                    .getEntryMap();
            return new Target(((Number) row.get("green")).doubleValue(), ((Number) row.get("amber")).doubleValue());
        });
    }
}
