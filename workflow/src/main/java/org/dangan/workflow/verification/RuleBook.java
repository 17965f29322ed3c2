package org.dangan.workflow.verification;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.platform.InvalidIdentifierException;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.ResidentId;

/**
 * The rule checks of one record against the national basic public health service specification
 * (3rd edition) as the notice asks: wrong or missing data, contradictions, stale records.
 * Pure: no database, so a batch of a million records is checked at the speed of reading them.
 * Duplicates need the other records and are found elsewhere.
 */
public final class RuleBook {

    /** 65 and over is 老年人 in the basic public health service. */
    static final int ELDERLY_AGE = 65;

    static final int CHILD_MAX_AGE = 6;

    private final Period stalePeriod;
    private final Map<Rule, Severity> severities;

    /**
     * @param stalePeriod a record not served for longer than this is stale (default two years)
     * @param severities  overrides of the default severity, by rule
     */
    public RuleBook(Period stalePeriod, Map<Rule, Severity> severities) {
        this.stalePeriod = stalePeriod;
        this.severities = Map.copyOf(severities);
    }

    public static RuleBook defaults() {
        return new RuleBook(Period.ofYears(2), Map.of());
    }

    public List<Finding> check(RecordFacts r, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        List<Object> missing = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            missing.add("name");
        }
        if (r.gender() == null) {
            missing.add("gender");
        }
        if (r.birthDate() == null) {
            missing.add("birthDate");
        }
        if (r.idNumber() == null || r.idNumber().isBlank()) {
            missing.add("idNumber");
        }
        if (!missing.isEmpty()) {
            findings.add(finding(
                    Rule.REQUIRED_FIELDS,
                    r,
                    String.join(", ", missing.stream().map(Object::toString).toList())));
        }

        checkIdNumber(r, findings);

        try {
            if (!RecordNumber.of(r.recordNumber()).belongsTo(r.institutionCode())) {
                findings.add(finding(Rule.RECORD_NUMBER_INSTITUTION, r, r.institutionCode()));
            }
        } catch (InvalidIdentifierException e) {
            findings.add(finding(Rule.RECORD_NUMBER_INSTITUTION, r, r.institutionCode()));
        }

        if (r.birthDate() != null) {
            int age = Period.between(r.birthDate(), today).getYears();
            if (r.keyPopulations().contains(KeyPopulation.ELDERLY) && age < ELDERLY_AGE) {
                findings.add(finding(Rule.ELDERLY_TAG_AGE, r, age));
            }
            if (r.keyPopulations().contains(KeyPopulation.CHILD_0_6) && age > CHILD_MAX_AGE) {
                findings.add(finding(Rule.CHILD_TAG_AGE, r, age));
            }
        }
        if (r.keyPopulations().contains(KeyPopulation.CHILD_0_6)
                && (r.keyPopulations().contains(KeyPopulation.ELDERLY)
                        || r.keyPopulations().contains(KeyPopulation.PREGNANT_POSTPARTUM))) {
            findings.add(finding(Rule.TAG_CONFLICT, r));
        }

        LocalDate served = r.lastServiceDate();
        if (served != null && served.isAfter(today)) {
            findings.add(finding(Rule.SERVICE_DATE_FUTURE, r, served));
        }
        if (served != null && r.birthDate() != null && served.isBefore(r.birthDate())) {
            findings.add(finding(Rule.SERVICE_BEFORE_BIRTH, r, served));
        }
        if (r.status() == RecordStatus.ACTIVE
                && (served == null || served.plus(stalePeriod).isBefore(today))) {
            findings.add(finding(Rule.STALE, r, served == null ? "-" : served));
        }
        if (r.status() == RecordStatus.DECEASED || r.status() == RecordStatus.MOVED_OUT) {
            findings.add(finding(Rule.DECEASED_OR_MOVED_OUT, r, r.status()));
        }
        return findings;
    }

    private void checkIdNumber(RecordFacts r, List<Finding> findings) {
        if (r.idNumber() == null || r.idNumber().isBlank()) {
            return;
        }
        ResidentId id;
        try {
            id = ResidentId.of(r.idNumber());
        } catch (InvalidIdentifierException e) {
            findings.add(finding(Rule.ID_NUMBER_INVALID, r, e.key()));
            return;
        }
        if (r.gender() != null && id.gender() != r.gender()) {
            findings.add(finding(Rule.ID_GENDER, r));
        }
        if (r.birthDate() != null && !id.birthDate().equals(r.birthDate())) {
            findings.add(finding(Rule.ID_BIRTH_DATE, r, r.birthDate()));
        }
    }

    private Finding finding(Rule rule, RecordFacts r, Object... args) {
        return new Finding(
                rule, severities.getOrDefault(rule, rule.defaultSeverity()), r.recordNumber(), List.of(args));
    }
}
