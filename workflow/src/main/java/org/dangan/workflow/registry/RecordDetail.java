package org.dangan.workflow.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A record with its paper files, as one reader may see it: the ID number masked. */
public record RecordDetail(
        String recordNumber,
        String name,
        Gender gender,
        LocalDate birthDate,
        String idNumber,
        String phone,
        String address,
        Set<KeyPopulation> keyPopulations,
        RecordStatus status,
        String institutionCode,
        String institutionName,
        LocalDate lastServiceDate,
        LocalDate deceasedOn,
        String duplicateOf,
        List<PaperFileView> paperFiles) {

    public record PaperFileView(
            String fileNumber,
            int pageCount,
            Map<DocumentType, Integer> contents,
            PaperFileState state,
            String boxBarcode,
            String place,
            Integer boxPosition) {}
}
