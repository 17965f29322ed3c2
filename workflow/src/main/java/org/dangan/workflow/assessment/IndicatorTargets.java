package org.dangan.workflow.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The targets of the rates: those a county (or a city, for all below it) sets, else the defaults
 * of the deployed DMN table {@code IndicatorTargets} (bpmn/dmn/indicator-targets.dmn). The nearest
 * institution above a figure's institution that set a target for it wins.
 */
@Component
public class IndicatorTargets {

    /** The rates a target can be set for: the headline rates and the key populations' family. */
    public static final List<String> FAMILIES = families();

    /** A rate's lines: green at or above {@code green}, amber at or above {@code amber}, else red. */
    public record Target(double green, double amber) {

        public Rating rate(Double value) {
            if (value == null) {
                return Rating.NONE;
            }
            if (value > 1) {
                return Rating.CHECK;
            }
            return value >= green ? Rating.GREEN : value >= amber ? Rating.AMBER : Rating.RED;
        }
    }

    /** One family's target as it applies at an institution, and whether it was set there. */
    public record Applied(String figure, Target target, boolean setHere, boolean isDefault) {}

    private final DecisionService decisions;
    private final NamedParameterJdbcTemplate jdbc;
    private final Institutions institutions;
    private final AuditLog audit;
    private final Clock clock;
    // one dashboard asks for the same few rows hundreds of times; a redeployment needs a restart
    private final Map<String, Target> defaults = new ConcurrentHashMap<>();

    IndicatorTargets(
            DecisionService decisions,
            NamedParameterJdbcTemplate jdbc,
            Institutions institutions,
            AuditLog audit,
            Clock clock) {
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The default target of a figure by its key; the breakdowns ("keyPopulation.X", "scanned.X") share their family's. */
    public Target of(String figure) {
        return defaults.computeIfAbsent(family(figure), f -> {
            Map<String, Object> row = decisions
                    .evaluateDecisionTableByKey(
                            "IndicatorTargets", Variables.createVariables().putValue("indicator", f))
                    .getSingleResult()
                    .getEntryMap();
            return new Target(((Number) row.get("green")).doubleValue(), ((Number) row.get("amber")).doubleValue());
        });
    }

    /** The targets set by institutions, read once for a page: pass it to {@link #of(String, Institution, Map)}. */
    public Map<Long, Map<String, Target>> set() {
        Map<Long, Map<String, Target>> set = new HashMap<>();
        jdbc.query("select institution_id, figure, green, amber from indicator_target", (RowCallbackHandler)
                rs -> set.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getString(2), new Target(rs.getDouble(3), rs.getDouble(4))));
        return set;
    }

    /** The target of a figure at an institution: the nearest one set at it or above it, else the default. */
    public Target of(String figure, Institution at, Map<Long, Map<String, Target>> set) {
        List<Long> upwards = new ArrayList<>(Assessments.selfAndAncestors(at));
        for (int i = upwards.size() - 1; i >= 0; i--) {
            Target t = set.getOrDefault(upwards.get(i), Map.of()).get(family(figure));
            if (t != null) {
                return t;
            }
        }
        return of(figure);
    }

    /**
     * Every family's target as it applies at an institution of the reader's scope. Not read-only:
     * evaluating the DMN table writes Camunda's decision history, which PostgreSQL refuses there.
     */
    @Transactional
    public List<Applied> at(String institutionCode) {
        RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        Institution at = Assessments.inScope(institutionCode, institutions.currentScope());
        Map<Long, Map<String, Target>> set = set();
        return FAMILIES.stream()
                .map(f -> {
                    Target t = of(f, at, set);
                    boolean here = set.getOrDefault(at.getId(), Map.of()).containsKey(f);
                    return new Applied(f, t, here, t.equals(of(f)) && !here && !setAbove(f, at, set));
                })
                .toList();
    }

    /** A county (or city) supervisor sets a rate's target for their institution and all below it. */
    @Transactional
    public Applied put(String institutionCode, String figure, Double green, Double amber) {
        DanganUser user = RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        if (!Assessments.assessor(user, institutions)) {
            throw Refused.forbidden("target.countyOnly");
        }
        Institution at = Assessments.inScope(institutionCode, institutions.currentScope());
        if (!Assessments.countyOrAbove(at)) {
            throw Refused.invalid("target.countyLevel", at.getName());
        }
        if (figure == null || !FAMILIES.contains(figure)) {
            throw Refused.invalid("target.unknown", String.valueOf(figure));
        }
        if (green == null || amber == null || amber < 0 || green > 1 || amber > green) {
            throw Refused.invalid("target.range");
        }
        // as the column keeps them (four places), so the answer is what a later read gives
        BigDecimal greenKept = BigDecimal.valueOf(green).setScale(4, RoundingMode.HALF_UP);
        BigDecimal amberKept = BigDecimal.valueOf(amber).setScale(4, RoundingMode.HALF_UP);
        // settings for one institution take their turn: two at once would both find no row and both insert
        institutions.lockForChange(at.getId());
        MapSqlParameterSource row = new MapSqlParameterSource("institution", at.getId())
                .addValue("figure", figure)
                .addValue("green", greenKept)
                .addValue("amber", amberKept)
                .addValue("by", user.getUsername())
                .addValue("at", Timestamp.from(clock.instant()));
        if (jdbc.update("""
                        update indicator_target set green = :green, amber = :amber, set_by = :by, set_at = :at
                        where institution_id = :institution and figure = :figure""", row) == 0) {
            jdbc.update("""
                    insert into indicator_target (institution_id, figure, green, amber, set_by, set_at)
                    values (:institution, :figure, :green, :amber, :by, :at)""", row);
        }
        audit.record(
                AuditAction.TARGET_SET,
                "INSTITUTION",
                at.getCode(),
                at.getId(),
                figure + " green " + greenKept + " amber " + amberKept);
        return new Applied(figure, new Target(greenKept.doubleValue(), amberKept.doubleValue()), true, false);
    }

    private boolean setAbove(String figure, Institution at, Map<Long, Map<String, Target>> set) {
        for (Long id : Assessments.selfAndAncestors(at)) {
            if (!id.equals(at.getId()) && set.getOrDefault(id, Map.of()).containsKey(figure)) {
                return true;
            }
        }
        return false;
    }

    static String family(String figure) {
        return figure.contains(".") ? figure.substring(0, figure.indexOf('.')) : figure;
    }

    private static List<String> families() {
        List<String> families = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            families.add(i.key());
        }
        families.add(
                IndicatorComputation.KEY_POPULATION.substring(0, IndicatorComputation.KEY_POPULATION.length() - 1));
        return List.copyOf(families);
    }
}
