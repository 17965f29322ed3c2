package org.dangan.workflow.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.internal.RecordRows;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.storage.BoxBarcode;
import org.dangan.workflow.storage.StorageAdministration;
import org.springframework.context.ApplicationEventPublisher;
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
    private final StorageAdministration storage;
    private final Institutions institutions;
    private final CustodyLedger ledger;
    private final ApplicationEventPublisher events;
    private final RecordRows rows;

    RegistryAdministration(
            HealthRecordRepository records,
            PaperFileRepository paperFiles,
            StorageAdministration storage,
            Institutions institutions,
            CustodyLedger ledger,
            ApplicationEventPublisher events,
            RecordRows rows) {
        this.rows = rows;
        this.ledger = ledger;
        this.events = events;
        this.institutions = institutions;
        this.records = records;
        this.paperFiles = paperFiles;
        this.storage = storage;
    }

    /** The record number must start with the managing institution's code: list queries rely on it. */
    public HealthRecord register(HealthRecord record) {
        String code = institutions.require(record.getInstitutionId()).getCode();
        if (!RecordNumber.of(record.getRecordNumber()).belongsTo(code)) {
            throw Refused.invalid("record.number.institution", record.getRecordNumber(), code);
        }
        HealthRecord saved = records.save(record);
        rows.indexIdNumber(saved.getId(), saved.getIdNumber());
        return saved;
    }

    /**
     * Registers records as {@link #register(HealthRecord)} does, in one batch: the demo's thousands
     * took a statement and a persistence-context entry each. The records stay unmanaged (no id).
     */
    public void registerAll(List<HealthRecord> batch) {
        Map<Long, String> codes = new HashMap<>();
        for (HealthRecord record : batch) {
            String code = codes.computeIfAbsent(
                    record.getInstitutionId(), id -> institutions.require(id).getCode());
            if (!RecordNumber.of(record.getRecordNumber()).belongsTo(code)) {
                throw Refused.invalid("record.number.institution", record.getRecordNumber(), code);
            }
        }
        rows.insert(batch.stream()
                .map(r -> new RecordRows.Row(
                        r.getRecordNumber(),
                        r.getName(),
                        r.getGender(),
                        r.getBirthDate(),
                        r.getIdNumber(),
                        r.getPhone(),
                        r.getAddress(),
                        r.getKeyPopulations(),
                        r.getStatus(),
                        r.getInstitutionId(),
                        r.getLastServiceDate(),
                        r.getDeceasedOn(),
                        null))
                .toList());
    }

    /** A paper file arriving with the pages it holds, and the box it is shelved in (null: not shelved yet). */
    public record ArrivingFile(
            String fileNumber, String recordNumber, Map<DocumentType, Integer> contents, BoxBarcode box) {}

    /**
     * Receives paper files as {@link #register(PaperFile)} and {@link #store} do one at a time, with
     * the same checks and ledger entries (RECEIVED in the record's institution's chain, STORED in the
     * box's), in one batch each instead of six queries a file.
     */
    public void receiveAll(List<ArrivingFile> arriving) {
        Map<String, Long> institutionOf = rows.institutionsOf(
                arriving.stream().map(ArrivingFile::recordNumber).toList());
        Map<BoxBarcode, Box> boxes = new HashMap<>();
        Map<Long, Long> filled = new HashMap<>();
        List<RecordRows.PaperFileRow> files = new ArrayList<>();
        Map<Long, List<CustodyLedger.NewEntry>> received = new LinkedHashMap<>();
        Map<Long, List<CustodyLedger.NewEntry>> stored = new LinkedHashMap<>();
        for (ArrivingFile a : arriving) {
            Long institutionId = institutionOf.get(a.recordNumber());
            if (institutionId == null) {
                throw Refused.notFound("record.missing", a.recordNumber());
            }
            Institution owner = institutions.require(institutionId);
            PaperFile file = new PaperFile(a.fileNumber(), null, a.contents());
            received.computeIfAbsent(institutionId, id -> new ArrayList<>())
                    .add(new CustodyLedger.NewEntry(
                            CustodySubject.PAPER_FILE,
                            file.getFileNumber(),
                            CustodyEvent.RECEIVED,
                            null,
                            owner.getCode(),
                            "registered"));
            if (a.box() != null) {
                Box box = boxes.computeIfAbsent(
                        a.box(), b -> storage.box(b).orElseThrow(() -> Refused.notFound("labels.boxMissing", b)));
                if (!institutions.require(box.getInstitutionId()).contains(owner)) {
                    throw Refused.invalid("box.fileOtherInstitution", a.box(), a.fileNumber());
                }
                long inBox = filled.computeIfAbsent(box.getId(), paperFiles::countByBoxId);
                if (inBox >= box.getCapacity()) {
                    throw Refused.of("box.full", a.box(), box.getCapacity());
                }
                filled.put(box.getId(), inBox + 1);
                file.storeIn(box.getId());
                stored.computeIfAbsent(box.getInstitutionId(), id -> new ArrayList<>())
                        .add(new CustodyLedger.NewEntry(
                                CustodySubject.PAPER_FILE,
                                file.getFileNumber(),
                                CustodyEvent.STORED,
                                null,
                                box.getBarcode().value(),
                                null));
            }
            files.add(new RecordRows.PaperFileRow(
                    file.getFileNumber(),
                    a.recordNumber(),
                    file.getPageCount(),
                    file.getState(),
                    file.getBoxId(),
                    file.getContents()));
        }
        rows.insertPaperFiles(files);
        received.forEach(ledger::appendAll);
        stored.forEach(ledger::appendAll);
    }

    /** Registers a paper file as received by its record's managing institution (a ledger entry). */
    public PaperFile register(PaperFile file) {
        PaperFile saved = paperFiles.save(file);
        HealthRecord record = records.findById(saved.getRecordId()).orElseThrow();
        ledger.append(
                record.getInstitutionId(),
                new CustodyLedger.NewEntry(
                        CustodySubject.PAPER_FILE,
                        saved.getFileNumber(),
                        CustodyEvent.RECEIVED,
                        null,
                        institutions.require(record.getInstitutionId()).getCode(),
                        "registered"));
        return saved;
    }

    public PaperFile store(String fileNumber, BoxBarcode barcode) {
        PaperFile file = paperFiles
                .findByFileNumber(fileNumber)
                .orElseThrow(() -> new IllegalArgumentException("no paper file " + fileNumber));
        Box box = storage.box(barcode).orElseThrow(() -> Refused.notFound("labels.boxMissing", barcode));
        HealthRecord record = records.findById(file.getRecordId()).orElseThrow();
        // a village clinic keeps no rooms: its files may sit in the boxes of the township above it
        if (!institutions.require(box.getInstitutionId()).contains(institutions.require(record.getInstitutionId()))) {
            throw Refused.invalid("box.fileOtherInstitution", barcode, fileNumber);
        }
        if (!box.getId().equals(file.getBoxId()) && paperFiles.countByBoxId(box.getId()) >= box.getCapacity()) {
            throw Refused.of("box.full", barcode, box.getCapacity());
        }
        if (!box.getId().equals(file.getBoxId())) {
            String from = file.getBoxId() == null
                    ? null
                    : storage.box(file.getBoxId()).orElseThrow().getBarcode().value();
            file.storeIn(box.getId());
            ledger.append(
                    box.getInstitutionId(),
                    new CustodyLedger.NewEntry(
                            CustodySubject.PAPER_FILE,
                            fileNumber,
                            from == null ? CustodyEvent.STORED : CustodyEvent.MOVED,
                            from,
                            box.getBarcode().value(),
                            null));
        }
        return file;
    }

    /** A file handed out of its box to someone (its box stays its home); a ledger entry. */
    public PaperFile checkOut(String fileNumber, String to, String reason) {
        PaperFile file = file(fileNumber);
        Box box = homeBox(file);
        file.checkOut();
        ledger.append(
                box.getInstitutionId(),
                new CustodyLedger.NewEntry(
                        CustodySubject.PAPER_FILE,
                        fileNumber,
                        CustodyEvent.CHECKED_OUT,
                        box.getBarcode().value(),
                        to,
                        reason));
        return file;
    }

    /** A file given back and put into its box again; a ledger entry. */
    public PaperFile giveBack(String fileNumber, String reason) {
        PaperFile file = file(fileNumber);
        Box box = homeBox(file);
        file.giveBack();
        file.storeIn(box.getId());
        ledger.append(
                box.getInstitutionId(),
                new CustodyLedger.NewEntry(
                        CustodySubject.PAPER_FILE,
                        fileNumber,
                        CustodyEvent.RETURNED,
                        null,
                        box.getBarcode().value(),
                        reason));
        return file;
    }

    /** The paper of a file is destroyed: its metadata and ledger stay; a ledger entry names the disposal. */
    public PaperFile dispose(String fileNumber, String reason) {
        PaperFile file = file(fileNumber);
        Box box = homeBox(file);
        file.dispose();
        ledger.append(
                box.getInstitutionId(),
                new CustodyLedger.NewEntry(
                        CustodySubject.PAPER_FILE,
                        fileNumber,
                        CustodyEvent.DISPOSED,
                        box.getBarcode().value(),
                        null,
                        reason));
        return file;
    }

    private PaperFile file(String fileNumber) {
        return paperFiles
                .findByFileNumber(fileNumber)
                .orElseThrow(() -> new IllegalArgumentException("no paper file " + fileNumber));
    }

    /** The box a file belongs in, even while it is out: checking out, returning and disposing start from it. */
    private Box homeBox(PaperFile file) {
        if (file.getBoxId() == null) {
            throw Refused.of("paperFile.noBox", file.getFileNumber());
        }
        return storage.box(file.getBoxId()).orElseThrow();
    }

    /** What a handover moved: how many of each. */
    public record Transferred(int records, int paperFiles, int boxes, int locations) {}

    /**
     * Hands an institution's whole archive to another in the caller's transaction: its storage
     * locations with their boxes, its records with their paper files. Each box and file gets a
     * TRANSFERRED entry in the giving chain and a RECEIVED entry in the receiving one, so each
     * side's ledger tells its part; {@link RecordsTransferred} tells the other modules.
     */
    public Transferred transferArchive(long fromId, long toId, String reason) {
        Institution from = institutions.require(fromId);
        Institution to = institutions.require(toId);
        to.receiveRecords();
        List<CustodyLedger.NewEntry> given = new ArrayList<>();
        List<CustodyLedger.NewEntry> received = new ArrayList<>();
        List<Box> moving = storage.boxesOf(fromId);
        Map<Long, String> barcodes = new HashMap<>();
        for (Box box : moving) {
            String place = storage.placeOf(box.getLocationId());
            String barcode = box.getBarcode().value();
            barcodes.put(box.getId(), barcode);
            given.add(new CustodyLedger.NewEntry(
                    CustodySubject.BOX, barcode, CustodyEvent.TRANSFERRED, place, to.getCode() + " " + place, reason));
            received.add(new CustodyLedger.NewEntry(
                    CustodySubject.BOX, barcode, CustodyEvent.RECEIVED, from.getCode(), place, reason));
        }
        List<Long> recordIds = records.findIdsByInstitutionId(fromId);
        int files = 0;
        for (PaperFile file : paperFiles.findByInstitutionOfRecord(fromId)) {
            if (file.getState() == PaperFileState.DISPOSED) {
                continue;
            }
            files++;
            String box = file.getBoxId() == null ? null : barcodes.get(file.getBoxId());
            given.add(new CustodyLedger.NewEntry(
                    CustodySubject.PAPER_FILE,
                    file.getFileNumber(),
                    CustodyEvent.TRANSFERRED,
                    box,
                    to.getCode() + (box == null ? "" : " " + box),
                    reason));
            received.add(new CustodyLedger.NewEntry(
                    CustodySubject.PAPER_FILE,
                    file.getFileNumber(),
                    CustodyEvent.RECEIVED,
                    from.getCode(),
                    box,
                    reason));
        }
        ledger.appendAll(fromId, given);
        ledger.appendAll(toId, received);
        int moved = storage.reassign(fromId, toId);
        records.reassign(fromId, toId);
        events.publishEvent(new RecordsTransferred(fromId, toId, List.copyOf(recordIds)));
        return new Transferred(recordIds.size(), files, moving.size(), moved);
    }

    /**
     * Moves one resident's record to another institution (转出/转入) in the caller's transaction: each
     * paper file leaves its box (TRANSFERRED in the giving chain) and is received, unboxed, by the
     * other institution (RECEIVED in its chain); {@link RecordsTransferred} takes the documents along.
     */
    public void transferRecord(long recordId, long toId, String reason) {
        HealthRecord record = records.findById(recordId).orElseThrow();
        long fromId = record.getInstitutionId();
        Institution from = institutions.require(fromId);
        Institution to = institutions.require(toId);
        to.receiveRecords();
        List<CustodyLedger.NewEntry> given = new ArrayList<>();
        List<CustodyLedger.NewEntry> received = new ArrayList<>();
        for (PaperFile file : paperFiles.findByRecordIdOrderByFileNumber(recordId)) {
            if (file.getState() == PaperFileState.DISPOSED) {
                continue;
            }
            String box = file.getBoxId() == null
                    ? null
                    : storage.box(file.getBoxId()).orElseThrow().getBarcode().value();
            file.transfer();
            given.add(new CustodyLedger.NewEntry(
                    CustodySubject.PAPER_FILE,
                    file.getFileNumber(),
                    CustodyEvent.TRANSFERRED,
                    box,
                    to.getCode(),
                    reason));
            received.add(new CustodyLedger.NewEntry(
                    CustodySubject.PAPER_FILE,
                    file.getFileNumber(),
                    CustodyEvent.RECEIVED,
                    from.getCode(),
                    to.getCode(),
                    reason));
        }
        ledger.appendAll(fromId, given);
        ledger.appendAll(toId, received);
        record.transferTo(toId);
        events.publishEvent(new RecordsTransferred(fromId, toId, List.of(recordId)));
    }
}
