package org.dangan.workflow.registry;

import java.time.LocalDate;
import java.util.Set;

/**
 * A record as stored, with its managing institution's code, for checks that read records in bulk;
 * {@code numberedBy} is the code its number carries when another institution gave it (handover, transfer).
 */
public record StoredRecord(
        long id,
        String recordNumber,
        String name,
        Gender gender,
        LocalDate birthDate,
        String idNumber,
        long institutionId,
        String institutionCode,
        Set<KeyPopulation> keyPopulations,
        RecordStatus status,
        LocalDate lastServiceDate,
        String numberedBy) {}
