package org.dangan.workflow.registry;

import java.time.LocalDate;
import java.util.Set;

/** A line of the record list. The ID number is always masked here. */
public record RecordSummary(
        String recordNumber,
        String name,
        Gender gender,
        LocalDate birthDate,
        String idNumber,
        RecordStatus status,
        String institutionCode,
        String institutionName,
        Set<KeyPopulation> keyPopulations,
        LocalDate lastServiceDate) {}
