package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

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
    void a_waiver_needs_a_listed_reason_is_audited_and_happens_once() {
        asUser.login(county.user("archivist-a"));
        long id = findings.of(campaign.getId(), null, 0, 50).get(0).id();

        assertThatThrownBy(() -> findings.waive(id, new Waiver(null, "说明")))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverReasonMissing"));
        assertThatThrownBy(() -> findings.waive(id, new Waiver(WaiverReason.OTHER, "  ")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverNote"));
        assertThatThrownBy(() -> findings.waive(id, new Waiver(WaiverReason.LONG_TERM_AWAY, "长".repeat(201))))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverNote"));
        findings.waive(id, new Waiver(WaiverReason.LONG_TERM_AWAY, "居民外出务工，已电话随访"));

        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.waiverCode()).isEqualTo(WaiverReason.LONG_TERM_AWAY);
                    assertThat(f.waiverReason()).isEqualTo("居民外出务工，已电话随访");
                    assertThat(f.waiverReasonWithheld()).isFalse();
                });
        assertThat(findings.counts(campaign.getId())).isEqualTo(new Findings.Counts(2, 1, 0, 1));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'FINDING_WAIVED' and subject_id = ?",
                        Long.class,
                        Long.toString(id)))
                .isEqualTo(1);
        assertThatThrownBy(() -> findings.waive(id, new Waiver(WaiverReason.DECEASED, null)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.notOpen"));
    }

    @Test
    void a_note_of_invisible_characters_is_no_note_and_control_characters_or_too_many_are_refused() {
        assertThatThrownBy(() -> new Waiver(WaiverReason.OTHER, "\u200b\u200b"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverNote"));
        assertThat(new Waiver(WaiverReason.DECEASED, "\u0000 ").note()).isNull();
        assertThatThrownBy(() -> new Waiver(WaiverReason.OTHER, "家属\u001b[31m确认"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverNote"));
        // counted in characters as a reader counts them: 200 from outside the basic plane fit
        String rare = "\uD840\uDC00".repeat(Waiver.MAX_NOTE);
        assertThat(new Waiver(WaiverReason.OTHER, rare).note()).isEqualTo(rare);
        assertThatThrownBy(() -> new Waiver(WaiverReason.OTHER, rare + "字"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverNote"));
    }

    @Test
    void an_api_client_names_a_listed_reason_by_its_code_or_writes_free_text_as_the_note() {
        assertThat(Waiver.of("deceased", null)).isEqualTo(new Waiver(WaiverReason.DECEASED, null));
        assertThat(Waiver.of("MOVED_AWAY", "迁往外省")).isEqualTo(new Waiver(WaiverReason.MOVED_AWAY, "迁往外省"));
        assertThat(Waiver.of("家属确认为老年人代管档案", null)).isEqualTo(new Waiver(WaiverReason.OTHER, "家属确认为老年人代管档案"));
        assertThatThrownBy(() -> Waiver.of("家属确认", "另一段说明"))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverReasonUnknown"));
        assertThatThrownBy(() -> Waiver.of(" ", null))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverReasonMissing"));
        assertThatThrownBy(() -> Waiver.of("OTHER", null))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverNote"));
    }

    @Test
    void a_note_naming_the_disorder_is_refused_and_the_finding_stays_open() {
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
            assertThatThrownBy(() -> findings.waive(id, new Waiver(WaiverReason.OTHER, reason)))
                    .as(reason)
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.key()).isEqualTo("findings.waiverReasonRestricted"));
        }
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50)).isEmpty();
        findings.waive(id, new Waiver(WaiverReason.DATA_CONFIRMED, null));
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50)).hasSize(1);
    }

    /**
     * A note gets past any word list (homophones, slang, a hospital's name), so it is withheld, not
     * masked: a reader without the permission sees the listed reason and that a note exists. Notes
     * stored before the list, or written by a bag from elsewhere, are withheld the same way.
     */
    @Test
    void a_note_is_read_only_by_its_writer_and_readers_with_the_permission() {
        asUser.login(county.user("head-a"));
        List<Findings.FindingView> open = findings.of(campaign.getId(), null, 0, 50);
        long id = open.get(0).id();
        // head-a lacks the permission but wrote the note: the writer knows what it says
        findings.waive(id, new Waiver(WaiverReason.OTHER, "经神分列症，长期服药"));
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> assertThat(f.waiverReason()).isEqualTo("经神分列症，长期服药"));
        asUser.login(county.user("archivist-a"));
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> assertThat(f.waiverReason()).isEqualTo("经神分列症，长期服药"));
        asUser.login(county.user("county-supervisor"));
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.waiverCode()).isEqualTo(WaiverReason.OTHER);
                    assertThat(f.waiverReason()).isNull();
                    assertThat(f.waiverReasonWithheld()).isTrue();
                });
        // a note stored before the list (the migration put it under OTHER) is withheld the same way
        jdbc.update("update finding set waiver_reason = ?, resolved_by = ? where id = ?", "患者为精神分裂症", "import", id);
        asUser.login(county.user("head-a"));
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.waiverReason()).isNull();
                    assertThat(f.waiverReasonWithheld()).isTrue();
                });
        // a listed reason without a note has nothing to withhold
        asUser.login(county.user("archivist-b"));
        long other =
                findings.of(campaign.getId(), FindingStatus.OPEN, 0, 50).get(0).id();
        findings.waive(other, new Waiver(WaiverReason.MOVED_AWAY, null));
        asUser.login(county.user("county-supervisor"));
        assertThat(findings.of(campaign.getId(), FindingStatus.WAIVED, 0, 50))
                .filteredOn(f -> f.id() == other)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.waiverCode()).isEqualTo(WaiverReason.MOVED_AWAY);
                    assertThat(f.waiverReasonWithheld()).isFalse();
                });
    }

    @Autowired
    MockMvc mvc;

    /** The API as an older client uses it (free text) and as the list has it (a code), read back by three readers. */
    @Test
    void the_api_takes_a_code_or_free_text_and_withholds_the_note_from_readers_without_the_permission()
            throws Exception {
        asUser.login(county.user("head-a"));
        long id = findings.of(campaign.getId(), null, 0, 50).get(0).id();
        AsUser.logout();
        String findingsOf = "/api/campaigns/" + campaign.getId() + "/findings";
        mvc.perform(post("/api/campaigns/" + campaign.getId() + "/waivers")
                        .with(httpBasic(county.user("head-a"), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"findings\": [" + id + "], \"reason\": \"家属确认为代管档案\", \"note\": \"另一段\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("findings.waiverReasonUnknown"));
        mvc.perform(post("/api/campaigns/" + campaign.getId() + "/waivers")
                        .with(httpBasic(county.user("head-a"), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"findings\": [" + id + "], \"reason\": \"家属确认为代管档案\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.waived").value(1));
        mvc.perform(get(findingsOf).param("status", "WAIVED").with(httpBasic(county.user("head-a"), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].waiverCode").value("OTHER"))
                .andExpect(jsonPath("$[0].waiverReason").value("家属确认为代管档案"));
        mvc.perform(get(findingsOf)
                        .param("status", "WAIVED")
                        .with(httpBasic(county.user("county-supervisor"), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].waiverCode").value("OTHER"))
                .andExpect(jsonPath("$[0].waiverReason").doesNotExist())
                .andExpect(jsonPath("$[0].waiverReasonWithheld").value(true))
                .andExpect(content().string(not(containsString("家属确认"))));
        asUser.login(county.user("county-supervisor"));
        long other =
                findings.of(campaign.getId(), FindingStatus.OPEN, 0, 50).get(0).id();
        AsUser.logout();
        mvc.perform(post("/api/campaigns/" + campaign.getId() + "/waivers")
                        .with(httpBasic(county.user("archivist-b"), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"findings\": [" + other + "], \"reason\": \"moved_away\"}"))
                .andExpect(status().isOk());
        mvc.perform(get(findingsOf)
                        .param("status", "WAIVED")
                        .with(httpBasic(county.user("county-supervisor"), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == " + other + ")].waiverCode").value("MOVED_AWAY"));
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
        assertThatThrownBy(() -> findings.waive(mine.get(0).id(), new Waiver(WaiverReason.DECEASED, null)))
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

        assertThatThrownBy(() -> findings.waiveAll(
                        campaign.getId(), List.of(finding), new Waiver(WaiverReason.DATA_CONFIRMED, null)))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refused.Kind.CONFLICT);
                    assertThat(r.key()).isEqualTo("campaign.selfCheckClosed");
                });
        assertThatThrownBy(() -> findings.recheck(campaign.getId(), number, RuleBook.defaults()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("campaign.selfCheckClosed"));
        assertThat(findings.counts(campaign.getId())).isEqualTo(new Findings.Counts(2, 2, 0, 0));
    }
}
