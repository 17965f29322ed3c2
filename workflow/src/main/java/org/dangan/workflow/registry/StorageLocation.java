package org.dangan.workflow.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** site > room > cabinet/shelf, each owned by one institution. Boxes sit in the innermost level. */
@Entity
@Table(name = "storage_location")
public class StorageLocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LocationType type;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    protected StorageLocation() {
    }

    public StorageLocation(String name, LocationType type, StorageLocation parent, Long institutionId) {
        if (parent == null && type != LocationType.SITE) {
            throw new IllegalArgumentException("only a site stands at the top; a " + type + " needs a parent");
        }
        if (parent != null && !parent.type.mayContain(type)) {
            throw new IllegalArgumentException("a " + parent.type + " cannot contain a " + type);
        }
        if (parent != null && !parent.institutionId.equals(institutionId)) {
            throw new IllegalArgumentException("a location belongs to the institution of its parent");
        }
        this.name = name;
        this.type = type;
        this.parentId = parent == null ? null : parent.id;
        this.institutionId = institutionId;
    }

    public boolean holdsBoxes() {
        return type == LocationType.SHELF || type == LocationType.CABINET;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocationType getType() {
        return type;
    }

    public Long getParentId() {
        return parentId;
    }

    public Long getInstitutionId() {
        return institutionId;
    }
}
