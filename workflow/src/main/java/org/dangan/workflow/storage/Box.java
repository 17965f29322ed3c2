package org.dangan.workflow.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dangan.workflow.platform.Refused;

/** 档案盒: holds paper files on a shelf or in a cabinet. */
@Entity
@Table(name = "box")
public class Box {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 12)
    private String barcode;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "location_id", nullable = false)
    private Long locationId;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Column(nullable = false)
    private int position;

    protected Box() {}

    public Box(BoxBarcode barcode, int capacity, StorageLocation location) {
        if (capacity <= 0) {
            throw Refused.invalid("box.capacity", capacity);
        }
        if (!location.holdsBoxes()) {
            throw Refused.invalid("box.notOnShelf", location.getType());
        }
        this.barcode = barcode.value();
        this.capacity = capacity;
        this.locationId = location.getId();
        this.institutionId = location.getInstitutionId();
    }

    /** The place on its shelf or in its cabinet, counted from 1; the register gives the next free one. */
    void standAt(int position) {
        if (position < 1) {
            throw Refused.invalid("box.position", position);
        }
        this.position = position;
    }

    /** Moves the box to another shelf or cabinet of its institution, at the given position there. */
    void moveTo(StorageLocation location, int position) {
        if (!location.holdsBoxes()) {
            throw Refused.invalid("box.notOnShelf", location.getType());
        }
        if (!location.getInstitutionId().equals(institutionId)) {
            throw Refused.invalid("box.otherInstitution", barcode);
        }
        this.locationId = location.getId();
        standAt(position);
    }

    public int getPosition() {
        return position;
    }

    public Long getId() {
        return id;
    }

    public BoxBarcode getBarcode() {
        return new BoxBarcode(barcode);
    }

    public int getCapacity() {
        return capacity;
    }

    public Long getLocationId() {
        return locationId;
    }

    public Long getInstitutionId() {
        return institutionId;
    }
}
