package org.dangan.workflow.verification;

import java.time.LocalDate;
import java.util.Set;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.StoredRecord;

/** What the rules look at: a record as stored, with its managing institution's code. */
public record RecordFacts(
        String recordNumber,
        String name,
        Gender gender,
        LocalDate birthDate,
        String idNumber,
        String institutionCode,
        Set<KeyPopulation> keyPopulations,
        RecordStatus status,
        LocalDate lastServiceDate) {

    public RecordFacts {
        keyPopulations = keyPopulations == null ? Set.of() : Set.copyOf(keyPopulations);
    }

    /** A record received from another institution is checked against the code its number carries. */
    public static RecordFacts of(StoredRecord r) {
        return new RecordFacts(
                r.recordNumber(),
                r.name(),
                r.gender(),
                r.birthDate(),
                r.idNumber(),
                r.numberedBy() != null ? r.numberedBy() : r.institutionCode(),
                r.keyPopulations(),
                r.status(),
                r.lastServiceDate());
    }
}
