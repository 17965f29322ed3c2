package org.dangan.workflow.registry;

import java.time.LocalDate;
import java.util.Set;

/** The fields to change in a record; null leaves a field as it is. */
public record RecordCorrection(
        String name,
        Gender gender,
        LocalDate birthDate,
        String idNumber,
        String phone,
        String address,
        Set<KeyPopulation> keyPopulations,
        LocalDate lastServiceDate) {

    public static RecordCorrection lastServed(LocalDate date) {
        return new RecordCorrection(null, null, null, null, null, null, null, date);
    }
}
