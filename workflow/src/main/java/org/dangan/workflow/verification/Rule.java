package org.dangan.workflow.verification;

/**
 * The automated checks of a record, each with a code (used in the API, the database and the
 * message keys {@code rule.CODE}) and a default severity.
 */
public enum Rule {
    REQUIRED_FIELDS(Severity.ERROR),
    ID_NUMBER_INVALID(Severity.ERROR),
    ID_GENDER(Severity.ERROR),
    ID_BIRTH_DATE(Severity.ERROR),
    RECORD_NUMBER_INSTITUTION(Severity.ERROR),
    ELDERLY_TAG_AGE(Severity.ERROR),
    CHILD_TAG_AGE(Severity.ERROR),
    TAG_CONFLICT(Severity.WARNING),
    SERVICE_DATE_FUTURE(Severity.ERROR),
    SERVICE_BEFORE_BIRTH(Severity.ERROR),
    STALE(Severity.WARNING),
    DECEASED_OR_MOVED_OUT(Severity.WARNING),
    /** Found across records, not by {@link RuleBook}: the same ID number on several records. */
    DUPLICATE_ID_NUMBER(Severity.ERROR),
    /** Found across records: the same name and birth date in one village. */
    DUPLICATE_NAME_BIRTH_VILLAGE(Severity.ERROR);

    private final Severity defaultSeverity;

    Rule(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String messageKey() {
        return "rule." + name();
    }
}
