package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dangan.workflow.bench.ImportBenchmark;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.ImportProgress;
import org.dangan.workflow.registry.importing.RecordImporter;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@DanganTest
class RuleChecksTest {

    @Autowired
    RuleChecks ruleChecks;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignRepository repository;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecordImporter importer;

    @Autowired
    AsUser asUser;

    @TempDir
    Path dir;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
    }

    private Campaign campaignOver(Long... institutions) {
        return repository.save(new Campaign(
                Set.of(institutions),
                LocalDate.now(ChinaTime.ZONE).plusMonths(2),
                new BigDecimal("0.05"),
                42L,
                "test",
                Instant.now()));
    }

    private List<String> findings(Campaign campaign) {
        return jdbc.queryForList(
                "select record_number || ' ' || rule from finding where campaign_id = ? order by 1",
                String.class,
                campaign.getId());
    }

    /** Five records of township A: one clean, one child tagged elderly, one stale, two sharing an ID number. */
    private List<HealthRecord> faults() {
        List<HealthRecord> records = new ArrayList<>();
        records.add(fixtures.record(county.a(), 1));
        LocalDate child = LocalDate.now(ChinaTime.ZONE).minusYears(4);
        records.add(registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "00100002"),
                        "小明",
                        Gender.MALE,
                        child,
                        Fixtures.idNumber(county.county().getCode(), child, Gender.MALE, 2),
                        county.a().getId())
                .tagged(Set.of(KeyPopulation.ELDERLY))
                .servedOn(LocalDate.now(ChinaTime.ZONE))));
        records.add(registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "00100003"),
                        "老张",
                        Gender.MALE,
                        LocalDate.of(1950, 3, 7),
                        Fixtures.idNumber(county.county().getCode(), LocalDate.of(1950, 3, 7), Gender.MALE, 3),
                        county.a().getId())
                .servedOn(LocalDate.now(ChinaTime.ZONE).minusYears(3))));
        LocalDate birth = LocalDate.of(1960, 6, 1);
        String shared = Fixtures.idNumber(county.county().getCode(), birth, Gender.FEMALE, 9);
        records.add(registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "00200004"),
                        "王芳",
                        Gender.FEMALE,
                        birth,
                        shared,
                        county.a().getId())
                .servedOn(LocalDate.now(ChinaTime.ZONE))));
        records.add(registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "00300005"),
                        "王芳",
                        Gender.FEMALE,
                        birth,
                        shared,
                        county.a().getId())
                .servedOn(LocalDate.now(ChinaTime.ZONE))));
        return records;
    }

    @Test
    void checks_every_record_of_the_institution_stores_the_findings_and_moves_on_to_the_self_check() {
        faults();
        fixtures.record(county.b(), 1); // another township, outside the campaign
        Campaign campaign = campaignOver(county.a().getId());

        long checked = ruleChecks.runToEnd(campaign.getId(), 2, RuleBook.defaults(), n -> {});

        String a = county.a().getCode();
        assertThat(checked).isEqualTo(5);
        assertThat(findings(campaign))
                .containsExactly(
                        a + "00100002 ELDERLY_TAG_AGE",
                        a + "00100003 STALE",
                        a + "00200004 DUPLICATE_ID_NUMBER",
                        a + "00300005 DUPLICATE_ID_NUMBER");
        Campaign done = campaigns.load(campaign.getId());
        assertThat(done.getState()).isEqualTo(CampaignState.INSTITUTION_CHECKS);
        assertThat(done.getRecordsChecked()).isEqualTo(5);
    }

    @Test
    void stopping_after_any_batch_and_going_on_checks_no_record_twice() {
        faults();
        Campaign interrupted = campaignOver(county.a().getId());
        assertThat(ruleChecks.checkNextBatch(interrupted.getId(), 2, RuleBook.defaults()))
                .isEqualTo(2);
        // a restart: a new run picks up from the committed cursor
        ruleChecks.runToEnd(interrupted.getId(), 2, RuleBook.defaults(), n -> {});

        Campaign straight = campaignOver(county.a().getId());
        ruleChecks.runToEnd(straight.getId(), 100, RuleBook.defaults(), n -> {});

        assertThat(campaigns.load(interrupted.getId()).getRecordsChecked()).isEqualTo(5);
        assertThat(findings(interrupted)).isEqualTo(findings(straight));
        assertThat(ruleChecks.checkNextBatch(interrupted.getId(), 2, RuleBook.defaults()))
                .isZero();
    }

    @Tag("slow") // 100,000 records: minutes
    @Test
    void a_campaign_over_100000_records_checks_each_once_and_completes() throws Exception {
        List<String> townships = List.of(county.a().getCode(), county.b().getCode());
        Path csv = dir.resolve("county.csv");
        ImportBenchmark.generate(csv, 100_000, county.county().getCode(), townships);
        asUser.login(county.user("county-supervisor"));
        try {
            // one import is capped (dangan.import.max-rows, 20,000 in tests): the county sends five files
            long accepted = 0;
            for (Path part : split(csv, 20_000)) {
                accepted += importer.importFile(
                                part,
                                part.getFileName().toString(),
                                null,
                                ImportMode.REJECT_FILE,
                                Locale.CHINA,
                                ImportProgress.NONE)
                        .accepted();
            }
            assertThat(accepted).isEqualTo(100_000);
        } finally {
            AsUser.logout();
        }
        Campaign campaign = campaignOver(county.county().getId());
        List<Long> progress = new ArrayList<>();

        long checked = ruleChecks.runToEnd(campaign.getId(), 5_000, RuleBook.defaults(), progress::add);

        assertThat(checked).isEqualTo(100_000);
        assertThat(progress).hasSize(20).endsWith(100_000L);
        Campaign done = campaigns.load(campaign.getId());
        assertThat(done.getRecordsChecked()).isEqualTo(100_000);
        // the county's records include those of the village clinic under township A
        String inCounty = county.county().getCode() + "%";
        assertThat(done.getCheckedUpTo())
                .isEqualTo(jdbc.queryForObject(
                        "select max(id) from health_record where record_number like ?", Long.class, inCounty));
        assertThat(done.getState()).isEqualTo(CampaignState.INSTITUTION_CHECKS);
        // the generator's records are valid; the only per-record finding is a record not served for two years
        assertThat(jdbc.queryForList(
                        "select distinct rule from finding where campaign_id = ? and rule not like 'DUPLICATE%'",
                        String.class, campaign.getId()))
                .containsExactly("STALE");
        assertThat(jdbc.queryForObject(
                        "select count(*) from finding where campaign_id = ? and rule = 'STALE'",
                        Long.class,
                        campaign.getId()))
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from health_record where record_number like ? and last_service_date < ?",
                        Long.class,
                        inCounty,
                        LocalDate.now(ChinaTime.ZONE).minusYears(2)));
    }

    /** The export cut into files of {@code rows} data rows, each with the header. */
    private static List<Path> split(Path csv, int rows) throws IOException {
        List<Path> parts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv)) {
            String header = in.readLine();
            String line = in.readLine();
            while (line != null) {
                Path part = csv.resolveSibling("part-" + parts.size() + ".csv");
                try (BufferedWriter out = Files.newBufferedWriter(part)) {
                    out.write(header);
                    out.newLine();
                    for (int n = 0; n < rows && line != null; n++, line = in.readLine()) {
                        out.write(line);
                        out.newLine();
                    }
                }
                parts.add(part);
            }
        }
        return parts;
    }
}
