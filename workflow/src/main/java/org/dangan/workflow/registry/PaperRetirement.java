package org.dangan.workflow.registry;

import java.util.ArrayList;
import java.util.List;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    private final BoxRepository boxes;
    private final StorageLocationRepository locations;
    private final HealthRecordRepository records;
    private final Institutions institutions;
    private final NamedParameterJdbcTemplate jdbc;
    private final RegistryAdministration administration;
    private final org.dangan.workflow.custody.CustodyLedger ledger;

    PaperRetirement(PaperFileRepository paperFiles, BoxRepository boxes, StorageLocationRepository locations,
                    HealthRecordRepository records, Institutions institutions, NamedParameterJdbcTemplate jdbc,
                    RegistryAdministration administration, org.dangan.workflow.custody.CustodyLedger ledger) {
        this.administration = administration;
        this.ledger = ledger;
        this.paperFiles = paperFiles;
        this.boxes = boxes;
        this.locations = locations;
        this.records = records;
        this.institutions = institutions;
        this.jdbc = jdbc;
    }

    /** Answers the box the file is kept in. */
    public long retire(long paperFileId) {
        PaperFile file = paperFiles.findById(paperFileId)
                .orElseThrow(() -> new IllegalArgumentException("no paper file " + paperFileId));
        if (file.getBoxId() != null) {
            file.retire(file.getBoxId());
            return file.getBoxId();
        }
        Box box = boxes.findById(boxWithRoomFor(file)).orElseThrow();
        file.retire(box.getId());
        ledger.append(box.getInstitutionId(), new org.dangan.workflow.custody.CustodyLedger.NewEntry(
                org.dangan.workflow.custody.CustodySubject.PAPER_FILE, file.getFileNumber(),
                org.dangan.workflow.custody.CustodyEvent.STORED, null, box.getBarcode().value(), "retired after sign-off"));
        return box.getId();
    }

    private long boxWithRoomFor(PaperFile file) {
        List<Long> keepers = keepersOf(records.findById(file.getRecordId()).orElseThrow().getInstitutionId());
        List<Long> withRoom = jdbc.queryForList("""
                select b.id from box b where b.institution_id in (:ids)
                and (select count(*) from paper_file f where f.box_id = b.id) < b.capacity
                order by b.id limit 1""", new MapSqlParameterSource("ids", keepers), Long.class);
        if (!withRoom.isEmpty()) {
            return withRoom.get(0);
        }
        StorageLocation shelf = locations.findByInstitutionIdInOrderByName(keepers).stream()
                .filter(StorageLocation::holdsBoxes).findFirst()
                .orElseThrow(() -> org.dangan.workflow.platform.Refused.of("paperFile.noShelf", file.getFileNumber()));
        return administration.register(new Box(administration.nextBoxBarcode(), NEW_BOX_CAPACITY, shelf)).getId();
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
