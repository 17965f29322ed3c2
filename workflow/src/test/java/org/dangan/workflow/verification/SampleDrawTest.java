package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.KeyPopulation;
import org.junit.jupiter.api.Test;

class SampleDrawTest {

    /** 2,000 records: 1,200 without tag, 500 elderly, 200 hypertension, 100 children. */
    private static List<SampleDraw.Member> county() {
        List<SampleDraw.Member> members = new ArrayList<>();
        int serial = 1;
        for (Map.Entry<String, Integer> stratum : Map.of(
                        "NONE", 1200, "ELDERLY", 500, "HYPERTENSION", 200, "CHILD_0_6", 100)
                .entrySet()) {
            for (int i = 0; i < stratum.getValue(); i++) {
                members.add(new SampleDraw.Member("13012310100%06d".formatted(serial++), stratum.getKey()));
            }
        }
        return members;
    }

    @Test
    void five_percent_at_least_thirty_never_more_than_the_population() {
        assertThat(SampleDraw.size(2000, SampleDraw.DEFAULT_RATE, 30)).isEqualTo(100);
        assertThat(SampleDraw.size(201, SampleDraw.DEFAULT_RATE, 30)).isEqualTo(30);
        assertThat(SampleDraw.size(12, SampleDraw.DEFAULT_RATE, 30)).isEqualTo(12);
        assertThat(SampleDraw.size(1001, SampleDraw.DEFAULT_RATE, 30))
                .as("rounded up")
                .isEqualTo(51);
        assertThat(SampleDraw.size(0, SampleDraw.DEFAULT_RATE, 30)).isZero();
        assertThatThrownBy(() -> SampleDraw.size(10, new BigDecimal("1.5"), 30))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("campaign.sampleRateRange"));
    }

    @Test
    void every_key_population_is_represented_in_proportion() {
        List<SampleDraw.Member> population = county();
        Map<String, String> stratumOf = population.stream()
                .collect(Collectors.toMap(SampleDraw.Member::recordNumber, SampleDraw.Member::stratum));
        List<String> sample = SampleDraw.draw(population, SampleDraw.DEFAULT_RATE, 30, 42L);

        assertThat(sample).hasSize(100).doesNotHaveDuplicates();
        Map<String, Long> perStratum =
                sample.stream().collect(Collectors.groupingBy(stratumOf::get, Collectors.counting()));
        assertThat(perStratum)
                .containsEntry("NONE", 60L)
                .containsEntry("ELDERLY", 25L)
                .containsEntry("HYPERTENSION", 10L)
                .containsEntry("CHILD_0_6", 5L);
    }

    @Test
    void the_same_seed_draws_the_same_sample_whatever_the_input_order() {
        List<SampleDraw.Member> population = county();
        List<String> first = SampleDraw.draw(population, SampleDraw.DEFAULT_RATE, 30, 20191370L);
        List<SampleDraw.Member> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(SampleDraw.draw(shuffled, SampleDraw.DEFAULT_RATE, 30, 20191370L))
                .isEqualTo(first);
        assertThat(SampleDraw.draw(population, SampleDraw.DEFAULT_RATE, 30, 20191371L))
                .isNotEqualTo(first);
    }

    @Test
    void the_minimum_is_met_even_when_rounding_leaves_seats_over() {
        List<SampleDraw.Member> small = county().subList(0, 210).stream()
                .map(m -> new SampleDraw.Member(
                        m.recordNumber(),
                        Integer.parseInt(m.recordNumber().substring(11)) % 7 == 0 ? "TUBERCULOSIS" : m.stratum()))
                .collect(Collectors.toList());
        List<String> sample = SampleDraw.draw(small, SampleDraw.DEFAULT_RATE, 30, 1L);
        assertThat(sample).hasSize(30).doesNotHaveDuplicates();
        assertThat(small.stream().map(SampleDraw.Member::recordNumber).toList()).containsAll(sample);
    }

    @Test
    void a_population_smaller_than_the_minimum_is_checked_whole() {
        List<SampleDraw.Member> tiny = county().subList(0, 12);
        assertThat(SampleDraw.draw(tiny, SampleDraw.DEFAULT_RATE, 30, 5L))
                .containsExactlyInAnyOrderElementsOf(
                        tiny.stream().map(SampleDraw.Member::recordNumber).toList());
    }

    @Test
    void stratum_seats_never_exceed_the_stratum() {
        List<SampleDraw.Member> skewed = new ArrayList<>(county().subList(0, 1200));
        skewed.add(new SampleDraw.Member("13012310199999999", "TUBERCULOSIS"));
        Map<String, Long> perStratum = SampleDraw.draw(skewed, new BigDecimal("0.5"), 30, 3L).stream()
                .collect(Collectors.groupingBy(
                        n -> n.equals("13012310199999999") ? "TUBERCULOSIS" : "NONE", Collectors.counting()));
        assertThat(perStratum.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(601);
        assertThat(perStratum.getOrDefault("TUBERCULOSIS", 0L)).isLessThanOrEqualTo(1);
    }

    @Test
    void the_restricted_tag_is_never_a_stratum_so_a_record_falls_in_the_stratum_of_its_visible_tags() {
        // the glossary puts SEVERE_MENTAL_DISORDER before TUBERCULOSIS: its stratum would have named it
        assertThat(SampleChecks.stratumOf(KeyPopulation.toColumn(
                        Set.of(KeyPopulation.SEVERE_MENTAL_DISORDER, KeyPopulation.TUBERCULOSIS))))
                .isEqualTo("TUBERCULOSIS");
        assertThat(SampleChecks.stratumOf(KeyPopulation.toColumn(Set.of(KeyPopulation.SEVERE_MENTAL_DISORDER))))
                .isEqualTo("NONE");
        assertThat(SampleChecks.stratumOf(
                        KeyPopulation.toColumn(Set.of(KeyPopulation.ELDERLY, KeyPopulation.HYPERTENSION))))
                .isEqualTo("ELDERLY");
        assertThat(SampleChecks.stratumOf("")).isEqualTo("NONE");
    }
}
