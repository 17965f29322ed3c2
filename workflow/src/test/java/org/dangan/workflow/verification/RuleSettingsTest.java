package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine deploys the DMN tables from the bpmn module at start-up, and the rule book follows them. */
@DanganTest
class RuleSettingsTest {

    @Autowired
    RuleSettings settings;

    @Test
    void thresholds_come_from_the_deployed_table() {
        RuleSettings.Thresholds t = settings.thresholds("TOWNSHIP_CENTRE");
        assertThat(t.sampleRate()).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(t.minimumSample()).isEqualTo(30);
        assertThat(t.maxErrorRate()).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(t.stalePeriod()).isEqualTo(Period.ofMonths(24));
    }

    @Test
    void the_rule_book_takes_severities_and_the_stale_period_from_the_tables() {
        RuleBook rules = settings.ruleBook("TOWNSHIP_CENTRE");
        LocalDate today = LocalDate.of(2026, 11, 26);
        LocalDate birth = LocalDate.of(1950, 3, 7);
        RecordFacts stale = new RecordFacts(
                "13012310100100001",
                "张三",
                Gender.MALE,
                birth,
                Fixtures.idNumber("130123", birth, Gender.MALE, 1),
                "130123101",
                EnumSet.of(KeyPopulation.ELDERLY),
                RecordStatus.ACTIVE,
                today.minusMonths(25));

        assertThat(rules.check(stale, today)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.STALE);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(settings.blocksSignOff(Rule.STALE)).isFalse();
        assertThat(settings.blocksSignOff(Rule.ID_NUMBER_INVALID)).isTrue();
        assertThat(settings.blocksSignOff(Rule.DUPLICATE_ID_NUMBER)).isTrue();
    }
}
