package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void a_waiver_reason_naming_the_disorder_is_refused_and_the_finding_stays_open() {
        asUser.login(county.user("archivist-a"));
        long id = findings.of(campaign.getId(), null, 0, 50).get(0).id();
        for (String reason : List.of(
                "严重精神障碍患者，随访另行管理",
                "患者服用利培酮",
                "精\u200b神\u200b分\u200b裂\u200b症",
                "ｓｃｈｉｚｏｐｈｒｅｎｉａ",
                "雙相情感障礙",
                "精<b></b>神·分-裂 症",
                "jīngshén fēnlièzhèng",
                "SEVERE_MENTAL_DISORDER",
                "<患精神分裂症，长期服用氯氮平>",
                "精\u3164神\u3164分\u3164裂\u3164症",
                "本人患思觉失调症，长期住院")) {
            assertThatThrownBy(() -> findings.waive(id, reason))
                    .as(reason)
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverReasonRestricted"));
        }
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50)).isEmpty();
        findings.waive(id, "按专项管理规定处理");
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50)).hasSize(1);
    }

    /** Reasons written before they were refused (or by a bag from elsewhere) stay in the table: they are masked when read. */
    @Test
    void a_stored_reason_naming_a_disorder_or_its_drug_is_masked_for_a_reader_without_the_permission() {
        asUser.login(county.user("archivist-a"));
        List<Findings.FindingView> open = findings.of(campaign.getId(), null, 0, 50);
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("患者为精神分裂症，长期服用利培酮；另有 双 相 情 感 障 碍 病史（Schizophrenic），由精神科随访", "患者为***，长期服用***；另有 *** 病史（***），由***随访");
        stored.put("居民患精\u200b神\u200b分\u200b裂\u200b症，已随访", "居民患***，已随访");
        // a Latin word runs on into the next as read (spaces skipped): more is hidden than named
        stored.put("ＢＩＰＯＬＡＲ disorder; on clozapine", "***");
        stored.put("嚴重精神障礙患者 schizo<span></span>phrenia", "***患者 ***");
        stored.put("SEVERE_MENTAL_DISORDER 随访另行管理", "*** 随访另行管理");
        stored.put("居民长期外出务工，已电话随访", "居民长期外出务工，已电话随访");
        long id = open.get(0).id();
        findings.waive(id, "待改");
        for (Map.Entry<String, String> reason : stored.entrySet()) {
            jdbc.update("update finding set waiver_reason = ? where id = ?", reason.getKey(), id);
            asUser.login(county.user("archivist-a"));
            assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                    .singleElement()
                    .satisfies(f -> assertThat(f.waiverReason()).isEqualTo(reason.getKey()));
            asUser.login(county.user("head-a"));
            assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                    .singleElement()
                    .satisfies(f -> assertThat(f.waiverReason()).isEqualTo(reason.getValue()));
        }
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
