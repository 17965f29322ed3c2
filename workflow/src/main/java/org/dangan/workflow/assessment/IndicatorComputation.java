package org.dangan.workflow.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.document.DocumentQueries;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.lending.LendingFigures;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.PaperFileState;
import org.dangan.workflow.registry.RegistryFigures;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.storage.StorageFigures;
import org.dangan.workflow.verification.VerificationFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes every indicator for every institution at every level and stores them as one dated
 * snapshot, in one transaction: a crash leaves no half snapshot, and the next run starts over.
 * Each module's counts are read once, grouped by the institution that manages the record, and
 * added up the tree (a township's figures count in its county, city and province).
 */
@Service
public class IndicatorComputation {

    /** Paper that must still be kept and is scanned instead (notice §2): the scanning's denominator. */
    public static final Set<DocumentType> KEPT_ON_PAPER =
            EnumSet.of(DocumentType.AUX_EXAM_REPORT, DocumentType.SEVERE_MENTAL_DISORDER);

    static final String RECORDS = "records";
    static final String POPULATION = "population";
    static final String REVIEW_BACKLOG = "reviewBacklog";
    static final String OVERDUE_CHECKOUTS = "overdueCheckouts";
    static final String STOCKTAKE_MISSING = "stocktakeMissing";
    static final String LAST_STOCKTAKE = "lastStocktake";
    static final String KEY_POPULATION = "keyPopulation.";
    static final String SCANNED_TYPE = "scanned.";

    private static final Logger log = LoggerFactory.getLogger(IndicatorComputation.class);

    private final Institutions institutions;
    private final RegistryFigures registry;
    private final VerificationFigures verification;
    private final DocumentQueries documents;
    private final LendingFigures lending;
    private final StorageFigures storage;
    private final Populations populations;
    private final Milestones milestones;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    IndicatorComputation(
            Institutions institutions,
            RegistryFigures registry,
            VerificationFigures verification,
            DocumentQueries documents,
            LendingFigures lending,
            StorageFigures storage,
            Populations populations,
            Milestones milestones,
            NamedParameterJdbcTemplate jdbc,
            AuditLog audit,
            Clock clock) {
        this.institutions = institutions;
        this.registry = registry;
        this.verification = verification;
        this.documents = documents;
        this.lending = lending;
        this.storage = storage;
        this.populations = populations;
        this.milestones = milestones;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one computation stored. */
    public record Snapshot(long id, LocalDate computedOn, Instant computedAt, int institutions) {}

    /** Whether the user has the compute button: a supervisor of a county or above, or an administrator. */
    public boolean mayCompute(DanganUser user) {
        return Assessments.assessor(user, institutions);
    }

    /** The button and {@code POST /api/indicators/compute}: computes now, as of today in China. */
    @Transactional
    public Snapshot computeNow() {
        DanganUser user = RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        if (!mayCompute(user)) {
            throw Refused.forbidden("indicators.computeCountyOnly");
        }
        Snapshot snapshot = compute(LocalDate.now(clock.withZone(ChinaTime.ZONE)), user.getUsername());
        audit.record(
                AuditAction.INDICATORS_COMPUTED,
                "INDICATORS",
                Long.toString(snapshot.id()),
                user.institutionId(),
                snapshot.institutions() + " institutions");
        return snapshot;
    }

    /** The nightly run, after the day's work, as of the day that has just begun in China. */
    @Scheduled(cron = "${dangan.indicators.cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public void nightly() {
        Snapshot snapshot = compute(LocalDate.now(clock.withZone(ChinaTime.ZONE)), "system");
        audit.recordFor("system", AuditAction.INDICATORS_COMPUTED, null, snapshot.institutions() + " institutions");
    }

    /** Computes as of {@code day} and stores the snapshot; {@code by} is who asked. */
    @Transactional
    public Snapshot compute(LocalDate day, String by) {
        long started = System.nanoTime();
        List<Institution> all = institutions.all();
        Tally own = new Tally();
        log.info("indicators: counting records (1 of 5)");
        countRecords(day, own);
        log.info("indicators: counting findings of the latest rule checks (2 of 5)");
        countStandardised(own);
        log.info("indicators: counting paper files and paper checks (3 of 5)");
        countPaper(own);
        log.info("indicators: counting scans (4 of 5)");
        countScans(own);
        for (DocumentQueries.Waiting w : documents.awaitingReview()) {
            // a restricted scan waiting at a village clinic tells that it has such a patient: counted
            // apart, under a name only readers of restricted documents are given
            own.count(
                    w.institutionId(),
                    w.restricted() ? REVIEW_BACKLOG + "." + w.type() : REVIEW_BACKLOG,
                    w.documents());
        }
        lending.overdue(day).forEach((institution, n) -> own.count(institution, OVERDUE_CHECKOUTS, n));
        Map<Long, StorageFigures.Stocktaken> stocktakes = storage.stocktakes();
        stocktakes.forEach((institution, s) -> own.add(institution, STOCKTAKE_MISSING, s.missing(), s.expected()));

        log.info("indicators: adding up {} institutions and storing the snapshot (5 of 5)", all.size());
        Map<Long, Map<String, Figure>> rolled = rollUp(all, own);
        lastStocktakes(all, stocktakes, rolled);
        Map<Long, Long> population = population(all, own, populations.entered(day.getYear()));
        for (Institution i : all) {
            Map<String, Figure> figures = rolled.computeIfAbsent(i.getId(), id -> new HashMap<>());
            long records = figures.getOrDefault(RECORDS, Figure.NONE).numerator();
            Long people = population.get(i.getId());
            figures.put(Indicator.RECORD_RATE.key(), new Figure(records, people));
            if (people != null) {
                figures.put(POPULATION, new Figure(people, null));
            }
        }
        Instant at = clock.instant();
        long id = store(day, at, by, rolled);
        milestones.reachFrom(rolled, day);
        log.info(
                "indicators: snapshot {} of {} institutions stored in {} ms",
                id,
                all.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Snapshot(id, day, at, all.size());
    }

    private void countRecords(LocalDate day, Tally own) {
        for (RegistryFigures.Managed m : registry.managed(day)) {
            own.count(m.institutionId(), RECORDS, m.records());
            own.add(m.institutionId(), Indicator.DYNAMIC_USE_RATE.key(), m.servedWithinYear(), m.records());
            for (KeyPopulation p : m.keyPopulations()) {
                // the restricted tag is a diagnosis: no count of it leaves the registry
                if (!p.restricted()) {
                    own.add(m.institutionId(), KEY_POPULATION + p.name(), m.servedWithinYear(), m.records());
                }
            }
        }
    }

    /**
     * Only institutions whose records went through a rule check have a standardised rate; their
     * latest campaign's open blocking findings count, older campaigns' do not.
     */
    private void countStandardised(Tally own) {
        Map<Long, Long> latest = verification.latestCampaigns();
        List<VerificationFigures.Blocked> blocked = verification.openBlocking();
        Map<Long, Long> institutionOf = registry.institutionsOfRecords(blocked.stream()
                .map(VerificationFigures.Blocked::recordId)
                .collect(LinkedHashSet::new, Set::add, Set::addAll));
        Map<Long, Set<Long>> blockedPer = new HashMap<>();
        for (VerificationFigures.Blocked b : blocked) {
            Long institution = institutionOf.get(b.recordId());
            if (institution != null && Long.valueOf(b.campaignId()).equals(latest.get(institution))) {
                blockedPer.computeIfAbsent(institution, k -> new HashSet<>()).add(b.recordId());
            }
        }
        for (Long institution : latest.keySet()) {
            long records = own.get(institution, RECORDS).numerator();
            long stillBlocked = blockedPer.getOrDefault(institution, Set.of()).size();
            own.add(institution, Indicator.STANDARDISED_RATE.key(), records - stillBlocked, records);
        }
    }

    private void countPaper(Tally own) {
        for (RegistryFigures.PaperCount c : registry.paperFiles()) {
            if (c.state() == PaperFileState.TRANSFERRED) {
                continue;
            }
            boolean retired = c.state() == PaperFileState.RETIRED_PAPER || c.state() == PaperFileState.DISPOSED;
            own.add(c.institutionId(), Indicator.PAPER_RETIRED.key(), retired ? c.files() : 0, c.files());
            if (c.state() != PaperFileState.DISPOSED) {
                own.add(c.institutionId(), Indicator.SHELVED.key(), c.boxed() ? c.files() : 0, c.files());
            }
        }
        List<VerificationFigures.LatestPaperCheck> checks = verification.latestPaperChecks();
        Map<Long, RegistryFigures.FileFacts> files = registry.paperFilesOf(checks.stream()
                .map(VerificationFigures.LatestPaperCheck::paperFileId)
                .toList());
        for (VerificationFigures.LatestPaperCheck check : checks) {
            RegistryFigures.FileFacts file = files.get(check.paperFileId());
            if (file != null) {
                own.add(
                        file.institutionId(),
                        Indicator.PAPER_ELECTRONIC_AGREEMENT.key(),
                        check.agreesWith(file.pageCount()) ? 1 : 0,
                        1);
            }
        }
    }

    /** A record counts as scanned for a type when its kept paper of that type has an archived scan. */
    private void countScans(Tally own) {
        Map<DocumentType, Set<Long>> archived = documents.archivedRecordIds(KEPT_ON_PAPER);
        registry.forEachHolder(KEPT_ON_PAPER, holder -> {
            long done = archived.get(holder.type()).contains(holder.recordId()) ? 1 : 0;
            // the restricted type is kept apart: counted in the headline, it would tell (by
            // subtraction) how many severe-mental-disorder patients an institution has
            if (!holder.type().restricted()) {
                own.add(holder.institutionId(), Indicator.SCANNED.key(), done, 1);
            }
            own.add(holder.institutionId(), SCANNED_TYPE + holder.type().name(), done, 1);
        });
    }

    /** Each institution's own figures added to itself and every institution above it. */
    private static Map<Long, Map<String, Figure>> rollUp(List<Institution> all, Tally own) {
        Tally rolled = new Tally();
        for (Institution i : all) {
            Map<String, long[]> mine = own.of(i.getId());
            if (mine == null) {
                continue;
            }
            for (Long up : Assessments.selfAndAncestors(i)) {
                mine.forEach((figure, v) -> rolled.add(up, figure, v[0], v[1] < 0 ? -1 : v[1]));
            }
        }
        return rolled.figures();
    }

    /**
     * The day of the latest stocktake (as a day number): an institution's own, and above it the
     * oldest of those below, since a county is as well counted as its least recently counted store.
     */
    private static void lastStocktakes(
            List<Institution> all,
            Map<Long, StorageFigures.Stocktaken> stocktakes,
            Map<Long, Map<String, Figure>> rolled) {
        for (Institution i : all) {
            StorageFigures.Stocktaken taken = stocktakes.get(i.getId());
            if (taken == null) {
                continue;
            }
            long day = taken.lastTakenAt().atZone(ChinaTime.ZONE).toLocalDate().toEpochDay();
            for (Long up : Assessments.selfAndAncestors(i)) {
                rolled.computeIfAbsent(up, k -> new HashMap<>())
                        .merge(LAST_STOCKTAKE, new Figure(day, null), (a, b) -> a.numerator() <= b.numerator() ? a : b);
            }
        }
    }

    /**
     * An institution's population is the one entered for it; without one, the sum of its children's
     * when every child that manages records has one (a partial sum would overstate the rate).
     */
    private static Map<Long, Long> population(List<Institution> all, Tally own, Map<Long, Long> entered) {
        Map<Long, List<Institution>> children = new HashMap<>();
        all.forEach(i -> {
            if (i.getParentId() != null) {
                children.computeIfAbsent(i.getParentId(), k -> new ArrayList<>())
                        .add(i);
            }
        });
        Map<Long, Long> resolved = new HashMap<>();
        Map<Long, Boolean> holdsRecords = new HashMap<>();
        for (Institution i : all) {
            resolve(i, children, own, entered, resolved, holdsRecords);
        }
        return resolved;
    }

    private static Long resolve(
            Institution i,
            Map<Long, List<Institution>> children,
            Tally own,
            Map<Long, Long> entered,
            Map<Long, Long> resolved,
            Map<Long, Boolean> holdsRecords) {
        if (resolved.containsKey(i.getId())) {
            return resolved.get(i.getId());
        }
        Long people = entered.get(i.getId());
        if (people == null) {
            long sum = 0;
            boolean complete = true;
            boolean any = false;
            for (Institution child : children.getOrDefault(i.getId(), List.of())) {
                Long theirs = resolve(child, children, own, entered, resolved, holdsRecords);
                if (theirs != null) {
                    sum += theirs;
                    any = true;
                } else if (holds(child, children, own, holdsRecords)) {
                    complete = false;
                }
            }
            people = any && complete ? sum : null;
        }
        resolved.put(i.getId(), people);
        return people;
    }

    private static boolean holds(
            Institution i, Map<Long, List<Institution>> children, Tally own, Map<Long, Boolean> memo) {
        Boolean known = memo.get(i.getId());
        if (known != null) {
            return known;
        }
        boolean holds = own.get(i.getId(), RECORDS).numerator() > 0
                || children.getOrDefault(i.getId(), List.of()).stream().anyMatch(c -> holds(c, children, own, memo));
        memo.put(i.getId(), holds);
        return holds;
    }

    private long store(LocalDate day, Instant at, String by, Map<Long, Map<String, Figure>> rolled) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                """
                insert into indicator_snapshot (computed_on, computed_month, computed_at, computed_by)
                values (:day, :month, :at, :by)""",
                new MapSqlParameterSource("day", day)
                        .addValue("month", day.toString().substring(0, 7))
                        .addValue("at", Timestamp.from(at))
                        .addValue("by", by),
                key,
                new String[] {"id"});
        long id = key.getKey().longValue();
        List<SqlParameterSource> rows = new ArrayList<>();
        rolled.forEach((institution, figures) ->
                figures.forEach((figure, value) -> rows.add(new MapSqlParameterSource("snapshot", id)
                        .addValue("institution", institution)
                        .addValue("figure", figure)
                        .addValue("numerator", value.numerator())
                        .addValue("denominator", value.denominator()))));
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(
                    """
                    insert into indicator_value (snapshot_id, institution_id, figure, numerator, denominator)
                    values (:snapshot, :institution, :figure, :numerator, :denominator)""", rows.subList(from, Math.min(rows.size(), from + 1000)).toArray(SqlParameterSource[]::new));
        }
        return id;
    }

    /** Numerators and denominators per institution and figure; a denominator of -1 marks a count. */
    static final class Tally {

        private final Map<Long, Map<String, long[]>> values = new HashMap<>();

        void add(long institution, String figure, long numerator, long denominator) {
            long[] v = values.computeIfAbsent(institution, k -> new HashMap<>()).computeIfAbsent(figure, k ->
                    new long[] {0, denominator < 0 ? -1 : 0});
            v[0] += numerator;
            if (denominator >= 0) {
                v[1] += denominator;
            }
        }

        void count(long institution, String figure, long n) {
            add(institution, figure, n, -1);
        }

        Map<String, long[]> of(long institution) {
            return values.get(institution);
        }

        Figure get(long institution, String figure) {
            long[] v = values.getOrDefault(institution, Map.of()).get(figure);
            return v == null ? Figure.NONE : new Figure(v[0], v[1] < 0 ? null : v[1]);
        }

        Map<Long, Map<String, Figure>> figures() {
            Map<Long, Map<String, Figure>> out = new HashMap<>();
            values.forEach((institution, figures) -> {
                Map<String, Figure> m = new HashMap<>();
                figures.forEach((figure, v) -> m.put(figure, new Figure(v[0], v[1] < 0 ? null : v[1])));
                out.put(institution, m);
            });
            return out;
        }
    }
}
