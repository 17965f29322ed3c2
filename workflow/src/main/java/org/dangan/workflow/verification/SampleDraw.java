package org.dangan.workflow.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.dangan.workflow.platform.Refused;

/**
 * The county sample check's draw (县级按比例抽查): a proportion of an institution's records,
 * at least a minimum and never more than there are, stratified by key population so every group
 * is represented in proportion, and reproducible: the same population, rate and seed always give
 * the same sample, so a disputed sample can be drawn again in front of the institution.
 */
public final class SampleDraw {

    public static final BigDecimal DEFAULT_RATE = new BigDecimal("0.05");
    public static final int DEFAULT_MINIMUM = 30;

    private SampleDraw() {}

    /** A record in the population and the stratum it belongs to (its first visible key population, or none). */
    public record Member(String recordNumber, String stratum) {}

    /** How many to draw: rate of the population, rounded up, at least the minimum, at most everyone. */
    public static int size(int population, BigDecimal rate, int minimum) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw Refused.invalid("campaign.sampleRateRange", rate.toPlainString());
        }
        int proportional = rate.multiply(BigDecimal.valueOf(population))
                .setScale(0, RoundingMode.CEILING)
                .intValue();
        return Math.min(population, Math.max(proportional, minimum));
    }

    /**
     * Draws the sample. Strata get seats in proportion to their size (largest remainder, ties by
     * stratum name); within a stratum, records are shuffled with a generator seeded from the seed
     * and the stratum, after sorting, so neither input order nor other strata change the result.
     */
    public static List<String> draw(List<Member> population, BigDecimal rate, int minimum, long seed) {
        int n = size(population.size(), rate, minimum);
        Map<String, List<String>> strata = new TreeMap<>();
        for (Member m : population) {
            strata.computeIfAbsent(m.stratum(), k -> new ArrayList<>()).add(m.recordNumber());
        }
        Map<String, Integer> seats = allocate(strata, n, population.size());
        List<String> sample = new ArrayList<>(n);
        for (Map.Entry<String, List<String>> stratum : strata.entrySet()) {
            List<String> members = new ArrayList<>(stratum.getValue());
            Collections.sort(members);
            Collections.shuffle(members, new Random(seed * 31 + stratum.getKey().hashCode()));
            sample.addAll(members.subList(0, seats.get(stratum.getKey())));
        }
        Collections.sort(sample);
        return sample;
    }

    private static Map<String, Integer> allocate(Map<String, List<String>> strata, int n, int total) {
        Map<String, Integer> seats = new TreeMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int given = 0;
        for (Map.Entry<String, List<String>> s : strata.entrySet()) {
            double exact = total == 0 ? 0 : (double) n * s.getValue().size() / total;
            int whole = (int) Math.floor(exact);
            seats.put(s.getKey(), whole);
            given += whole;
            remainders.add(Map.entry(s.getKey(), exact - whole));
        }
        remainders.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; given < n; i++) {
            String key = remainders.get(i % remainders.size()).getKey();
            if (seats.get(key) < strata.get(key).size()) {
                seats.merge(key, 1, Integer::sum);
                given++;
            }
        }
        return seats;
    }
}
