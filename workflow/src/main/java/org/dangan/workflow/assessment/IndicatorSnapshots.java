package org.dangan.workflow.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the stored snapshots: the latest figures of an institution and those below it, and a
 * figure's month-end values over the last months. Supervisors and administrators read, each within
 * their own scope; an institution outside it answers as if it did not exist.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorSnapshots {

    private final NamedParameterJdbcTemplate jdbc;
    private final Institutions institutions;
    private final IndicatorTargets targets;

    IndicatorSnapshots(NamedParameterJdbcTemplate jdbc, Institutions institutions, IndicatorTargets targets) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.targets = targets;
    }

    /** One institution's figures in one snapshot. */
    public record Row(
            Institution institution,
            String code,
            String name,
            InstitutionType type,
            int depth,
            Instant computedAt,
            LocalDate computedOn,
            Map<String, Figure> figures) {

        public Figure figure(String key) {
            return figures.getOrDefault(key, Figure.NONE);
        }

        public Double rate(Indicator indicator) {
            return figure(indicator.key()).rate();
        }

        /** The day of the latest stocktake (at a county: the oldest of its institutions'), if any was taken. */
        public LocalDate lastStocktake() {
            Figure f = figures.get(IndicatorComputation.LAST_STOCKTAKE);
            return f == null ? null : LocalDate.ofEpochDay(f.numerator());
        }

        /**
         * The name a download of this table takes: what it is, whose, and the day of its figures,
         * in Chinese as a county files it ("绩效考核指标-某县卫生健康局-2026-12-01.xlsx").
         */
        public String fileName(String extension) {
            String safeName = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\p{Cf}\\s]", "_");
            return "绩效考核指标-" + safeName + "-" + (computedOn == null ? "未计算" : computedOn.toString()) + "." + extension;
        }

        /** The headline rates under their API names; undefined ones are null. */
        public Map<String, Double> headline() {
            Map<String, Double> rates = new LinkedHashMap<>();
            for (Indicator i : Indicator.values()) {
                rates.put(i.key(), rate(i));
            }
            return rates;
        }
    }

    /** The institution a reader names, if it is in their scope; the root of their scope without a name. */
    public Institution institution(String code) {
        RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        InstitutionScope scope = institutions.currentScope();
        if (code == null || code.isBlank()) {
            if (scope.ids().isEmpty()) {
                throw Refused.notFound("indicators.institution.missing", "");
            }
            return scope.root();
        }
        return scope.institutions().stream()
                .filter(i -> i.getCode().equals(code.strip()))
                .findFirst()
                .orElseThrow(() -> Assessments.noSuchInstitution(code));
    }

    /** An institution in the reader's scope by its id: the dashboard's way back up the tree. */
    public Optional<Institution> institutionById(Long id) {
        RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        return institutions.currentScope().institutions().stream()
                .filter(i -> i.getId().equals(id))
                .findFirst();
    }

    /** The institution and every institution below it in the reader's scope, by level and code. */
    public List<Institution> institutionsBelow(String code) {
        Institution institution = institution(code);
        return institutions.currentScope().institutions().stream()
                .filter(i -> institution.contains(i) || i.getId().equals(institution.getId()))
                .sorted(Comparator.comparing((Institution i) -> depth(i)).thenComparing(Institution::getCode))
                .toList();
    }

    /** The latest figures of one institution in the reader's scope; empty figures before the first run. */
    public Row of(String code) {
        Institution institution = institution(code);
        return rows(List.of(institution), institution).get(0);
    }

    /** The institution and the institutions directly below it: one level of the dashboard. */
    public List<Row> level(String code) {
        Institution institution = institution(code);
        List<Institution> shown = new ArrayList<>();
        shown.add(institution);
        institutions.currentScope().institutions().stream()
                .filter(i -> institution.getId().equals(i.getParentId()))
                .sorted(Comparator.comparing(Institution::getCode))
                .forEach(shown::add);
        return rows(shown, institution);
    }

    /** The institution and every institution below it, by level and code: the workbook's rows. */
    public List<Row> subtree(String code) {
        List<Institution> shown = institutionsBelow(code);
        return rows(shown, shown.get(0));
    }

    /** A figure's value at the end of each of the last {@code months} months (the month's last snapshot). */
    public record MonthValue(YearMonth month, Figure figure) {}

    public List<MonthValue> trend(String code, String figure, int months, YearMonth upTo) {
        Institution institution = institution(code);
        if (!mayRead(figure, CurrentUser.require().has(Permission.RESTRICTED_DOCUMENTS))) {
            throw Refused.forbidden("error.forbidden");
        }
        YearMonth from = upTo.minusMonths(months - 1L);
        Map<String, Figure> byMonth = new HashMap<>();
        jdbc.query(
                """
                select s.computed_month, v.numerator, v.denominator
                from indicator_value v join indicator_snapshot s on s.id = v.snapshot_id
                where v.institution_id = :institution and v.figure = :figure
                  and v.snapshot_id in (select max(id) from indicator_snapshot
                                        where computed_month >= :from and computed_month <= :to
                                        group by computed_month)""",
                new MapSqlParameterSource("institution", institution.getId())
                        .addValue("figure", figure)
                        .addValue("from", from.toString())
                        .addValue("to", upTo.toString()),
                (RowCallbackHandler) rs ->
                        byMonth.put(rs.getString(1), new Figure(rs.getLong(2), (Long) rs.getObject(3, Long.class))));
        List<MonthValue> values = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(upTo); m = m.plusMonths(1)) {
            values.add(new MonthValue(m, byMonth.get(m.toString())));
        }
        return values;
    }

    /** The targets of one page, read once: each row's figures are rated against its own county's. */
    public Ratings ratings() {
        return new Ratings(targets.set());
    }

    /** Rates rows against the targets that apply at each row's institution. */
    public final class Ratings {

        private final Map<Long, Map<String, IndicatorTargets.Target>> set;

        private Ratings(Map<Long, Map<String, IndicatorTargets.Target>> set) {
            this.set = set;
        }

        public IndicatorTargets.Target target(Row row, String figure) {
            return targets.of(figure, row.institution(), set);
        }

        public Rating of(Row row, String figure) {
            Figure value = row.figure(figure);
            return target(row, figure).rate(value.rate());
        }

        /** The rate a ranking orders by: none where the figures need checking, so 1800 % never comes first. */
        public Double rankable(Row row, String figure) {
            return of(row, figure) == Rating.CHECK ? null : row.figure(figure).rate();
        }
    }

    /** When the latest snapshot was computed, if any. */
    public Optional<Instant> lastComputed() {
        return latestSnapshot().map(Latest::at);
    }

    private List<Row> rows(List<Institution> shown, Institution top) {
        Map<Long, Map<String, Figure>> figures = new HashMap<>();
        Latest snapshot = latestSnapshot().orElse(null);
        boolean restricted = CurrentUser.require().has(Permission.RESTRICTED_DOCUMENTS);
        if (snapshot != null) {
            Set<Long> ids = shown.stream().map(Institution::getId).collect(Collectors.toSet());
            jdbc.query(
                    """
                    select institution_id, figure, numerator, denominator from indicator_value
                    where snapshot_id = :snapshot and institution_id in (:ids)""", new MapSqlParameterSource("snapshot", snapshot.id()).addValue("ids", ids), (RowCallbackHandler)
                            rs -> {
                                if (mayRead(rs.getString(2), restricted)) {
                                    figures.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                            .put(rs.getString(2), new Figure(rs.getLong(3), (Long)
                                                    rs.getObject(4, Long.class)));
                                }
                            });
        }
        int topDepth = depth(top);
        return shown.stream()
                .map(i -> new Row(
                        i,
                        i.getCode(),
                        i.getName(),
                        i.getType(),
                        depth(i) - topDepth,
                        snapshot == null ? null : snapshot.at(),
                        snapshot == null ? null : snapshot.on(),
                        figures.getOrDefault(i.getId(), Map.of())))
                .toList();
    }

    /** A figure about restricted material (how many SMD files, how many scanned) only for readers who may see it. */
    private static boolean mayRead(String figure, boolean restricted) {
        return restricted || RESTRICTED.stream().noneMatch(figure::endsWith);
    }

    private static final List<String> RESTRICTED = Arrays.stream(DocumentType.values())
            .filter(DocumentType::restricted)
            .map(t -> "." + t.name())
            .toList();

    private record Latest(long id, Instant at, LocalDate on) {}

    private Optional<Latest> latestSnapshot() {
        return jdbc
                .query(
                        """
                        select id, computed_at, computed_on from indicator_snapshot
                        where id = (select max(id) from indicator_snapshot)""",
                        (rs, n) -> new Latest(
                                rs.getLong(1),
                                rs.getTimestamp(2).toInstant(),
                                rs.getDate(3).toLocalDate()))
                .stream()
                .findFirst();
    }

    private static int depth(Institution i) {
        return Assessments.selfAndAncestors(i).size();
    }
}
