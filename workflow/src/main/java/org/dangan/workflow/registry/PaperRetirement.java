package org.dangan.workflow.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.storage.StorageAdministration;
import org.dangan.workflow.storage.StorageLocation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retires a signed-off paper file: it keeps its box, or goes into a box of its institution (or
 * the township above a village clinic) that has room; when none has, a new box is opened on the
 * first shelf or cabinet of that institution. System work, called by the campaign's sign-off.
 */
@Service
@Transactional
public class PaperRetirement {

    static final int NEW_BOX_CAPACITY = 200;

    private final PaperFileRepository paperFiles;
    private final StorageAdministration storage;
    private final PaperFilesInBoxes contents;
    private final HealthRecordRepository records;
    private final Institutions institutions;
    private final CustodyLedger ledger;

    PaperRetirement(
            PaperFileRepository paperFiles,
            StorageAdministration storage,
            PaperFilesInBoxes contents,
            HealthRecordRepository records,
            Institutions institutions,
            CustodyLedger ledger) {
        this.ledger = ledger;
        this.paperFiles = paperFiles;
        this.storage = storage;
        this.contents = contents;
        this.records = records;
        this.institutions = institutions;
    }

    /** Answers the box the file is kept in. */
    public long retire(long paperFileId) {
        PaperFile file = paperFiles
                .findById(paperFileId)
                .orElseThrow(() -> new IllegalArgumentException("no paper file " + paperFileId));
        if (file.getBoxId() != null) {
            file.retire(file.getBoxId());
            return file.getBoxId();
        }
        Box box = boxWithRoomFor(file);
        file.retire(box.getId());
        ledger.append(
                box.getInstitutionId(),
                new CustodyLedger.NewEntry(
                        CustodySubject.PAPER_FILE,
                        file.getFileNumber(),
                        CustodyEvent.STORED,
                        null,
                        box.getBarcode().value(),
                        "retired after sign-off"));
        return box.getId();
    }

    /** The oldest box of the keepers with room, or a new one. */
    private Box boxWithRoomFor(PaperFile file) {
        List<Long> keepers =
                keepersOf(records.findById(file.getRecordId()).orElseThrow().getInstitutionId());
        List<Box> boxes = storage.boxesOfInOrderOfId(keepers);
        Map<Long, Integer> files =
                contents.fileCounts(boxes.stream().map(Box::getId).toList());
        for (Box box : boxes) {
            if (files.getOrDefault(box.getId(), 0) < box.getCapacity()) {
                return box;
            }
        }
        StorageLocation shelf = storage.locationsOf(keepers).stream()
                .filter(StorageLocation::holdsBoxes)
                .findFirst()
                .orElseThrow(() -> Refused.of("paperFile.noShelf", file.getFileNumber()));
        return storage.register(new Box(storage.nextBoxBarcode(), NEW_BOX_CAPACITY, shelf));
    }

    /** The record's institution and, for a village clinic, the institutions above it that keep paper. */
    private List<Long> keepersOf(long institutionId) {
        List<Long> keepers = new ArrayList<>();
        Institution at = institutions.require(institutionId);
        while (at != null && at.getType().primaryCare()) {
            keepers.add(at.getId());
            at = at.getParentId() == null ? null : institutions.require(at.getParentId());
        }
        return keepers.isEmpty() ? List.of(institutionId) : keepers;
    }
}
