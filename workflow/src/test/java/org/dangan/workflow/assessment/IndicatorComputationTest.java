package org.dangan.workflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Every indicator on a small county whose figures are counted by hand in the comments: township A
 * (with a village clinic under it) and township B. The snapshot keeps its figures when the records
 * change afterwards; a township head reads only their own township.
 */
@DanganTest
class IndicatorComputationTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    IndicatorComputation computation;

    @Autowired
    IndicatorSnapshots snapshots;

    @Autowired
    Populations populations;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    AsUser asUser;

    @Autowired
    UserAccounts users;

    Fixtures.County county;
    LocalDate day;
    HealthRecord r1, r2, r3, r4, r5, r6, v1, b1, b2;
    long older;
    long latest;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        day = LocalDate.now(ChinaTime.ZONE);
        // township A: five managed records (r5 died), r1 and r2 served within the 365 days
        r1 = record(county.a(), 1, "ACTIVE", day.minusDays(30), "ELDERLY,HYPERTENSION");
        r2 = record(county.a(), 2, "ACTIVE", day.minusDays(365), "HYPERTENSION");
        // a tag this version does not know (an older tool's) is left out, not a reason to stop the night's figures
        r3 = record(county.a(), 3, "ACTIVE", day.minusDays(366), "ELDERLY,BOGUS");
        r4 = record(county.a(), 4, "RETIRED_PAPER", null, "");
        r5 = record(county.a(), 5, "DECEASED", day.minusDays(1), "");
        r6 = record(county.a(), 6, "ACTIVE", day.plusDays(1), "SEVERE_MENTAL_DISORDER");
        // the village clinic under A: one managed record, served
        v1 = record(county.village(), 1, "ACTIVE", day.minusDays(10), "");
        // township B: one managed record not served for over a year, one moved out
        b1 = record(county.b(), 1, "ACTIVE", day.minusDays(400), "");
        b2 = record(county.b(), 2, "MOVED_OUT", day.minusDays(5), "");

        // paper: r1 retired in a box, r2 stored in a box, r3 received loose, r4 disposed, r5 stored
        // loose, r6 handed to another institution; v1 received loose; B's two stored loose
        paper(r1, "RETIRED_PAPER", fixtures.box(county.a(), 1).getId());
        paper(r2, "STORED", fixtures.box(county.a(), 2).getId());
        paper(r3, "RECEIVED", null);
        paper(r4, "DISPOSED", null);
        paper(r5, "STORED", null);
        paper(r6, "TRANSFERRED", null);
        paper(v1, "RECEIVED", null);
        paper(b1, "STORED", null);
        paper(b2, "STORED", null);

        // paper that must be kept: examination reports of r1 and r2, SMD material of r3 (and of r6,
        // whose paper left); scans archived for r1 and r3, r2's waits for review, r4's has no paper
        content(r1, "AUX_EXAM_REPORT");
        content(r2, "AUX_EXAM_REPORT");
        content(r3, "SEVERE_MENTAL_DISORDER");
        content(r6, "SEVERE_MENTAL_DISORDER");
        scan(r1, "AUX_EXAM_REPORT", "ARCHIVED");
        scan(r2, "AUX_EXAM_REPORT", "REVIEW");
        scan(r3, "SEVERE_MENTAL_DISORDER", "ARCHIVED");
        scan(r4, "AUX_EXAM_REPORT", "ARCHIVED");
        // the village's SMD scan waits for review: its count would tell the clinic has such a patient
        scan(v1, "SEVERE_MENTAL_DISORDER", "REVIEW");

        // an older campaign took in A; the latest took in A (not the village, not B)
        older = campaign(county.a().getId());
        latest = campaign(county.a().getId());
        finding(older, r3, "ID_NUMBER_INVALID", "ERROR", "OPEN"); // an older campaign's: does not count
        finding(latest, r1, "ID_NUMBER_INVALID", "ERROR", "OPEN"); // blocks
        finding(latest, r2, "STALE", "WARNING", "OPEN"); // does not block
        finding(latest, r4, "ID_NUMBER_INVALID", "ERROR", "FIXED"); // fixed

        // paper checks: r2's file disagreed in the older campaign and agrees in the latest; r3's
        // pages are short; b1's agrees
        check(older, r2, -1, true, true);
        check(latest, r2, 0, true, true);
        check(latest, r3, -2, true, true);
        check(older, b1, 0, true, true);

        // check-outs of A: one out past its day, one out within it, one returned late
        checkout(county.a().getId(), "OUT", day.minusDays(1));
        checkout(county.a().getId(), "OUT", day.plusDays(5));
        checkout(county.a().getId(), "RETURNED", day.minusDays(10));
    }

    /**
     * What was written behind the applications' backs is taken back, so the other tests' checks over
     * the whole database (the register against the custody ledger, open campaigns) see none of it.
     */
    @AfterEach
    void tearDown() {
        AsUser.logout();
        MapSqlParameterSource ids = new MapSqlParameterSource(
                        "records",
                        Stream.of(r1, r2, r3, r4, r5, r6, v1, b1, b2)
                                .map(HealthRecord::getId)
                                .toList())
                .addValue("campaigns", List.of(older, latest))
                .addValue("institution", county.a().getId());
        jdbc.update("delete from finding where campaign_id in (:campaigns)", ids);
        jdbc.update("delete from paper_consistency where campaign_id in (:campaigns)", ids);
        jdbc.update("delete from campaign_institution where campaign_id in (:campaigns)", ids);
        jdbc.update("delete from verification_campaign where id in (:campaigns)", ids);
        jdbc.update("delete from scanned_document where record_id in (:records) and created_by = 'test'", ids);
        jdbc.update("""
                delete from paper_file_content where document_type in ('AUX_EXAM_REPORT', 'SEVERE_MENTAL_DISORDER')
                and paper_file_id in (select id from paper_file where record_id in (:records))""", ids);
        jdbc.update("update paper_file set state = 'RECEIVED', box_id = null where record_id in (:records)", ids);
        jdbc.update("update health_record set key_populations = '' where id in (:records)", ids);
        jdbc.update("delete from paper_checkout where institution_id = :institution and requested_by = 'test'", ids);
        MapSqlParameterSource townships = new MapSqlParameterSource(
                "institutions", List.of(county.a().getId(), county.b().getId()));
        jdbc.update("""
                delete from stocktake_item where stocktake_id in
                (select id from stocktake where institution_id in (:institutions))""", townships);
        jdbc.update("delete from stocktake where institution_id in (:institutions)", townships);
    }

    @Test
    void every_indicator_comes_out_as_counted_by_hand_at_every_level() {
        asUser.login(county.user("county-supervisor"));
        populations.enter(county.a().getCode(), day.getYear(), 20);
        populations.enter(county.b().getCode(), day.getYear() - 1, 10); // last year's counts until this year's
        populations.enter(county.b().getCode(), day.getYear() + 1, 99); // next year's does not
        computation.computeNow();

        IndicatorSnapshots.Row a = snapshots.of(county.a().getCode());
        IndicatorSnapshots.Row village = snapshots.of(county.village().getCode());
        IndicatorSnapshots.Row b = snapshots.of(county.b().getCode());
        IndicatorSnapshots.Row whole = snapshots.of(county.county().getCode());

        // managed records: A 5 own + 1 village = 6; B 1; county 7
        assertThat(a.figure("records").numerator()).isEqualTo(6);
        assertThat(whole.figure("records").numerator()).isEqualTo(7);
        // record rate: A 6/20; B 1/10 (last year's population); village none entered; county 7/(20+10)
        assertThat(a.figure("recordRate")).isEqualTo(new Figure(6, 20L));
        assertThat(b.figure("recordRate")).isEqualTo(new Figure(1, 10L));
        assertThat(village.rate(Indicator.RECORD_RATE)).isNull();
        assertThat(whole.figure("recordRate")).isEqualTo(new Figure(7, 30L));
        // dynamic use: A r1, r2 (the 365th day counts; the 366th and tomorrow do not) + v1 = 3/6; B 0/1
        assertThat(a.figure("dynamicUseRate")).isEqualTo(new Figure(3, 6L));
        assertThat(village.figure("dynamicUseRate")).isEqualTo(new Figure(1, 1L));
        assertThat(b.figure("dynamicUseRate")).isEqualTo(new Figure(0, 1L));
        assertThat(whole.figure("dynamicUseRate")).isEqualTo(new Figure(3, 7L));
        // standardised: A's latest campaign blocks r1 only: 4/5; the village and B were never checked
        assertThat(a.figure("standardisedRate")).isEqualTo(new Figure(4, 5L));
        assertThat(village.rate(Indicator.STANDARDISED_RATE)).isNull();
        assertThat(b.rate(Indicator.STANDARDISED_RATE)).isNull();
        assertThat(whole.figure("standardisedRate")).isEqualTo(new Figure(4, 5L));
        // key populations: hypertension r1, r2 both served; elderly r1 served, r3 not; SMD never counted
        assertThat(a.figure("keyPopulation.HYPERTENSION")).isEqualTo(new Figure(2, 2L));
        assertThat(a.figure("keyPopulation.ELDERLY")).isEqualTo(new Figure(1, 2L));
        assertThat(a.figures()).doesNotContainKey("keyPopulation.SEVERE_MENTAL_DISORDER");
        // paper-electronic agreement: latest checks r2 agrees, r3 short; b1 agrees
        assertThat(a.figure("paperElectronicAgreement")).isEqualTo(new Figure(1, 2L));
        assertThat(b.figure("paperElectronicAgreement")).isEqualTo(new Figure(1, 1L));
        assertThat(whole.figure("paperElectronicAgreement")).isEqualTo(new Figure(2, 3L));
        // paper retired: A r1 retired + r4 disposed of r1..r5 and v1 (r6's left) = 2/6; B 0/2
        assertThat(a.figure("paperRetired")).isEqualTo(new Figure(2, 6L));
        assertThat(whole.figure("paperRetired")).isEqualTo(new Figure(2, 8L));
        // shelved: in custody r1, r2, r3, r5, v1 (r4 disposed), boxed r1, r2 = 2/5; B 0/2
        assertThat(a.figure("shelved")).isEqualTo(new Figure(2, 5L));
        assertThat(whole.figure("shelved")).isEqualTo(new Figure(2, 7L));
        // scanned: examination reports of r1 (archived) and r2 (in review) = 1/2; r3's SMD material is
        // counted apart, and shown only to readers who may see restricted documents
        assertThat(a.figure("scanned")).isEqualTo(new Figure(1, 2L));
        assertThat(a.figure("scanned.AUX_EXAM_REPORT")).isEqualTo(new Figure(1, 2L));
        assertThat(a.figures()).doesNotContainKey("scanned.SEVERE_MENTAL_DISORDER");
        assertThat(stored(latestSnapshot(), county.a().getId(), "scanned.SEVERE_MENTAL_DISORDER"))
                .isEqualTo(new Figure(1, 1L));
        users.create(
                county.user("restricted-supervisor"),
                Fixtures.PASSWORD,
                "县精防主管",
                Role.SUPERVISOR,
                county.county().getId(),
                Set.of(Permission.RESTRICTED_DOCUMENTS));
        asUser.login(county.user("restricted-supervisor"));
        assertThat(snapshots.of(county.a().getCode()).figure("scanned.SEVERE_MENTAL_DISORDER"))
                .isEqualTo(new Figure(1, 1L));
        asUser.login(county.user("county-supervisor"));
        assertThat(b.rate(Indicator.SCANNED)).isNull();
        // counts: one scan awaiting review (the village's restricted one apart), one check-out overdue
        assertThat(a.figure("reviewBacklog")).isEqualTo(new Figure(1, null));
        assertThat(village.figures()).doesNotContainKeys("reviewBacklog", "reviewBacklog.SEVERE_MENTAL_DISORDER");
        assertThat(stored(latestSnapshot(), county.village().getId(), "reviewBacklog.SEVERE_MENTAL_DISORDER"))
                .isEqualTo(new Figure(1, null));
        assertThat(whole.figure("overdueCheckouts")).isEqualTo(new Figure(1, null));
        assertThat(a.headline())
                .containsEntry("recordRate", 0.3)
                .containsEntry("dynamicUseRate", 0.5)
                .containsEntry("standardisedRate", 0.8);
    }

    @Test
    void a_snapshot_keeps_its_figures_when_the_records_change_afterwards() {
        asUser.login(county.user("county-supervisor"));
        IndicatorComputation.Snapshot first = computation.computeNow();
        Figure before = snapshots.of(county.b().getCode()).figure("dynamicUseRate");
        assertThat(before).isEqualTo(new Figure(0, 1L));

        jdbc.update(
                "update health_record set last_service_date = :day where id = :id",
                new MapSqlParameterSource("day", day).addValue("id", b1.getId()));
        assertThat(stored(first.id(), county.b().getId(), "dynamicUseRate")).isEqualTo(before);
        assertThat(snapshots.of(county.b().getCode()).figure("dynamicUseRate")).isEqualTo(before);

        IndicatorComputation.Snapshot second = computation.computeNow();
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(snapshots.of(county.b().getCode()).figure("dynamicUseRate")).isEqualTo(new Figure(1, 1L));
        assertThat(stored(first.id(), county.b().getId(), "dynamicUseRate")).isEqualTo(before);
    }

    @Test
    void a_township_head_reads_only_their_own_township_and_may_not_compute_or_enter_populations() {
        asUser.login(county.user("county-supervisor"));
        computation.computeNow();
        asUser.login(county.user("head-a"));
        assertThat(snapshots.of(county.a().getCode()).figure("records").numerator())
                .isEqualTo(6);
        assertThat(snapshots.of(null).code()).isEqualTo(county.a().getCode());
        for (String elsewhere :
                new String[] {county.b().getCode(), county.county().getCode(), "999999"}) {
            assertThatThrownBy(() -> snapshots.of(elsewhere))
                    .isInstanceOfSatisfying(
                            Refused.class, e -> assertThat(e.kind()).isEqualTo(Refused.Kind.NOT_FOUND));
        }
        assertThat(snapshots.level(county.a().getCode()))
                .extracting(IndicatorSnapshots.Row::code)
                .containsExactly(county.a().getCode(), county.village().getCode());
        assertThatThrownBy(() -> computation.computeNow())
                .isInstanceOfSatisfying(
                        Refused.class, e -> assertThat(e.key()).isEqualTo("indicators.computeCountyOnly"));
        assertThatThrownBy(() -> populations.enter(county.a().getCode(), day.getYear(), 5))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("population.countyOnly"));

        asUser.login(county.user("archivist-a"));
        assertThatThrownBy(() -> snapshots.of(county.a().getCode()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo(Refused.Kind.FORBIDDEN));
    }

    @Test
    void a_population_out_of_range_or_outside_the_scope_is_refused_by_name() {
        asUser.login(county.user("county-supervisor"));
        assertThatThrownBy(() -> populations.enter(county.a().getCode(), day.getYear(), 0))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("population.range"));
        assertThatThrownBy(() -> populations.enter(county.a().getCode(), 1900, 100))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("population.year"));
        Fixtures.County other = fixtures.county();
        assertThatThrownBy(() -> populations.enter(other.a().getCode(), day.getYear(), 100))
                .isInstanceOfSatisfying(
                        Refused.class, e -> assertThat(e.key()).isEqualTo("indicators.institution.missing"));
        populations.enter(county.a().getCode(), day.getYear(), 100);
        populations.enter(county.a().getCode(), day.getYear(), 120); // a correction replaces the figure
        assertThat(populations.list())
                .containsExactly(
                        new Populations.Entry(county.a().getCode(), county.a().getName(), day.getYear(), 120));
    }

    @Test
    void custody_counts_each_rooms_latest_stocktake_and_a_county_shows_its_oldest_last_one() {
        long roomA = room(county.a());
        long roomB = room(county.b());
        // A's room counted twice: the earlier count (2 of 3 missing) is replaced by the later one,
        // where 1 of the 3 boxes placed there is missing; a misplaced and an unknown box do not count
        stocktake(roomA, county.a(), day.minusDays(40), "FOUND", "MISSING", "MISSING");
        stocktake(roomA, county.a(), day.minusDays(3), "FOUND", "FOUND", "MISSING", "MISPLACED", "UNEXPECTED");
        stocktake(roomB, county.b(), day.minusDays(20), "FOUND");
        asUser.login(county.user("county-supervisor"));
        computation.computeNow();

        IndicatorSnapshots.Row a = snapshots.of(county.a().getCode());
        IndicatorSnapshots.Row b = snapshots.of(county.b().getCode());
        IndicatorSnapshots.Row whole = snapshots.of(county.county().getCode());
        assertThat(a.figure("stocktakeMissing")).isEqualTo(new Figure(1, 3L));
        assertThat(a.lastStocktake()).isEqualTo(day.minusDays(3));
        assertThat(b.figure("stocktakeMissing")).isEqualTo(new Figure(0, 1L));
        assertThat(b.lastStocktake()).isEqualTo(day.minusDays(20));
        // the county is as well counted as its least recently counted township
        assertThat(whole.figure("stocktakeMissing")).isEqualTo(new Figure(1, 4L));
        assertThat(whole.lastStocktake()).isEqualTo(day.minusDays(20));
        assertThat(snapshots.of(county.village().getCode()).lastStocktake()).isNull();
    }

    @Test
    void a_population_below_the_records_is_flagged_for_checking_and_one_entered_by_mistake_is_taken_back() {
        asUser.login(county.user("county-supervisor"));
        computation.computeNow();
        // A manages 6 records: 5 people would make a rate above 100 %, which the preview says first
        Populations.Preview preview = populations.preview(county.a().getCode(), day.getYear(), 5);
        assertThat(preview.records()).isEqualTo(6);
        assertThat(preview.belowRecords()).isTrue();
        assertThat(preview.replaces()).isNull();
        populations.enter(county.a().getCode(), day.getYear(), 5);
        assertThat(populations.preview(county.a().getCode(), day.getYear(), 50).replaces())
                .isEqualTo(5);
        computation.computeNow();
        IndicatorSnapshots.Row a = snapshots.of(county.a().getCode());
        assertThat(a.figure("recordRate")).isEqualTo(new Figure(6, 5L));
        assertThat(snapshots.ratings().of(a, "recordRate")).isEqualTo(Rating.CHECK);

        Populations.Entry removed = populations.remove(county.a().getCode(), day.getYear());
        assertThat(removed.population()).isEqualTo(5);
        assertThat(populations.list()).isEmpty();
        assertThatThrownBy(() -> populations.remove(county.a().getCode(), day.getYear()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("population.missing"));
        computation.computeNow();
        assertThat(snapshots.of(county.a().getCode()).rate(Indicator.RECORD_RATE))
                .isNull();

        asUser.login(county.user("head-a"));
        assertThatThrownBy(() -> populations.remove(county.a().getCode(), day.getYear()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("population.countyOnly"));
    }

    private long room(Institution township) {
        return jdbc.queryForObject(
                "select min(id) from storage_location where institution_id = :i and type = 'ROOM'",
                Map.of("i", township.getId()),
                Long.class);
    }

    private void stocktake(long room, Institution township, LocalDate on, String... outcomes) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                """
                insert into stocktake (location_id, institution_id, taken_by, taken_at)
                values (:room, :institution, 'test', :at)""",
                new MapSqlParameterSource("room", room)
                        .addValue("institution", township.getId())
                        .addValue(
                                "at",
                                Timestamp.from(
                                        on.atTime(10, 0).atZone(ChinaTime.ZONE).toInstant())),
                key,
                new String[] {"id"});
        long id = key.getKey().longValue();
        for (int i = 0; i < outcomes.length; i++) {
            jdbc.update(
                    "insert into stocktake_item (stocktake_id, barcode, outcome) values (:id, :barcode, :outcome)",
                    new MapSqlParameterSource("id", id)
                            .addValue("barcode", "T" + id + "-" + i)
                            .addValue("outcome", outcomes[i]));
        }
    }

    private long latestSnapshot() {
        return jdbc.queryForObject("select max(id) from indicator_snapshot", Map.of(), Long.class);
    }

    private Figure stored(long snapshot, long institution, String figure) {
        return jdbc.queryForObject(
                """
                select numerator, denominator from indicator_value
                where snapshot_id = :s and institution_id = :i and figure = :f""",
                new MapSqlParameterSource("s", snapshot)
                        .addValue("i", institution)
                        .addValue("f", figure),
                (rs, n) -> new Figure(rs.getLong(1), (Long) rs.getObject(2, Long.class)));
    }

    private HealthRecord record(Institution where, int serial, String status, LocalDate served, String tags) {
        HealthRecord r = fixtures.record(where, serial);
        jdbc.update(
                """
                update health_record set status = :status, last_service_date = :served, key_populations = :tags
                where id = :id""",
                new MapSqlParameterSource("status", status)
                        .addValue("served", served)
                        .addValue("tags", tags)
                        .addValue("id", r.getId()));
        return r;
    }

    private long fileOf(HealthRecord r) {
        return jdbc.queryForObject(
                "select id from paper_file where record_id = :r", Map.of("r", r.getId()), Long.class);
    }

    private void paper(HealthRecord r, String state, Long box) {
        jdbc.update(
                "update paper_file set state = :state, box_id = :box where record_id = :r",
                new MapSqlParameterSource("state", state).addValue("box", box).addValue("r", r.getId()));
    }

    private void content(HealthRecord r, String type) {
        jdbc.update(
                "insert into paper_file_content (paper_file_id, document_type, pages) values (:f, :type, 2)",
                new MapSqlParameterSource("f", fileOf(r)).addValue("type", type));
    }

    private void scan(HealthRecord r, String type, String state) {
        jdbc.update(
                """
                insert into scanned_document (record_id, record_number, institution_id, document_type, restricted,
                    original_name, original_sha256, original_size, state, page_count, languages, created_by, created_at)
                values (:r, :number, :institution, :type, :restricted, 'scan.pdf', :sha, 1, :state, 1, 'chi_sim', 'test', :at)""",
                new MapSqlParameterSource("r", r.getId())
                        .addValue("number", r.getRecordNumber())
                        .addValue("institution", r.getInstitutionId())
                        .addValue("type", type)
                        .addValue("restricted", type.equals("SEVERE_MENTAL_DISORDER"))
                        .addValue("sha", "0".repeat(64))
                        .addValue("state", state)
                        .addValue("at", Timestamp.from(Instant.now())));
    }

    private long campaign(long institution) {
        jdbc.update(
                """
                insert into verification_campaign (created_at, created_by, deadline, sample_rate, seed, state, county_id)
                values (:at, 'test', :deadline, 0.05, 1, 'RUNNING', :county)""",
                new MapSqlParameterSource("at", Timestamp.from(Instant.now()))
                        .addValue("deadline", day.plusDays(30))
                        .addValue("county", county.county().getId()));
        long id = jdbc.queryForObject(
                "select max(id) from verification_campaign where county_id = :county",
                Map.of("county", county.county().getId()),
                Long.class);
        jdbc.update(
                "insert into campaign_institution (campaign_id, institution_id) values (:c, :i)",
                Map.of("c", id, "i", institution));
        return id;
    }

    private void finding(long campaign, HealthRecord r, String rule, String severity, String status) {
        jdbc.update(
                """
                insert into finding (campaign_id, record_id, record_number, rule, severity, status)
                values (:c, :r, :number, :rule, :severity, :status)""",
                new MapSqlParameterSource("c", campaign)
                        .addValue("r", r.getId())
                        .addValue("number", r.getRecordNumber())
                        .addValue("rule", rule)
                        .addValue("severity", severity)
                        .addValue("status", status));
    }

    /** A paper check finding the register's page count plus {@code pagesOff}. */
    private void check(long campaign, HealthRecord r, int pagesOff, boolean signatures, boolean content) {
        jdbc.update(
                """
                insert into paper_consistency (campaign_id, paper_file_id, pages_found, signatures_present,
                    content_agrees, recorded_by, recorded_at)
                select :c, f.id, f.page_count + :off, :sig, :content, 'test', :at from paper_file f where f.id = :f""",
                new MapSqlParameterSource("c", campaign)
                        .addValue("f", fileOf(r))
                        .addValue("off", pagesOff)
                        .addValue("sig", signatures)
                        .addValue("content", content)
                        .addValue("at", Timestamp.from(Instant.now())));
    }

    private void checkout(long institution, String state, LocalDate due) {
        jdbc.update(
                """
                insert into paper_checkout (institution_id, requested_by, purpose, due_on, state, requested_at)
                values (:i, 'test', '测试', :due, :state, :at)""",
                new MapSqlParameterSource("i", institution)
                        .addValue("due", due)
                        .addValue("state", state)
                        .addValue("at", Timestamp.from(Instant.now())));
    }
}
