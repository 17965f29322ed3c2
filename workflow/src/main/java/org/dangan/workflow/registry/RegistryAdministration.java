package org.dangan.workflow.registry;

import org.dangan.workflow.institution.Institutions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to the registry on behalf of the system (demo data, fixtures, later the import of a
 * handover bag). User-facing changes go through services that check scope.
 */
@Service
@Transactional
public class RegistryAdministration {

    private final HealthRecordRepository records;
    private final PaperFileRepository paperFiles;
    private final StorageLocationRepository locations;
    private final BoxRepository boxes;
    private final Institutions institutions;

    RegistryAdministration(HealthRecordRepository records, PaperFileRepository paperFiles,
                           StorageLocationRepository locations, BoxRepository boxes, Institutions institutions) {
        this.institutions = institutions;
        this.records = records;
        this.paperFiles = paperFiles;
        this.locations = locations;
        this.boxes = boxes;
    }

    /** The record number must start with the managing institution's code: list queries rely on it. */
    public HealthRecord register(HealthRecord record) {
        String code = institutions.require(record.getInstitutionId()).getCode();
        if (!RecordNumber.of(record.getRecordNumber()).belongsTo(code)) {
            throw new IllegalArgumentException("record number " + record.getRecordNumber()
                    + " does not start with the code " + code + " of its managing institution");
        }
        return records.save(record);
    }

    public PaperFile register(PaperFile file) {
        return paperFiles.save(file);
    }

    public StorageLocation register(StorageLocation location) {
        return locations.save(location);
    }

    public Box register(Box box) {
        return boxes.save(box);
    }

    public PaperFile store(String fileNumber, BoxBarcode barcode) {
        PaperFile file = paperFiles.findByFileNumber(fileNumber)
                .orElseThrow(() -> new IllegalArgumentException("no paper file " + fileNumber));
        Box box = boxes.findByBarcode(barcode.value())
                .orElseThrow(() -> new IllegalArgumentException("no box " + barcode));
        HealthRecord record = records.findById(file.getRecordId()).orElseThrow();
        // a village clinic keeps no rooms: its files may sit in the boxes of the township above it
        if (!institutions.require(box.getInstitutionId()).contains(institutions.require(record.getInstitutionId()))) {
            throw new IllegalArgumentException("box " + barcode + " belongs to another institution than file " + fileNumber);
        }
        if (!box.getId().equals(file.getBoxId()) && paperFiles.countByBoxId(box.getId()) >= box.getCapacity()) {
            throw new IllegalStateException("box " + barcode + " is full: it holds " + box.getCapacity() + " files");
        }
        file.storeIn(box.getId());
        return file;
    }
}
