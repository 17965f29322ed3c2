package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final LocalDate BIRTH = LocalDate.of(1950, 3, 7);
    private static final String TOWNSHIP = "130123101";

    private final RuleBook rules = RuleBook.defaults();

    /** A record that breaks no rule; each test changes one thing. */
    private static RecordFacts clean() {
        return new RecordFacts(
                TOWNSHIP + "00100001",
                "张三",
                Gender.MALE,
                BIRTH,
                Fixtures.idNumber("130123", BIRTH, Gender.MALE, 1),
                TOWNSHIP,
                EnumSet.of(KeyPopulation.ELDERLY),
                RecordStatus.ACTIVE,
                TODAY.minusMonths(3));
    }

    private static RecordFacts with(
            String idNumber,
            Gender gender,
            LocalDate birth,
            String institution,
            Set<KeyPopulation> tags,
            RecordStatus status,
            LocalDate served) {
        RecordFacts c = clean();
        return new RecordFacts(c.recordNumber(), c.name(), gender, birth, idNumber, institution, tags, status, served);
    }

    private List<Rule> broken(RecordFacts facts) {
        return rules.check(facts, TODAY).stream().map(Finding::rule).toList();
    }

    @Test
    void a_clean_record_breaks_no_rule() {
        assertThat(broken(clean())).isEmpty();
    }

    @Test
    void finds_a_wrong_check_digit_and_names_the_reason_without_the_number() {
        String id = clean().idNumber();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        List<Finding> findings = rules.check(
                with(
                        wrong,
                        Gender.MALE,
                        BIRTH,
                        TOWNSHIP,
                        Set.of(KeyPopulation.ELDERLY),
                        RecordStatus.ACTIVE,
                        TODAY.minusDays(1)),
                TODAY);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.ID_NUMBER_INVALID);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.args()).containsExactly("id.number.check").doesNotContain(wrong);
        });
    }

    @Test
    void finds_gender_and_birth_date_that_disagree_with_the_id_number() {
        RecordFacts facts = with(
                clean().idNumber(),
                Gender.FEMALE,
                BIRTH.plusDays(1),
                TOWNSHIP,
                Set.of(KeyPopulation.ELDERLY),
                RecordStatus.ACTIVE,
                TODAY.minusDays(1));
        assertThat(broken(facts)).containsExactlyInAnyOrder(Rule.ID_GENDER, Rule.ID_BIRTH_DATE);
    }

    @Test
    void finds_a_record_number_of_another_institution() {
        RecordFacts facts = with(
                clean().idNumber(),
                Gender.MALE,
                BIRTH,
                "130123102",
                Set.of(KeyPopulation.ELDERLY),
                RecordStatus.ACTIVE,
                TODAY.minusDays(1));
        assertThat(broken(facts)).containsExactly(Rule.RECORD_NUMBER_INSTITUTION);
    }

    @Test
    void finds_tags_that_contradict_the_age_and_each_other() {
        LocalDate child = TODAY.minusYears(3);
        RecordFacts toddlerTaggedElderly = with(
                Fixtures.idNumber("130123", child, Gender.MALE, 1),
                Gender.MALE,
                child,
                TOWNSHIP,
                EnumSet.of(KeyPopulation.ELDERLY, KeyPopulation.CHILD_0_6),
                RecordStatus.ACTIVE,
                TODAY);
        assertThat(broken(toddlerTaggedElderly)).containsExactlyInAnyOrder(Rule.ELDERLY_TAG_AGE, Rule.TAG_CONFLICT);

        RecordFacts pensionerTaggedChild = with(
                clean().idNumber(),
                Gender.MALE,
                BIRTH,
                TOWNSHIP,
                EnumSet.of(KeyPopulation.CHILD_0_6),
                RecordStatus.ACTIVE,
                TODAY);
        assertThat(broken(pensionerTaggedChild)).containsExactly(Rule.CHILD_TAG_AGE);
    }

    @Test
    void a_person_turning_65_tomorrow_is_not_yet_elderly() {
        LocalDate birth = TODAY.minusYears(65).plusDays(1);
        RecordFacts facts = with(
                Fixtures.idNumber("130123", birth, Gender.MALE, 1),
                Gender.MALE,
                birth,
                TOWNSHIP,
                EnumSet.of(KeyPopulation.ELDERLY),
                RecordStatus.ACTIVE,
                TODAY);
        assertThat(broken(facts)).containsExactly(Rule.ELDERLY_TAG_AGE);
    }

    @Test
    void finds_service_dates_in_the_future_or_before_birth() {
        assertThat(broken(with(
                        clean().idNumber(),
                        Gender.MALE,
                        BIRTH,
                        TOWNSHIP,
                        Set.of(KeyPopulation.ELDERLY),
                        RecordStatus.ACTIVE,
                        TODAY.plusDays(1))))
                .containsExactly(Rule.SERVICE_DATE_FUTURE);
        assertThat(broken(with(
                        clean().idNumber(),
                        Gender.MALE,
                        BIRTH,
                        TOWNSHIP,
                        Set.of(KeyPopulation.ELDERLY),
                        RecordStatus.ACTIVE,
                        BIRTH.minusDays(1))))
                .contains(Rule.SERVICE_BEFORE_BIRTH);
    }

    @Test
    void a_record_not_served_for_longer_than_the_period_is_stale_and_the_period_is_configurable() {
        RecordFacts served25MonthsAgo = with(
                clean().idNumber(),
                Gender.MALE,
                BIRTH,
                TOWNSHIP,
                Set.of(KeyPopulation.ELDERLY),
                RecordStatus.ACTIVE,
                TODAY.minusMonths(25));
        assertThat(broken(served25MonthsAgo)).containsExactly(Rule.STALE);
        assertThat(new RuleBook(Period.ofYears(3), Map.of()).check(served25MonthsAgo, TODAY))
                .isEmpty();
    }

    @Test
    void deceased_and_moved_out_records_are_flagged_for_closing_not_as_stale() {
        RecordFacts deceased = with(
                clean().idNumber(),
                Gender.MALE,
                BIRTH,
                TOWNSHIP,
                Set.of(KeyPopulation.ELDERLY),
                RecordStatus.DECEASED,
                TODAY.minusYears(5));
        assertThat(broken(deceased)).containsExactly(Rule.DECEASED_OR_MOVED_OUT);
    }

    @Test
    void missing_required_fields_are_named_and_severities_can_be_overridden() {
        RecordFacts noId = with(
                null, null, BIRTH, TOWNSHIP, Set.of(KeyPopulation.ELDERLY), RecordStatus.ACTIVE, TODAY.minusDays(1));
        assertThat(rules.check(noId, TODAY)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.REQUIRED_FIELDS);
            assertThat(f.args()).containsExactly("gender, idNumber");
        });
        RuleBook lenient = new RuleBook(Period.ofYears(2), Map.of(Rule.REQUIRED_FIELDS, Severity.WARNING));
        assertThat(lenient.check(noId, TODAY).get(0).severity()).isEqualTo(Severity.WARNING);
    }
}
