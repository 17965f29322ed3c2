package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.junit.jupiter.api.Test;

/** The campaign guards its own steps: order, four eyes, the error-rate threshold. */
class CampaignTest {

    static final BigDecimal MAX = new BigDecimal("0.05");

    private Campaign checked() {
        Campaign c = new Campaign(
                Set.of(1L, 2L),
                9L,
                LocalDate.now(ChinaTime.ZONE).plusDays(30),
                new BigDecimal("0.05"),
                1L,
                "county-sup",
                Instant.now());
        c.checked(100, 100);
        c.ruleChecksDone();
        return c;
    }

    private void pass(Campaign c, long institution) {
        c.selfCheckSubmitted(institution, "archivist" + institution);
        c.headSignedOff(institution, "head" + institution, Instant.now());
        c.sampleDrawn(institution, 30);
        assertThat(c.sampleJudged(institution, 0, MAX, "")).isFalse();
    }

    @Test
    void the_head_who_signs_must_not_be_who_submitted_the_self_check() {
        Campaign c = checked();
        c.selfCheckSubmitted(1L, "same-person");
        assertThatThrownBy(() -> c.headSignedOff(1L, "same-person", Instant.now()))
                .isInstanceOfSatisfying(
                        FourEyesViolation.class, r -> assertThat(r.key()).isEqualTo("campaign.fourEyes.head"));
        assertThat(c.institution(1L).getState()).isEqualTo(InstitutionCheckState.HEAD_SIGN_OFF);
    }

    @Test
    void nobody_who_worked_on_the_campaign_accepts_it() {
        Campaign c = checked();
        pass(c, 1L);
        pass(c, 2L);
        assertThat(c.getState()).isEqualTo(CampaignState.CITY_ACCEPTANCE);
        for (String worker : new String[] {"county-sup", "archivist1", "head2"}) {
            assertThatThrownBy(() -> c.cityDecided(worker, true, null, Instant.now(), Set.of()))
                    .isInstanceOf(FourEyesViolation.class);
        }
        assertThatThrownBy(() -> c.cityDecided("checker", true, null, Instant.now(), Set.of("checker")))
                .isInstanceOf(FourEyesViolation.class);
        c.cityDecided("city-sup", true, null, Instant.now(), Set.of("checker"));
        assertThat(c.getState()).isEqualTo(CampaignState.SIGN_OFF);
        assertThatThrownBy(() -> c.signOffBy("city-sup")).isInstanceOf(FourEyesViolation.class);
    }

    @Test
    void steps_out_of_order_are_refused() {
        Campaign c = new Campaign(
                Set.of(1L), 9L, LocalDate.now(ChinaTime.ZONE), new BigDecimal("0.05"), 1L, "s", Instant.now());
        assertThatThrownBy(() -> c.selfCheckSubmitted(1L, "a"))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("campaign.wrongState")
                .hasMessageContaining("RULE_CHECKS");
        c.ruleChecksDone();
        assertThatThrownBy(() -> c.headSignedOff(1L, "h", Instant.now())).hasMessageContaining("SELF_CHECK");
        assertThatThrownBy(() -> c.cityDecided("city", true, null, Instant.now(), Set.of()))
                .hasMessageContaining("INSTITUTION_CHECKS");
        assertThatThrownBy(() -> c.selfCheckSubmitted(7L, "a"))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("campaign.outside");
        assertThatThrownBy(() -> c.completed(Instant.now())).isInstanceOf(Refused.class);
    }

    @Test
    void an_error_rate_at_the_threshold_passes_and_above_it_sends_back_for_another_round() {
        Campaign c = checked();
        c.selfCheckSubmitted(1L, "a");
        c.headSignedOff(1L, "h", Instant.now());
        c.sampleDrawn(1L, 40);
        assertThat(c.sampleJudged(1L, 3, MAX, "r1; r2; r3")).isTrue(); // 7.5%
        assertThat(c.institution(1L).getRound()).isEqualTo(2);
        assertThat(c.institution(1L).getReworkReason()).contains("0.0750", "r1; r2; r3");
        c.selfCheckSubmitted(1L, "a");
        c.headSignedOff(1L, "h", Instant.now());
        c.sampleDrawn(1L, 40);
        assertThat(c.sampleJudged(1L, 2, MAX, "")).isFalse(); // exactly 5%
        assertThat(c.institution(1L).getState()).isEqualTo(InstitutionCheckState.PASSED);
        assertThat(c.getState()).isEqualTo(CampaignState.INSTITUTION_CHECKS); // institution 2 not yet
    }

    @Test
    void a_return_needs_a_reason() {
        Campaign c = checked();
        pass(c, 1L);
        pass(c, 2L);
        assertThatThrownBy(() -> c.cityDecided("city", false, "  ", Instant.now(), Set.of()))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.key()).isEqualTo("campaign.returnReasonRequired"));
        assertThat(c.getState()).isEqualTo(CampaignState.CITY_ACCEPTANCE);
    }

    /** Every archivist of the institutions reads a return's reason, whether or not they may see the disorder. */
    @Test
    void a_return_reason_naming_the_disorder_is_refused() {
        Campaign c = checked();
        pass(c, 1L);
        pass(c, 2L);
        assertThatThrownBy(() -> c.cityDecided("city", false, "王某为精神分裂症患者，档案不全", Instant.now(), Set.of()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("text.namesRestricted"));
        assertThat(c.getState()).isEqualTo(CampaignState.CITY_ACCEPTANCE);
        c.cityDecided("city", false, "纸网一致性记录不全", Instant.now(), Set.of());
        assertThat(c.getState()).isNotEqualTo(CampaignState.CITY_ACCEPTANCE);
    }

    @Test
    void a_paper_check_note_naming_the_disorder_is_refused_and_too_long_is_too() {
        assertThatThrownBy(() -> new PaperChecks.PaperCheck(3, true, true, "纸质档案中有氯氮平处方"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("text.namesRestricted"));
        assertThatThrownBy(() -> new PaperChecks.PaperCheck(3, true, true, "页".repeat(201)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("paperCheck.noteTooLong"));
        assertThat(new PaperChecks.PaperCheck(3, true, false, "随访记录缺第2页").note())
                .isEqualTo("随访记录缺第2页");
    }
}
