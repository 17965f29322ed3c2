package org.dangan.workflow.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident population (常住人口) of each institution's area, by year, as the county enters it:
 * the denominator of the record rate. Entered by a supervisor of a county or above, or an
 * administrator, for institutions in their scope.
 */
@Service
@Transactional
public class Populations {

    static final long MAX_POPULATION = 100_000_000L;

    private final NamedParameterJdbcTemplate jdbc;
    private final Institutions institutions;
    private final IndicatorSnapshots snapshots;
    private final AuditLog audit;
    private final Clock clock;

    Populations(
            NamedParameterJdbcTemplate jdbc,
            Institutions institutions,
            IndicatorSnapshots snapshots,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.snapshots = snapshots;
        this.audit = audit;
        this.clock = clock;
    }

    /** One institution's population in one year, as entered. */
    public record Entry(String institutionCode, String institutionName, int year, long population) {}

    /**
     * What entering a population would do, for the screen to ask before it saves: the figure it
     * replaces (null if none), and the records the institution managed at the latest computation,
     * which a population below them would turn into a record rate above 100 %.
     */
    public record Preview(String institutionName, int year, long population, Long replaces, long records) {

        public boolean belowRecords() {
            return population < records;
        }
    }

    /** What {@link #enter} would do with these figures, checked as it checks them; nothing is written. */
    @Transactional(readOnly = true)
    public Preview preview(String institutionCode, int year, long population) {
        Institution institution = checked(institutionCode, year, population);
        Long replaces = enteredFor(institution, year).orElse(null);
        long records = snapshots
                .of(institution.getCode())
                .figure(IndicatorComputation.RECORDS)
                .numerator();
        return new Preview(institution.getName(), year, population, replaces, records);
    }

    /** Whether the user may enter populations: what the screen asks before it shows the form. */
    public boolean mayEnter(DanganUser user) {
        return Assessments.assessor(user, institutions);
    }

    /** Enters (or corrects) the population of an institution in the user's scope for a year. */
    public Entry enter(String institutionCode, int year, long population) {
        DanganUser user = RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        Institution institution = checked(institutionCode, year, population);
        // entries for one institution take their turn: two at once would both find no row and both insert
        institutions.lockForChange(institution.getId());
        MapSqlParameterSource row = new MapSqlParameterSource("institution", institution.getId())
                .addValue("year", year)
                .addValue("population", population)
                .addValue("by", user.getUsername())
                .addValue("at", Timestamp.from(clock.instant()));
        int updated = jdbc.update("""
                update institution_population set population = :population, entered_by = :by, entered_at = :at
                where institution_id = :institution and population_year = :year""", row);
        if (updated == 0) {
            jdbc.update("""
                    insert into institution_population (institution_id, population_year, population, entered_by, entered_at)
                    values (:institution, :year, :population, :by, :at)""", row);
        }
        audit.record(
                AuditAction.POPULATION_ENTERED,
                "INSTITUTION",
                institution.getCode(),
                institution.getId(),
                "year " + year + ", population " + population);
        return new Entry(institution.getCode(), institution.getName(), year, population);
    }

    /**
     * Takes back a population entered by mistake: the record rate of that year falls back to the
     * year before, or to the children's sum, from the next computation on.
     */
    public Entry remove(String institutionCode, int year) {
        Institution institution = enterer(institutionCode);
        institutions.lockForChange(institution.getId());
        long population = enteredFor(institution, year)
                .orElseThrow(
                        () -> Refused.notFound("population.missing", institution.getName(), Integer.toString(year)));
        jdbc.update(
                "delete from institution_population where institution_id = :institution and population_year = :year",
                new MapSqlParameterSource("institution", institution.getId()).addValue("year", year));
        audit.record(
                AuditAction.POPULATION_REMOVED,
                "INSTITUTION",
                institution.getCode(),
                institution.getId(),
                "year " + year + ", population " + population);
        return new Entry(institution.getCode(), institution.getName(), year, population);
    }

    private Optional<Long> enteredFor(Institution institution, int year) {
        return jdbc
                .query(
                        """
                        select population from institution_population
                        where institution_id = :institution and population_year = :year""",
                        new MapSqlParameterSource("institution", institution.getId()).addValue("year", year),
                        (rs, n) -> rs.getLong(1))
                .stream()
                .findFirst();
    }

    /** Who may enter populations, and for which institution: a county supervisor or above, in scope. */
    private Institution enterer(String institutionCode) {
        if (!mayEnter(RoleCheck.require(Role.SUPERVISOR, Role.ADMIN))) {
            throw Refused.forbidden("population.countyOnly");
        }
        return Assessments.inScope(institutionCode, institutions.currentScope());
    }

    /** The checks every entry passes: who enters, which institution, a plausible year and number. */
    private Institution checked(String institutionCode, int year, long population) {
        Institution institution = enterer(institutionCode);
        if (year < 2000 || year > 2100) {
            throw Refused.invalid("population.year", Integer.toString(year));
        }
        if (population < 1 || population > MAX_POPULATION) {
            throw Refused.invalid("population.range", MAX_POPULATION);
        }
        return institution;
    }

    /** System work (the demo data): a population entered without a user, by the name given. */
    public void enterAs(String by, long institutionId, int year, long population) {
        jdbc.update(
                """
                insert into institution_population (institution_id, population_year, population, entered_by, entered_at)
                values (:institution, :year, :population, :by, :at)""",
                new MapSqlParameterSource("institution", institutionId)
                        .addValue("year", year)
                        .addValue("population", population)
                        .addValue("by", by)
                        .addValue("at", Timestamp.from(clock.instant())));
    }

    /** The populations entered in the user's scope, newest year first. */
    @Transactional(readOnly = true)
    public List<Entry> list() {
        RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return List.of();
        }
        Map<Long, Institution> byId = new HashMap<>();
        scope.institutions().forEach(i -> byId.put(i.getId(), i));
        return jdbc.query("""
                select institution_id, population_year, population from institution_population
                where institution_id in (:ids) order by population_year desc, institution_id""", new MapSqlParameterSource("ids", scope.ids()), (rs, n) -> {
            Institution i = byId.get(rs.getLong(1));
            return new Entry(i.getCode(), i.getName(), rs.getInt(2), rs.getLong(3));
        });
    }

    /** Each institution's latest population entered for {@code year} or a year before it. */
    Map<Long, Long> entered(int year) {
        Map<Long, Long> latest = new HashMap<>();
        jdbc.query("""
                select institution_id, population from institution_population
                where population_year <= :year order by institution_id, population_year""", new MapSqlParameterSource("year", year), (RowCallbackHandler)
                rs -> latest.put(rs.getLong(1), rs.getLong(2)));
        return latest;
    }
}
