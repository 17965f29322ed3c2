package org.dangan.workflow.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Storage as the system changes and reads it (demo data, fixtures, the registry putting paper
 * files into boxes, a handover moving a whole archive): locations, boxes with their barcodes and
 * positions, and the ledger entries of a box. User-facing changes go through {@link Locations} and
 * {@link Stocktakes}, which check scope.
 */
@Service
@Transactional
public class StorageAdministration {

    private final StorageLocationRepository locations;
    private final BoxRepository boxes;
    private final Institutions institutions;
    private final CustodyLedger ledger;
    private final EntityManager entities;

    StorageAdministration(
            StorageLocationRepository locations,
            BoxRepository boxes,
            Institutions institutions,
            CustodyLedger ledger,
            EntityManager entities) {
        this.locations = locations;
        this.boxes = boxes;
        this.institutions = institutions;
        this.ledger = ledger;
        this.entities = entities;
    }

    public StorageLocation register(StorageLocation location) {
        return locations.save(location);
    }

    /** Registers a box, received and stored at its location (two ledger entries). */
    public Box register(Box box) {
        box.standAt(nextPosition(box.getLocationId()));
        Box saved = boxes.save(box);
        String place = place(locations.findById(saved.getLocationId()).orElseThrow());
        ledger.appendAll(
                saved.getInstitutionId(),
                List.of(
                        new CustodyLedger.NewEntry(
                                CustodySubject.BOX,
                                saved.getBarcode().value(),
                                CustodyEvent.RECEIVED,
                                null,
                                institutions.require(saved.getInstitutionId()).getCode(),
                                "registered"),
                        new CustodyLedger.NewEntry(
                                CustodySubject.BOX,
                                saved.getBarcode().value(),
                                CustodyEvent.STORED,
                                null,
                                place,
                                "registered")));
        return saved;
    }

    /** A location as people name it, by its id: site / room / shelf. */
    public String placeOf(long locationId) {
        return place(locations.findById(locationId).orElseThrow());
    }

    /** A location as people name it: site / room / shelf. */
    String place(StorageLocation location) {
        LinkedList<String> names = new LinkedList<>();
        for (StorageLocation l = location;
                l != null;
                l = l.getParentId() == null
                        ? null
                        : locations.findById(l.getParentId()).orElse(null)) {
            names.addFirst(l.getName());
        }
        return String.join(" / ", names);
    }

    /** Moves a box to a shelf or cabinet; a ledger entry from the old place to the new. */
    public Box moveBox(String barcode, StorageLocation to, String reason) {
        Box box = boxes.findByBarcode(barcode).orElseThrow(() -> Refused.notFound("labels.boxMissing", barcode));
        // read again under a row lock: two scans of one box at once must make one move, not two ledger entries
        entities.refresh(box, LockModeType.PESSIMISTIC_WRITE);
        if (box.getLocationId().equals(to.getId())) {
            return box;
        }
        String from = place(locations.findById(box.getLocationId()).orElseThrow());
        box.moveTo(to, nextPosition(to.getId()));
        ledger.append(
                box.getInstitutionId(),
                new CustodyLedger.NewEntry(CustodySubject.BOX, barcode, CustodyEvent.MOVED, from, place(to), reason));
        return box;
    }

    public Optional<StorageLocation> location(long id) {
        return locations.findById(id);
    }

    /** The locations of these institutions, by name. */
    public List<StorageLocation> locationsOf(Collection<Long> institutionIds) {
        return locations.findByInstitutionIdInOrderByName(institutionIds);
    }

    /** The locations under a location, itself included, top down. */
    public List<StorageLocation> within(StorageLocation top) {
        List<StorageLocation> all = locations.findByInstitutionIdInOrderByName(List.of(top.getInstitutionId()));
        List<StorageLocation> found = new ArrayList<>(List.of(top));
        for (int i = 0; i < found.size(); i++) {
            Long parent = found.get(i).getId();
            all.stream().filter(l -> parent.equals(l.getParentId())).forEach(found::add);
        }
        return found;
    }

    public Optional<Box> box(long id) {
        return boxes.findById(id);
    }

    public Optional<Box> box(BoxBarcode barcode) {
        return boxes.findByBarcode(barcode.value());
    }

    /** An institution's boxes, by barcode. */
    public List<Box> boxesOf(long institutionId) {
        return boxes.findByInstitutionIdOrderByBarcode(institutionId);
    }

    /** The boxes of these institutions, oldest first. */
    public List<Box> boxesOfInOrderOfId(Collection<Long> institutionIds) {
        return boxes.findByInstitutionIdInOrderById(institutionIds);
    }

    /** Every box's barcode by its id, for checks that go over every paper file at once. */
    @Transactional(readOnly = true)
    public Map<Long, String> barcodes() {
        return boxes.findAll().stream()
                .collect(Collectors.toMap(Box::getId, b -> b.getBarcode().value()));
    }

    /** The barcodes of the given boxes by their ids, read in slices of a thousand ids. */
    @Transactional(readOnly = true)
    public Map<Long, String> barcodes(Collection<Long> boxIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(boxIds));
        Map<Long, String> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            boxes.findAllById(ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .forEach(b -> found.put(b.getId(), b.getBarcode().value()));
        }
        return found;
    }

    /**
     * Gives an institution's locations and boxes to another in the caller's transaction (a handover);
     * the ledger entries of the boxes are the caller's, as they go with those of the paper files.
     * Answers how many locations moved.
     */
    public int reassign(long fromId, long toId) {
        int moved = locations.reassign(fromId, toId);
        boxes.reassign(fromId, toId);
        return moved;
    }

    /** After the last box standing there (a gap left by a box taken away is not filled). */
    private int nextPosition(long locationId) {
        return boxes.lastPosition(locationId) + 1;
    }

    /** The barcode after the highest one given so far. */
    public BoxBarcode nextBoxBarcode() {
        return BoxBarcode.of(boxes.findTopByOrderByBarcodeDesc()
                .map(b -> Long.parseLong(b.getBarcode().value().substring(2)) + 1)
                .orElse(1L));
    }
}
