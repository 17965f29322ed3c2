package org.dangan.workflow.registry;

import java.time.LocalDate;

/**
 * Filters of the record list. {@code q} is a record-number prefix, a whole ID number, or the
 * start of a name; {@code institution} an institution code whose subtree is searched;
 * {@code notServedSince} keeps managed records without a service on or after that day (the records
 * behind a low dynamic-use rate).
 */
public record RecordQuery(
        String q, String institution, RecordStatus status, KeyPopulation keyPopulation, LocalDate notServedSince) {

    public RecordQuery(String q, String institution, RecordStatus status, KeyPopulation keyPopulation) {
        this(q, institution, status, keyPopulation, null);
    }

    public static RecordQuery all() {
        return new RecordQuery(null, null, null, null);
    }

    /** Anything in {@code q} that is not a record-number prefix or a whole ID number is the start of a name. */
    public boolean searchesByName() {
        String t = q == null ? "" : q.strip();
        return !t.isEmpty() && !t.matches("\\d{1,17}") && !searchesByIdNumber();
    }

    public boolean searchesByIdNumber() {
        return ResidentId.looksLikeOne(q);
    }

    public boolean hasTextFilter() {
        return q != null && !q.isBlank();
    }

    public String describe() {
        // for the audit log: no names or ID numbers, only which filters were used
        StringBuilder s = new StringBuilder();
        if (q != null && !q.isBlank()) {
            s.append(
                    q.strip().matches("\\d{1,17}")
                            ? "q=record-number-prefix "
                            : searchesByIdNumber() ? "q=id-number " : "q=text ");
        }
        if (institution != null && !institution.isBlank()) {
            s.append("institution=").append(institution).append(' ');
        }
        if (status != null) {
            s.append("status=").append(status).append(' ');
        }
        if (keyPopulation != null) {
            s.append("keyPopulation=").append(keyPopulation).append(' ');
        }
        if (notServedSince != null) {
            s.append("notServedSince=").append(notServedSince).append(' ');
        }
        return s.toString().strip();
    }
}
