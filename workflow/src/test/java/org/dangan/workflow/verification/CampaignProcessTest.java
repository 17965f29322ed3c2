package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordCorrection;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.registry.StoredPaperFile;
import org.dangan.workflow.registry.StoredRecord;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.PrintedSheets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign process on the real engine, with its real delegates, over every path: pass; sample
 * failed, rework, pass; city return; deadline escalation; a crash in the middle of the rule checks;
 * a sign-off that cannot find a shelf. Jobs are run by the test (the job executor is off in tests),
 * one at a time, as the executor would.
 */
@DanganTest
@Tag("slow") // walks whole campaigns through the engine, over many batches: minutes
class CampaignProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignReports reports;

    @Autowired
    SampleChecks samples;

    @Autowired
    CheckerSignOffs signOffs;

    @Autowired
    Findings findings;

    @Autowired
    PaperChecks paperChecks;

    @Autowired
    RecordBatches batches;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AsUser asUser;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    Fixtures.County county;
    HealthRecord childTaggedElderly;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        county = fixtures.county();
        for (int serial = 1; serial <= 40; serial++) {
            fixtures.record(county.a(), serial);
        }
        for (int serial = 101; serial <= 135; serial++) { // other serials, other ID numbers: no duplicates
            fixtures.record(county.b(), serial);
        }
        LocalDate child = LocalDate.now(ChinaTime.ZONE).minusYears(4);
        childTaggedElderly = registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "00299999"),
                        "小明",
                        Gender.MALE,
                        child,
                        Fixtures.idNumber(county.county().getCode(), child, Gender.MALE, 7),
                        county.a().getId())
                .tagged(Set.of(KeyPopulation.ELDERLY))
                .servedOn(LocalDate.now(ChinaTime.ZONE)));
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
        BpmnAwareTests.reset();
    }

    // ---- the paths ----

    @Test
    void a_campaign_that_passes_every_check_retires_the_verified_paper_into_boxes() throws Exception {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = process(campaign);

        runJobs(process);
        BpmnAwareTests.assertThat(process).hasPassed("checkBatch").isWaitingAt("selfCheck");
        assertThat(campaigns.load(campaign.getId()).getRecordsChecked()).isEqualTo(76);
        // each township's archivists see their own self-check, and only theirs
        assertThat(tasks.createTaskQuery()
                        .taskCandidateUser(county.user("archivist-a"))
                        .list())
                .extracting(Task::getTaskDefinitionKey)
                .containsExactly("selfCheck");
        assertThat(tasks.createTaskQuery()
                        .taskCandidateGroup("archivist-" + county.a().getCode())
                        .count())
                .isOne();

        passInstitution(process, county.a(), "archivist-a", "head-a", 0);
        passInstitution(process, county.b(), "archivist-b", "head-b", 0);
        BpmnAwareTests.assertThat(process).isWaitingAt("cityAcceptance");
        assertThat(campaigns.load(campaign.getId()).getState()).isEqualTo(CampaignState.CITY_ACCEPTANCE);

        complete(process, "cityAcceptance", null, "city-supervisor", Map.of("accepted", true));
        complete(process, "checkerSignOff", null, "county-checker", Map.of());
        runJobs(process);

        BpmnAwareTests.assertThat(process)
                .hasPassed("signOffBatch", "closeCampaign")
                .isEnded();
        Campaign done = campaigns.load(campaign.getId());
        assertThat(done.getState()).isEqualTo(CampaignState.COMPLETED);
        assertThat(done.getSignedOffBy()).isEqualTo(county.user("county-checker"));
        // 75 clean records signed off; the child tagged elderly has an open blocking finding and keeps its paper
        assertThat(signOffs.signedOff(campaign.getId())).isEqualTo(75);
        assertThat(jdbc.queryForList(
                        "select distinct state from paper_file f join health_record r on r.id = f.record_id"
                                + " where r.record_number like ? and r.id <> ?",
                        String.class,
                        county.prefix().substring(1, 7) + "%",
                        childTaggedElderly.getId()))
                .containsExactly("RETIRED_PAPER");
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file where record_id = ? and state = 'RETIRED_PAPER'",
                        Long.class,
                        childTaggedElderly.getId()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file f join checker_sign_off s on s.paper_file_id = f.id"
                                + " where s.campaign_id = ? and (f.box_id is null or f.box_id <> s.box_id)",
                        Long.class,
                        campaign.getId()))
                .isZero();
        // the signature's hash is the documented hash of the record's content
        Map<String, Object> signed = jdbc.queryForMap(
                "select paper_file_id, record_id, content_sha256 from checker_sign_off"
                        + " where campaign_id = ? order by paper_file_id fetch first 1 rows only",
                campaign.getId());
        long recordId = ((Number) signed.get("record_id")).longValue();
        StoredPaperFile file = batches.paperFilesAfter(
                        Set.of(county.a().getId(), county.b().getId()),
                        ((Number) signed.get("paper_file_id")).longValue() - 1,
                        1)
                .get(0);
        assertThat(signed.get("content_sha256"))
                .isEqualTo(signOffs.contentHash(batches.byIds(List.of(recordId)).get(recordId), file));

        // a box's sign-off sheet lists its files, names and page counts with signature lines
        asUser.login(county.user("county-checker"));
        CheckerSignOffs.BoxSheet box = signOffs.boxes(campaign.getId()).get(0);
        String sheet = text(signOffs.sheet(campaign.getId(), box.boxId()));
        assertThat(sheet)
                .contains("核查签字表", box.barcode(), county.a().getCode() + "00100001", "测试1", "核对人员 Checker: 县核查员");
        CampaignReports.CampaignProgress report = reports.progress(campaign.getId());
        assertThat(report.state()).isEqualTo(CampaignState.COMPLETED);
        assertThat(report.records()).isEqualTo(76);
        assertThat(report.flagged()).isEqualTo(1);
        assertThat(report.open()).isEqualTo(1);
        assertThat(report.sampleSize()).isEqualTo(60); // 5% rounds up to 3 and 2: the minimum of 30 each
        assertThat(report.institutions())
                .extracting(CampaignReports.InstitutionProgress::state)
                .containsOnly(InstitutionCheckState.PASSED);
        assertThat(text(reports.pdf(campaign.getId())))
                .contains("Verification campaign report", "甲镇卫生院", "76", "已通过 / 第 1 轮", "状态 State: 已完成");
    }

    @Test
    void the_sign_off_sheet_prints_no_fingerprint_that_guessing_the_record_reproduces() throws Exception {
        Campaign campaign = runToCompletion();
        String number = county.a().getCode() + "00100001";
        Map<String, Object> signed = jdbc.queryForMap(
                "select s.paper_file_id, s.record_id, s.box_id, s.content_sha256"
                        + " from checker_sign_off s join health_record r on r.id = s.record_id"
                        + " where s.campaign_id = ? and r.record_number = ?",
                campaign.getId(),
                number);
        long recordId = ((Number) signed.get("record_id")).longValue();
        StoredRecord record = batches.byIds(List.of(recordId)).get(recordId);
        StoredPaperFile file = batches.paperFilesAfter(
                        Set.of(county.a().getId()), ((Number) signed.get("paper_file_id")).longValue() - 1, 1)
                .get(0);

        asUser.login(county.user("county-supervisor"));
        String sheet = text(signOffs.sheet(campaign.getId(), ((Number) signed.get("box_id")).longValue()))
                .replaceAll("\\s", "");

        // the tester's guess: the record page's fields, the tag or not, hashed as documented, no secret
        assertThat(sheet)
                .contains(number)
                .doesNotContain(
                        unkeyedHash(record, file, record.keyPopulations()).substring(0, 16))
                .doesNotContain(unkeyedHash(record, file, Set.of(KeyPopulation.SEVERE_MENTAL_DISORDER))
                        .substring(0, 16))
                .contains(signOffs.contentHash(record, file).substring(0, 16));
        assertThat(signed.get("content_sha256").toString().strip()).isEqualTo(signOffs.contentHash(record, file));
    }

    @Test
    void a_completed_campaign_takes_no_waiver_recheck_or_paper_check() {
        Campaign campaign = runToCompletion();
        Findings.Counts before = findings.counts(campaign.getId());
        long openFinding = jdbc.queryForObject(
                "select min(id) from finding where campaign_id = ? and status = 'OPEN'", Long.class, campaign.getId());
        String fileNumber = jdbc.queryForObject(
                "select min(f.file_number) from paper_file f"
                        + " join health_record r on r.id = f.record_id where r.institution_id = ?",
                String.class,
                county.a().getId());

        asUser.login(county.user("head-a"));
        assertThatThrownBy(() -> findings.waiveAll(
                        campaign.getId(), List.of(openFinding), new Waiver(WaiverReason.DATA_CONFIRMED, null)))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refused.Kind.CONFLICT);
                    assertThat(r.key()).isEqualTo("campaign.selfCheckClosed");
                });
        assertThatThrownBy(() -> findings.recheck(campaign.getId(), childTaggedElderly.getRecordNumber()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("campaign.selfCheckClosed"));
        assertThatThrownBy(() -> paperChecks.record(
                        campaign.getId(), fileNumber, new PaperChecks.PaperCheck(1, false, false, "改")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("campaign.selfCheckClosed"));

        assertThat(findings.counts(campaign.getId())).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_consistency where campaign_id = ?", Long.class, campaign.getId()))
                .isZero();
    }

    @Test
    void a_city_sent_with_a_self_check_is_refused_and_the_city_acceptance_goes_to_the_real_city() {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = process(campaign);
        runJobs(process);
        String township = county.a().getCode();

        assertThatThrownBy(() -> complete(process, "selfCheck", county.b(), "archivist-b", Map.of("city", township)))
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.variableUnknown"));
        assertThat(runtime.getVariable(process.getId(), "city")).isNotEqualTo(township);
        // even a variable rewritten behind the process's back (an administrator) does not route the acceptance
        runtime.setVariable(process.getId(), "city", township);
        passInstitution(process, county.a(), "archivist-a", "head-a", 0);
        passInstitution(process, county.b(), "archivist-b", "head-b", 0);

        Task acceptance = taskFor(process, "cityAcceptance", null);
        assertThat(tasks.getIdentityLinksForTask(acceptance.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("supervisor-" + county.county().getCode().substring(0, 4) + "00");
        assertThat(tasks.createTaskQuery()
                        .taskId(acceptance.getId())
                        .taskCandidateUser(county.user("head-a"))
                        .count())
                .isZero();
    }

    @Test
    void a_sample_above_the_error_rate_sends_the_institution_back_until_a_new_sample_passes() {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = process(campaign);
        runJobs(process);

        passInstitution(process, county.b(), "archivist-b", "head-b", 0);
        // 2 of 30 failed: 6.67% is above 5%
        passInstitution(process, county.a(), "archivist-a", "head-a", 2);
        CampaignInstitution a =
                campaigns.load(campaign.getId()).institution(county.a().getId());
        assertThat(a.getState()).isEqualTo(InstitutionCheckState.SELF_CHECK);
        assertThat(a.getRound()).isEqualTo(2);
        assertThat(a.getReworkReason()).contains("0.0667", "签字缺失");
        // the sample's answer stayed in a's branch: b's earlier "not sent back" did not answer for a, nor leaks out
        assertThat(runtime.getVariable(process.getId(), "sentBack")).isNull();
        assertThat(taskFor(process, "selfCheck", county.a())).isNotNull();
        BpmnAwareTests.assertThat(process).isWaitingAt("selfCheck").isNotWaitingAt("cityAcceptance");

        // round 2: a fresh sample, 1 failure of 30 (3.3%) passes
        passInstitution(process, county.a(), "archivist-a", "head-a", 1);
        assertThat(jdbc.queryForObject(
                        "select count(distinct check_round) from sample_item where campaign_id = ?"
                                + " and institution_id = ?",
                        Integer.class,
                        campaign.getId(),
                        county.a().getId()))
                .isEqualTo(2);
        BpmnAwareTests.assertThat(process).isWaitingAt("cityAcceptance");
        asUser.login(county.user("county-supervisor"));
        assertThat(reports.progress(campaign.getId()).institutions())
                .filteredOn(i -> i.code().equals(county.a().getCode()))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.round()).isEqualTo(2);
                    assertThat(i.sampleErrorRate()).isEqualByComparingTo("0.0333");
                });
    }

    @Test
    void the_city_returns_the_campaign_with_a_reason_and_every_institution_checks_itself_again() {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = process(campaign);
        runJobs(process);
        passInstitution(process, county.a(), "archivist-a", "head-a", 0);
        passInstitution(process, county.b(), "archivist-b", "head-b", 0);

        assertThatThrownBy(
                        () -> complete(process, "cityAcceptance", null, "city-supervisor", Map.of("accepted", false)))
                .hasMessageContaining("campaign.returnReasonRequired");
        complete(process, "cityAcceptance", null, "city-supervisor", Map.of("accepted", false, "reason", "纸网一致性记录不全"));

        Campaign returned = campaigns.load(campaign.getId());
        assertThat(returned.getState()).isEqualTo(CampaignState.INSTITUTION_CHECKS);
        assertThat(returned.getReturnedReason()).isEqualTo("纸网一致性记录不全");
        assertThat(returned.getInstitutions()).allSatisfy(i -> {
            assertThat(i.getState()).isEqualTo(InstitutionCheckState.SELF_CHECK);
            assertThat(i.getRound()).isEqualTo(2);
            assertThat(i.getReworkReason()).contains("市级验收退回", "纸网一致性记录不全");
        });
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process.getId())
                        .taskDefinitionKey("selfCheck")
                        .count())
                .isEqualTo(2);

        passInstitution(process, county.a(), "archivist-a", "head-a", 0);
        passInstitution(process, county.b(), "archivist-b", "head-b", 0);
        complete(process, "cityAcceptance", null, "city-supervisor", Map.of("accepted", true));
        BpmnAwareTests.assertThat(process).isWaitingAt("checkerSignOff");
    }

    @Test
    void the_deadline_escalates_to_the_county_supervisor_once_and_the_work_goes_on() {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE));
        ProcessInstance process = process(campaign);
        runJobs(process);

        Job timer = management
                .createJobQuery()
                .processInstanceId(process.getId())
                .timers()
                .singleResult();
        assertThat(timer.getDuedate())
                .isEqualTo(Date.from(LocalDate.now(ChinaTime.ZONE)
                        .plusDays(1)
                        .atStartOfDay(ChinaTime.ZONE)
                        .toInstant()));
        management.executeJob(timer.getId());

        Task followUp = taskFor(process, "followUpDeadline", null);
        assertThat(tasks.getIdentityLinksForTask(followUp.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId())
                        .isEqualTo("supervisor-" + county.county().getCode()));
        assertThat(campaigns.load(campaign.getId()).isOverdue()).isTrue();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process.getId())
                        .timers()
                        .count())
                .isZero();
        complete(process, "followUpDeadline", null, "county-supervisor", Map.of());
        BpmnAwareTests.assertThat(process).isWaitingAt("selfCheck");
    }

    @Test
    void a_crash_in_the_middle_of_the_rule_checks_loses_no_finding_and_checks_no_record_twice() {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = process(campaign);
        // batch 1 of 4 commits
        management.executeJob(nextJob(process).getId());
        assertThat(campaigns.load(campaign.getId()).getRecordsChecked()).isEqualTo(25);
        // batch 2 runs, and the machine dies before its transaction commits
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            management.executeJob(nextJob(process).getId());
            assertThat(jdbc.queryForObject(
                            "select records_checked from verification_campaign where id = ?",
                            Long.class,
                            campaign.getId()))
                    .isEqualTo(50);
            status.setRollbackOnly();
        });
        assertThat(campaigns.load(campaign.getId()).getRecordsChecked()).isEqualTo(25);

        runJobs(process);

        Campaign done = campaigns.load(campaign.getId());
        assertThat(done.getRecordsChecked()).isEqualTo(76);
        assertThat(jdbc.queryForList(
                        "select record_number || ' ' || rule from finding where campaign_id = ?",
                        String.class,
                        campaign.getId()))
                .containsExactly(childTaggedElderly.getRecordNumber() + " ELDERLY_TAG_AGE");
        BpmnAwareTests.assertThat(process).isWaitingAt("selfCheck");
        // the batch that died took its counts back with it: the dashboard's figures count it once
        assertKeptFiguresAreCounted(campaign);
        assertThat(reports.current(done).get(county.a().getId())).containsExactly(41, 1, 1, 0, 0, 41, 0);
    }

    @Test
    void the_dashboard_figures_kept_through_every_step_equal_a_count_of_the_records_and_findings() {
        // more to find: stale records in A and in its village clinic, and two duplicates across the county
        List<Long> stale = new ArrayList<>();
        for (int serial = 41; serial <= 45; serial++) {
            stale.add(fixtures.record(county.a(), serial).getId());
        }
        stale.add(fixtures.record(county.village(), 200).getId());
        stale.add(fixtures.record(county.village(), 201).getId());
        jdbc.update(
                "update health_record set last_service_date = ? where id in (" + "?,".repeat(stale.size() - 1) + "?)",
                concat(LocalDate.now(ChinaTime.ZONE).minusYears(3), stale));
        HealthRecord twinInB = fixtures.record(county.b(), 5); // A's serial 5: the same ID number
        fixtures.record(county.village(), 7); // A's serial 7
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = process(campaign);

        // the rule checks, one job at a time, then the duplicate pass
        for (List<Job> jobs = executable(process); !jobs.isEmpty(); jobs = executable(process)) {
            management.executeJob(jobs.get(0).getId());
            assertKeptFiguresAreCounted(campaign);
        }
        BpmnAwareTests.assertThat(process).isWaitingAt("selfCheck");
        Map<Long, long[]> checked = reports.current(campaigns.load(campaign.getId()));
        assertThat(checked.get(county.a().getId())[1]).as("A's flagged records").isEqualTo(11);

        // the self-check: a waiver, a correction that fixes, and a record found to live in B
        asUser.login(county.user("archivist-a"));
        try {
            List<Findings.FindingView> open = findings.of(campaign.getId(), FindingStatus.OPEN, 0, 100);
            findings.waive(
                    open.stream()
                            .filter(f -> f.rule() == Rule.STALE)
                            .findFirst()
                            .orElseThrow()
                            .id(),
                    new Waiver(WaiverReason.LONG_TERM_AWAY, "外出务工，已电话随访"));
            String staleNumber = open.stream()
                    .filter(f -> f.rule() == Rule.STALE && f.status() == FindingStatus.OPEN)
                    .map(Findings.FindingView::recordNumber)
                    .skip(1)
                    .findFirst()
                    .orElseThrow();
            assertThat(findings.correct(
                            campaign.getId(), staleNumber, RecordCorrection.lastServed(LocalDate.now(ChinaTime.ZONE))))
                    .isOne();
        } finally {
            AsUser.logout();
        }
        assertKeptFiguresAreCounted(campaign);
        asUser.login(county.user("county-supervisor"));
        try {
            // a flagged record of A's clinic moves to B, and B's twin of an A record moves to A
            registry.transferRecord(stale.get(stale.size() - 1), county.b().getId(), "迁居");
            registry.transferRecord(twinInB.getId(), county.a().getId(), "迁居");
        } finally {
            AsUser.logout();
        }
        // a record added after the checks counts as a record, not as checked
        fixtures.record(county.a(), 60);
        assertKeptFiguresAreCounted(campaign);

        // B passes; A's sample fails and A works its self-check again
        passInstitution(process, county.b(), "archivist-b", "head-b", 0);
        passInstitution(process, county.a(), "archivist-a", "head-a", 2);
        assertThat(campaigns
                        .load(campaign.getId())
                        .institution(county.a().getId())
                        .getRound())
                .isEqualTo(2);
        assertKeptFiguresAreCounted(campaign);
        asUser.login(county.user("archivist-a"));
        try {
            List<Findings.FindingView> open = findings.of(campaign.getId(), FindingStatus.OPEN, 0, 100);
            List<Long> two =
                    open.stream().limit(2).map(Findings.FindingView::id).toList();
            // a finding chosen twice is waived once and counted once (the "A waived" figure below)
            findings.waiveAll(
                    campaign.getId(),
                    List.of(two.get(0), two.get(1), two.get(0)),
                    new Waiver(WaiverReason.DATA_CONFIRMED, "县级已核实"));
        } finally {
            AsUser.logout();
        }
        assertKeptFiguresAreCounted(campaign);
        passInstitution(process, county.a(), "archivist-a", "head-a", 0);
        BpmnAwareTests.assertThat(process).isWaitingAt("cityAcceptance");
        Campaign accepted = campaigns.load(campaign.getId());
        assertKeptFiguresAreCounted(campaign);
        long[] a = reports.current(accepted).get(county.a().getId());
        long[] b = reports.current(accepted).get(county.b().getId());
        // what the steps did shows in the figures, so the comparison above compared something
        assertThat(a[3]).as("A fixed").isEqualTo(1);
        assertThat(a[4]).as("A waived").isEqualTo(3);
        assertThat(b[1]).as("B flagged: the clinic record it received").isEqualTo(1);
        assertThat(a[0] - a[5]).as("A's records added after the checks").isEqualTo(1);

        complete(process, "cityAcceptance", null, "city-supervisor", Map.of("accepted", true));
        asUser.login(county.user("county-supervisor"));
        try {
            CampaignReports.CampaignProgress frozen = reports.progress(campaign.getId());
            assertThat(frozen.frozen()).isTrue();
            assertThat(frozen.institutions())
                    .extracting(CampaignReports.InstitutionProgress::open)
                    .containsExactly(a[2], b[2]);
        } finally {
            AsUser.logout();
        }
    }

    @Test
    void only_the_right_people_complete_a_step_and_the_sample_must_be_judged_in_full() {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = process(campaign);
        runJobs(process);

        assertThatThrownBy(() -> complete(process, "selfCheck", county.a(), "archivist-b", Map.of()))
                .hasMessageContaining("campaign.taskForbidden");
        complete(process, "selfCheck", county.a(), "archivist-a", Map.of());
        assertThatThrownBy(() -> complete(process, "headSignOff", county.a(), "county-supervisor", Map.of()))
                .hasMessageContaining("campaign.taskForbidden");
        complete(process, "headSignOff", county.a(), "head-a", Map.of());
        runJobs(process);
        assertThatThrownBy(() -> complete(process, "sampleCheck", county.a(), "county-checker", Map.of()))
                .hasMessageContaining("还有 30 份抽查档案未判定")
                .hasMessageContaining("[campaign.sampleUnjudged]");
        BpmnAwareTests.assertThat(process).isWaitingAt("sampleCheck");
    }

    @Test
    void a_sign_off_with_nowhere_to_put_the_paper_fails_its_job_with_the_reason_and_retries() {
        Institution township = county.b();
        jdbc.update("delete from storage_location where institution_id = ? and type = 'SHELF'", township.getId());
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = upToTheSignOffJob(campaign);

        List<String> failures = new ArrayList<>();
        for (int run = 0; run < 10 && failures.size() < 3; run++) {
            try {
                management.executeJob(signOffJob(process).getId());
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        Job job = signOffJob(process);
        assertThat(failures).hasSize(3).allSatisfy(m -> assertThat(m).contains("paperFile.noShelf"));
        assertThat(job.getRetries()).isEqualTo(2);
        assertThat(job.getExceptionMessage()).contains("paperFile.noShelf");
        // the batch before the failure stays committed (25 of A's files); the failing one wrote nothing
        assertThat(signOffs.signedOff(campaign.getId())).isEqualTo(25);
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file f join health_record r on r.id = f.record_id"
                                + " where r.institution_id = ? and f.state = 'RETIRED_PAPER'",
                        Long.class,
                        township.getId()))
                .isZero();
        assertThat(campaigns.load(campaign.getId()).getState()).isEqualTo(CampaignState.SIGN_OFF);
    }

    @Test
    void a_second_start_over_an_institution_in_an_open_campaign_is_refused_naming_it() {
        Campaign first = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        assertThatThrownBy(() -> start(LocalDate.now(ChinaTime.ZONE).plusMonths(1)))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.key()).isEqualTo("campaign.alreadyOpen");
                    assertThat(r.getMessage()).contains(first.getId().toString());
                });
        assertThat(jdbc.queryForObject(
                        "select count(*) from campaign_institution where institution_id = ?",
                        Long.class,
                        county.a().getId()))
                .isOne();
    }

    @Test
    void a_township_whose_village_clinic_is_in_an_open_campaign_is_refused_naming_the_clinic() {
        asUser.login(county.user("county-supervisor"));
        try {
            Campaign clinic = campaigns.start(new Campaigns.StartRequest(
                    List.of(county.village().getCode()),
                    LocalDate.now(ChinaTime.ZONE).plusMonths(1),
                    null,
                    7L));
            assertThatThrownBy(() -> campaigns.start(new Campaigns.StartRequest(
                            List.of(county.a().getCode()),
                            LocalDate.now(ChinaTime.ZONE).plusMonths(1),
                            null,
                            7L)))
                    .isInstanceOfSatisfying(Refused.class, r -> {
                        assertThat(r.key()).isEqualTo("campaign.alreadyOpen");
                        // the clinic that is in the campaign, not "the institutions chosen"
                        assertThat(r.arguments())
                                .containsExactly(
                                        clinic.getId().toString(),
                                        county.village().getName());
                    });
        } finally {
            AsUser.logout();
        }
    }

    @Test
    void a_village_clinic_alone_is_self_checked_and_signed_for_by_the_township_that_runs_it() {
        for (int serial = 300; serial < 310; serial++) {
            fixtures.record(county.village(), serial);
        }
        Campaign campaign;
        asUser.login(county.user("county-supervisor"));
        try {
            campaign = campaigns.start(new Campaigns.StartRequest(
                    List.of(county.village().getCode()),
                    LocalDate.now(ChinaTime.ZONE).plusMonths(1),
                    null,
                    7L));
        } finally {
            AsUser.logout();
        }
        ProcessInstance process = process(campaign);
        runJobs(process);
        BpmnAwareTests.assertThat(process).isWaitingAt("selfCheck");

        // the clinic has no account of its own: township A, which runs it, is offered its work, B is not
        assertThat(offeredTo(process, "archivist-a")).containsExactly("selfCheck");
        assertThat(offeredTo(process, "archivist-b")).isEmpty();
        assertThatThrownBy(() -> complete(process, "selfCheck", county.village(), "archivist-b", Map.of()))
                .hasMessageContaining("campaign.taskForbidden");
        // nor may the county, whose checkers judge the self-check, make it
        assertThatThrownBy(() -> complete(process, "selfCheck", county.village(), "county-checker", Map.of()))
                .hasMessageContaining("campaign.taskForbidden");
        complete(process, "selfCheck", county.village(), "archivist-a", Map.of());

        assertThat(offeredTo(process, "head-a")).containsExactly("headSignOff");
        assertThat(offeredTo(process, "head-b")).isEmpty();
        assertThatThrownBy(() -> complete(process, "headSignOff", county.village(), "head-b", Map.of()))
                .hasMessageContaining("campaign.taskForbidden");
        complete(process, "headSignOff", county.village(), "head-a", Map.of());
        runJobs(process);
        BpmnAwareTests.assertThat(process).isWaitingAt("sampleCheck");
    }

    private List<String> offeredTo(ProcessInstance process, String user) {
        return tasks
                .createTaskQuery()
                .processInstanceId(process.getId())
                .taskCandidateUser(county.user(user))
                .list()
                .stream()
                .map(Task::getTaskDefinitionKey)
                .toList();
    }

    @Test
    void two_starts_at_once_make_one_campaign_and_one_refusal() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(two.submit(() -> {
                    go.await();
                    try {
                        return start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
                    } catch (Refused refused) {
                        return refused;
                    }
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (var f : starts) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(Campaign.class::isInstance).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(Refused.class::isInstance)
                    .singleElement()
                    .satisfies(
                            r -> assertThat(((Refused) r).key()).isIn("campaign.alreadyOpen", "campaign.startedTwice"));
        } finally {
            two.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from campaign_institution where institution_id = ?",
                        Long.class,
                        county.a().getId()))
                .isOne();
    }

    @Test
    void the_head_returns_the_self_check_with_a_reason_and_the_archivists_work_it_again() {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = process(campaign);
        runJobs(process);
        complete(process, "selfCheck", county.a(), "archivist-a", Map.of());
        // the engine's completion guard carries the domain's refusal (key and arguments) as its message
        assertThatThrownBy(() -> complete(process, "headSignOff", county.a(), "head-a", Map.of("returned", true)))
                .hasMessageContaining("campaign.returnReasonRequired");
        complete(process, "headSignOff", county.a(), "head-a", Map.of("returned", true, "reason", "纸质档案未核完"));

        assertThat(taskFor(process, "selfCheck", county.a())).isNotNull();
        CampaignInstitution a =
                campaigns.load(campaign.getId()).institution(county.a().getId());
        assertThat(a.getState()).isEqualTo(InstitutionCheckState.SELF_CHECK);
        assertThat(a.getRound()).isOne();
        assertThat(a.getReworkReason()).isEqualTo("负责人退回：纸质档案未核完");
        assertThat(runtime.getVariable(process.getId(), "returnedByHead"))
                .as("the head's answer stays in a's branch")
                .isNull();
        // the second time the head signs, and the sample is drawn
        complete(process, "selfCheck", county.a(), "archivist-a", Map.of());
        complete(process, "headSignOff", county.a(), "head-a", Map.of("returned", false));
        runJobs(process);
        assertThat(taskFor(process, "sampleCheck", county.a())).isNotNull();
    }

    @Test
    void the_report_keeps_the_figures_the_city_accepted_and_the_sign_off_does_what_it_said() {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        ProcessInstance process = acceptedByCity(campaign);
        // one file went out on a check-out after the self-check (behind the ledger's back: put back at the
        // end, since the custody agreement check of other tests reads every file)
        String out = county.a().getCode() + "00100001-01";
        String was = jdbc.queryForObject("select state from paper_file where file_number = ?", String.class, out);
        jdbc.update("update paper_file set state = 'CHECKED_OUT' where file_number = ?", out);
        // another is under a legal hold: it must not change state, so it is not retired either
        String heldFile = county.a().getCode() + "00100002-01";
        jdbc.update(
                "insert into legal_hold (file_number, reason, placed_by, placed_at) values (?, ?, ?, ?)",
                heldFile,
                "诉讼证据",
                "county-supervisor",
                Timestamp.from(Instant.now()));
        String heldState =
                jdbc.queryForObject("select state from paper_file where file_number = ?", String.class, heldFile);
        assertThat(heldState).isNotEqualTo("RETIRED_PAPER");
        // two files were compared with their records in the self-check (agreeing); the other 71 retired were not
        for (String checked :
                List.of(county.a().getCode() + "00100003-01", county.a().getCode() + "00100004-01")) {
            jdbc.update("""
                    insert into paper_consistency (campaign_id, paper_file_id, pages_found, signatures_present,
                    content_agrees, recorded_by, recorded_at)
                    select ?, id, page_count, true, true, 'archivist-a', current_timestamp from paper_file
                    where file_number = ?""", campaign.getId(), checked);
        }

        asUser.login(county.user("county-checker"));
        CheckerSignOffs.Preview preview;
        CampaignReports.CampaignProgress accepted;
        try {
            preview = signOffs.preview(campaign.getId());
            accepted = reports.progress(campaign.getId());
        } finally {
            AsUser.logout();
        }
        // the file out on check-out is held back, and the preview says so
        assertThat(preview.retired()).isEqualTo(73);
        assertThat(preview.heldBack())
                .containsOnly(
                        Map.entry(CheckerSignOffs.HoldBack.CHECKED_OUT, 1L),
                        Map.entry(CheckerSignOffs.HoldBack.LEGAL_HOLD, 1L));
        // and it says how many of those retired had no paper check
        assertThat(preview.retiredWithoutPaperCheck()).isEqualTo(71);
        assertThat(accepted.frozen()).isTrue();
        complete(process, "checkerSignOff", null, "county-checker", Map.of());
        runJobs(process);
        assertThat(signOffs.signedOff(campaign.getId())).isEqualTo(preview.retired());
        assertThat(jdbc.queryForObject("""
                select count(*) from checker_sign_off s where s.campaign_id = ? and not exists (select 1 from
                paper_consistency c where c.campaign_id = s.campaign_id and c.paper_file_id = s.paper_file_id)""", Long.class, campaign.getId()))
                .isEqualTo(preview.retiredWithoutPaperCheck());
        assertThat(jdbc.queryForObject("select state from paper_file where file_number = ?", String.class, heldFile))
                .isEqualTo(heldState);

        // township B's records move to A after the campaign (a merger): the report does not change
        jdbc.update(
                "update health_record set institution_id = ? where institution_id = ?",
                county.a().getId(),
                county.b().getId());
        asUser.login(county.user("county-supervisor"));
        try {
            CampaignReports.CampaignProgress report = reports.progress(campaign.getId());
            assertThat(report.records()).isEqualTo(accepted.records());
            assertThat(report.signedOff()).isEqualTo(73);
            assertThat(report.institutions())
                    .extracting(CampaignReports.InstitutionProgress::records)
                    .containsExactlyElementsOf(accepted.institutions().stream()
                            .map(CampaignReports.InstitutionProgress::records)
                            .toList());
            assertThat(report.institutions())
                    .extracting(CampaignReports.InstitutionProgress::records)
                    .containsExactly(41L, 35L);
            // the closed campaign frees its institutions; a merged one is offered no more
            jdbc.update(
                    "update institution set status = 'MERGED' where id = ?",
                    county.b().getId());
            assertThat(campaigns.eligibleInstitutions())
                    .extracting(Institution::getId)
                    .contains(county.a().getId())
                    .doesNotContain(county.b().getId());
            assertThatThrownBy(() -> campaigns.start(new Campaigns.StartRequest(
                            List.of(county.b().getCode()),
                            LocalDate.now(ChinaTime.ZONE).plusMonths(1),
                            null,
                            7L)))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.key()).isEqualTo("campaign.institutionRetired"));
            assertThat(campaigns
                            .start(new Campaigns.StartRequest(
                                    List.of(county.a().getCode()),
                                    LocalDate.now(ChinaTime.ZONE).plusMonths(1),
                                    null,
                                    7L))
                            .getId())
                    .isNotEqualTo(campaign.getId());
        } finally {
            AsUser.logout();
        }
        jdbc.update("update paper_file set state = ? where file_number = ?", was, out);
    }

    // ---- helpers ----

    /** The figures the dashboard reads equal a count of the records and findings, institution by institution. */
    private void assertKeptFiguresAreCounted(Campaign started) {
        Campaign campaign = campaigns.load(started.getId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from campaign_tally where campaign_id = ?", Long.class, campaign.getId()))
                .as("kept rows")
                .isPositive();
        assertThat(asLists(reports.current(campaign))).isEqualTo(asLists(reports.recounted(campaign)));
    }

    private static Map<Long, List<Long>> asLists(Map<Long, long[]> figures) {
        Map<Long, List<Long>> lists = new java.util.HashMap<>();
        figures.forEach(
                (id, f) -> lists.put(id, java.util.Arrays.stream(f).boxed().toList()));
        return lists;
    }

    private static Object[] concat(Object first, List<Long> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }

    private Campaign start(LocalDate deadline) {
        asUser.login(county.user("county-supervisor"));
        try {
            return campaigns.start(new Campaigns.StartRequest(
                    List.of(county.a().getCode(), county.b().getCode()), deadline, null, 7L));
        } finally {
            AsUser.logout();
        }
    }

    /** Every check passed, the city accepted and the checker signed: the sign-off's job waits to run. */
    private ProcessInstance upToTheSignOffJob(Campaign campaign) {
        ProcessInstance process = acceptedByCity(campaign);
        complete(process, "checkerSignOff", null, "county-checker", Map.of());
        return process;
    }

    /** Both townships passed and the city accepted: the checker's sign-off is next. */
    private ProcessInstance acceptedByCity(Campaign campaign) {
        ProcessInstance process = process(campaign);
        runJobs(process);
        passInstitution(process, county.a(), "archivist-a", "head-a", 0);
        passInstitution(process, county.b(), "archivist-b", "head-b", 0);
        complete(process, "cityAcceptance", null, "city-supervisor", Map.of("accepted", true));
        return process;
    }

    private Campaign runToCompletion() {
        Campaign campaign = start(LocalDate.now(ChinaTime.ZONE).plusMonths(1));
        runJobs(upToTheSignOffJob(campaign));
        assertThat(campaigns.load(campaign.getId()).getState()).isEqualTo(CampaignState.COMPLETED);
        return campaign;
    }

    /** The content as the sign-off's documentation lists it, hashed with plain SHA-256 as anyone can. */
    private static String unkeyedHash(StoredRecord r, StoredPaperFile f, Set<KeyPopulation> tags) throws Exception {
        String content = String.join(
                "\n",
                "record_number=" + r.recordNumber(),
                "name=" + r.name(),
                "gender=" + r.gender(),
                "birth_date=" + r.birthDate(),
                "id_number=" + r.idNumber(),
                "key_populations=" + KeyPopulation.toColumn(tags),
                "status=" + r.status(),
                "last_service_date=" + r.lastServiceDate(),
                "file_number=" + f.fileNumber(),
                "page_count=" + f.pageCount(),
                "contents=" + f.contents());
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private ProcessInstance process(Campaign campaign) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(campaign.getProcessInstanceId())
                .singleResult();
    }

    /** Self-check, head's sign-off, the sample drawn and judged with {@code failures} FAILs, as the people would. */
    private void passInstitution(
            ProcessInstance process, Institution institution, String archivist, String head, int failures) {
        complete(process, "selfCheck", institution, archivist, Map.of());
        complete(process, "headSignOff", institution, head, Map.of());
        runJobs(process);
        long campaignId = ((Number) runtime.getVariable(process.getId(), "campaignId")).longValue();
        asUser.login(county.user("county-checker"));
        try {
            List<SampleChecks.SampleItem> items = samples.items(campaignId, institution.getId());
            for (int i = 0; i < items.size(); i++) {
                samples.judge(
                        campaignId,
                        items.get(i).recordNumber(),
                        i < failures ? SampleChecks.Verdict.FAIL : SampleChecks.Verdict.PASS,
                        i < failures ? "签字缺失" : null);
            }
        } finally {
            AsUser.logout();
        }
        complete(process, "sampleCheck", institution, "county-checker", Map.of());
        runJobs(process);
    }

    private void complete(
            ProcessInstance process, String key, Institution institution, String user, Map<String, Object> variables) {
        Task task = taskFor(process, key, institution);
        asUser.login(county.user(user));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            AsUser.logout();
        }
    }

    private Task taskFor(ProcessInstance process, String key, Institution institution) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key).list().stream()
                .filter(t -> institution == null
                        || institution.getCode().equals(runtime.getVariable(t.getExecutionId(), "institution")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open task " + key + " for " + institution));
    }

    private Job signOffJob(ProcessInstance process) {
        return management
                .createJobQuery()
                .processInstanceId(process.getId())
                .messages()
                .singleResult();
    }

    private Job nextJob(ProcessInstance process) {
        return management
                .createJobQuery()
                .processInstanceId(process.getId())
                .executable()
                .list()
                .get(0);
    }

    private void runJobs(ProcessInstance process) {
        for (List<Job> jobs = executable(process); !jobs.isEmpty(); jobs = executable(process)) {
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }

    private List<Job> executable(ProcessInstance process) {
        return management
                .createJobQuery()
                .processInstanceId(process.getId())
                .executable()
                .list();
    }

    /** The text of a printed sheet, which must be PDF/A-2b like every sheet. */
    private static String text(byte[] pdf) throws Exception {
        return PrintedSheets.archival(pdf);
    }
}
