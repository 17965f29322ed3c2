package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RecordCorrection;
import org.dangan.workflow.registry.RecordNotFoundException;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@DanganTest
class FindingsTest {

    @Autowired
    Findings findings;

    @Autowired
    RuleChecks ruleChecks;

    @Autowired
    CampaignRepository repository;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AsUser asUser;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    Campaign campaign;

    private void staleRecord(Institution township) {
        LocalDate birth = LocalDate.of(1950, 3, 7);
        registry.register(new HealthRecord(
                        RecordNumber.of(township.getCode() + "00100001"),
                        "老李",
                        Gender.MALE,
                        birth,
                        Fixtures.idNumber(
                                county.county().getCode(),
                                birth,
                                Gender.MALE,
                                township.getId().intValue()),
                        township.getId())
                .servedOn(LocalDate.now(ChinaTime.ZONE).minusYears(3)));
    }

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        staleRecord(county.a());
        staleRecord(county.b());
        campaign = repository.save(new Campaign(
                Set.of(county.county().getId()),
                LocalDate.now(ChinaTime.ZONE).plusMonths(1),
                new BigDecimal("0.05"),
                1L,
                "test",
                Instant.now()));
        ruleChecks.runToEnd(campaign.getId(), 10, RuleBook.defaults(), n -> {});
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    @Test
    void an_archivist_sees_only_the_findings_of_the_own_township() {
        asUser.login(county.user("archivist-a"));
        assertThat(findings.of(campaign.getId(), null, 0, 50)).singleElement().satisfies(f -> {
            assertThat(f.recordNumber()).startsWith(county.a().getCode());
            assertThat(f.rule()).isEqualTo(Rule.STALE);
            assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
        });
        asUser.login(county.user("county-supervisor"));
        assertThat(findings.of(campaign.getId(), FindingStatus.OPEN, 0, 50)).hasSize(2);
    }

    @Test
    void a_waiver_needs_a_reason_is_audited_and_happens_once() {
        asUser.login(county.user("archivist-a"));
        long id = findings.of(campaign.getId(), null, 0, 50).get(0).id();

        assertThatThrownBy(() -> findings.waive(id, "  "))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverReason"));
        findings.waive(id, "居民长期外出务工，已电话随访");

        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> assertThat(f.waiverReason()).isEqualTo("居民长期外出务工，已电话随访"));
        assertThat(findings.counts(campaign.getId())).isEqualTo(new Findings.Counts(2, 1, 0, 1));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'FINDING_WAIVED' and subject_id = ?",
                        Long.class,
                        Long.toString(id)))
                .isEqualTo(1);
        assertThatThrownBy(() -> findings.waive(id, "again"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.notOpen"));
    }

    @Test
    void a_waiver_reason_naming_the_severe_mental_disorder_tag_does_not_name_it_to_a_reader_without_the_permission() {
        asUser.login(county.user("archivist-a"));
        long id = findings.of(campaign.getId(), null, 0, 50).get(0).id();
        findings.waive(id, "严重精神障碍患者，SEVERE_MENTAL_DISORDER 随访另行管理");
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> assertThat(f.waiverReason()).contains("严重精神障碍"));

        asUser.login(county.user("head-a"));
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> assertThat(f.waiverReason())
                        .doesNotContain("精神")
                        .doesNotContain("SEVERE_MENTAL")
                        .contains("随访另行管理"));
    }

    @Test
    void a_waiver_reason_naming_a_disorder_or_its_drug_does_not_name_it_to_a_reader_without_the_permission() {
        asUser.login(county.user("archivist-a"));
        long id = findings.of(campaign.getId(), null, 0, 50).get(0).id();
        String reason = "患者为精神分裂症，长期服用利培酮；另有 双 相 情 感 障 碍 病史（Schizophrenia），由精神科随访";
        findings.waive(id, reason);
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> assertThat(f.waiverReason()).isEqualTo(reason));

        asUser.login(county.user("head-a"));
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> assertThat(f.waiverReason())
                        .doesNotContain("精神", "分裂", "利培酮", "双", "情感", "障碍", "chizo")
                        .isEqualTo("患者为***，长期服用***；另有 *** 病史（***），由***随访"));
    }

    @Autowired
    Records records;

    @Test
    void correcting_a_record_and_checking_it_again_fixes_its_finding_and_is_audited() {
        asUser.login(county.user("archivist-a"));
        String number = county.a().getCode() + "00100001";

        assertThat(records.correct(number, RecordCorrection.lastServed(LocalDate.now(ChinaTime.ZONE))))
                .containsExactly("lastServiceDate");
        assertThat(findings.recheck(campaign.getId(), number, RuleBook.defaults()))
                .isEqualTo(1);

        assertThat(findings.of(campaign.getId(), FindingStatus.FIXED, 0, 50))
                .singleElement()
                .satisfies(f -> assertThat(f.recordNumber()).isEqualTo(number));
        assertThat(findings.counts(campaign.getId())).isEqualTo(new Findings.Counts(2, 1, 1, 0));
        assertThat(jdbc.queryForObject(
                        "select detail from audit_entry where action = 'RECORD_CHANGED' and subject_id = ?",
                        String.class,
                        number))
                .isEqualTo("fields: lastServiceDate");
        assertThat(findings.recheck(campaign.getId(), number, RuleBook.defaults()))
                .isZero();
    }

    @Test
    void a_correction_whose_id_number_contradicts_the_birth_date_is_refused_naming_both_dates() {
        asUser.login(county.user("archivist-a"));
        String number = county.a().getCode() + "00100001";
        String idBefore = jdbc.queryForObject(
                "select id_number from health_record where record_number = ?", String.class, number);
        String born1980 = Fixtures.idNumber(county.county().getCode(), LocalDate.of(1980, 3, 7), Gender.MALE, 997);
        assertThatThrownBy(() -> findings.correct(campaign.getId(), number, correction(born1980)))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.key()).isEqualTo("findings.idBirthContradicts");
                    assertThat(r.arguments()).containsExactly("1980-03-07", "1950-03-07");
                });
        // an invalid number says which of its rules it breaks
        assertThatThrownBy(() -> findings.correct(campaign.getId(), number, correction("11010519491231002")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("id.number.length"));
        // nothing was saved, nothing counted fixed
        assertThat(jdbc.queryForObject(
                        "select id_number from health_record where record_number = ?", String.class, number))
                .isEqualTo(idBefore);
        assertThat(findings.counts(campaign.getId())).isEqualTo(new Findings.Counts(2, 2, 0, 0));

        // the number that agrees with the birth date is taken, and the re-check fixes the stale finding
        String right = Fixtures.idNumber(county.county().getCode(), LocalDate.of(1950, 3, 7), Gender.MALE, 997);
        assertThat(findings.correct(campaign.getId(), number, correction(right)))
                .isOne();
        assertThat(findings.counts(campaign.getId())).isEqualTo(new Findings.Counts(2, 1, 1, 0));
    }

    private static RecordCorrection correction(String idNumber) {
        return new RecordCorrection(null, null, null, idNumber, null, null, null, LocalDate.now(ChinaTime.ZONE));
    }

    @Test
    void a_record_of_another_township_is_neither_corrected_nor_rechecked() {
        asUser.login(county.user("archivist-a"));
        String theirs = county.b().getCode() + "00100001";
        assertThatThrownBy(() -> records.correct(theirs, RecordCorrection.lastServed(LocalDate.now(ChinaTime.ZONE))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> findings.recheck(campaign.getId(), theirs, RuleBook.defaults()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.noRecord"));
        asUser.login(county.user("county-supervisor"));
        assertThatThrownBy(() -> records.correct(theirs, RecordCorrection.lastServed(LocalDate.now(ChinaTime.ZONE))))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.key()).isEqualTo("record.archivistOnly");
                    assertThat(r.kind()).isEqualTo(Refused.Kind.FORBIDDEN);
                });
    }

    @Test
    void another_township_cannot_waive_a_finding_it_cannot_see() {
        asUser.login(county.user("archivist-a"));
        List<Findings.FindingView> mine = findings.of(campaign.getId(), null, 0, 50);
        asUser.login(county.user("archivist-b"));
        assertThatThrownBy(() -> findings.waive(mine.get(0).id(), "not mine"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.notOpen"));
        assertThat(findings.counts(campaign.getId()).waived()).isZero();
    }

    @Test
    void a_submitted_self_check_takes_no_more_waivers_or_rechecks() {
        Campaign submitted = repository.findById(campaign.getId()).orElseThrow();
        submitted.selfCheckSubmitted(county.county().getId(), "archivist-a");
        repository.save(submitted);
        asUser.login(county.user("archivist-a"));
        long finding = findings.of(campaign.getId(), null, 0, 50).get(0).id();
        String number = county.a().getCode() + "00100001";

        assertThatThrownBy(() -> findings.waiveAll(campaign.getId(), List.of(finding), "已核实"))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refused.Kind.CONFLICT);
                    assertThat(r.key()).isEqualTo("campaign.selfCheckClosed");
                });
        assertThatThrownBy(() -> findings.recheck(campaign.getId(), number, RuleBook.defaults()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("campaign.selfCheckClosed"));
        assertThat(findings.counts(campaign.getId())).isEqualTo(new Findings.Counts(2, 2, 0, 0));
    }
}
