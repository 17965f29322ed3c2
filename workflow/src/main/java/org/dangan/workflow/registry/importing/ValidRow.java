package org.dangan.workflow.registry.importing;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.KeyPopulation;

/** A row that passed every check, ready to be written. */
record ValidRow(
        long line,
        String recordNumber,
        String name,
        Gender gender,
        LocalDate birthDate,
        String idNumber,
        String phone,
        String address,
        Set<KeyPopulation> keyPopulations,
        LocalDate lastServiceDate,
        Long institutionId,
        String fileNumber,
        Map<DocumentType, Integer> contents) {}
