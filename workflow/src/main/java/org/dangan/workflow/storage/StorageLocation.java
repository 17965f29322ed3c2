package org.dangan.workflow.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import org.dangan.workflow.platform.Refused;

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

    protected StorageLocation() {}

    public StorageLocation(String name, LocationType type, StorageLocation parent, Long institutionId) {
        if (parent == null && type != LocationType.SITE) {
            throw Refused.invalid("location.parentRequired", type);
        }
        if (parent != null && !parent.type.mayContain(type)) {
            throw Refused.invalid("location.cannotContain", parent.type, type);
        }
        if (parent != null && !parent.institutionId.equals(institutionId)) {
            throw Refused.invalid("location.parentInstitution");
        }
        this.name = name;
        this.type = type;
        this.parentId = parent == null ? null : parent.id;
        this.institutionId = institutionId;
    }

    public boolean holdsBoxes() {
        return type.holdsBoxes();
    }

    /** What a shelf's or cabinet's printed label says, for a scanner to pick it as a target. */
    public static String labelCode(long id) {
        return "L" + id;
    }

    /** The location a scanned label names, when the code is a location label at all. */
    public static Optional<Long> idOfLabel(String code) {
        return code != null && code.matches("L\\d{1,18}")
                ? Optional.of(Long.parseLong(code.substring(1)))
                : Optional.empty();
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
