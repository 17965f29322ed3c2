package org.dangan.workflow.institution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A node of province > city > county > township/community > village. {@code path} holds the ids
 * from the root ("/1/4/9/"), so a subtree is one prefix query.
 */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 12)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private InstitutionType type;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false, length = 500)
    private String path = "/";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private InstitutionStatus status = InstitutionStatus.ACTIVE;

    @Column(name = "successor_id")
    private Long successorId;

    /** Holds records numbered by another institution, received by handover or transfer-in. */
    @Column(name = "received_records", nullable = false)
    private boolean receivedRecords;

    @Version
    private long version;

    protected Institution() {}

    Institution(String code, String name, InstitutionType type, Institution parent) {
        if (!code.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw new IllegalArgumentException("institution code must have 6, 9 or 12 digits: " + code);
        }
        if (parent != null && parent.code.length() > code.length()) {
            throw new IllegalArgumentException(
                    "institution code " + code + " is shorter than its parent's " + parent.code);
        }
        if (parent != null && code.length() > 6 && !code.startsWith(parent.code)) {
            throw new IllegalArgumentException(
                    "institution code " + code + " does not start with its parent's " + parent.code);
        }
        this.code = code;
        this.name = name;
        this.type = type;
        this.parentId = parent == null ? null : parent.id;
    }

    /** Called once the id is known. */
    void placeUnder(Institution parent) {
        this.path = (parent == null ? "/" : parent.path) + id + "/";
    }

    /** A merged or closed institution hands its archive to its successor and keeps no users. */
    public void retire(InstitutionStatus newStatus, Institution successor) {
        if (status != InstitutionStatus.ACTIVE) {
            throw new IllegalStateException("institution " + code + " is already " + status);
        }
        if (newStatus == InstitutionStatus.ACTIVE) {
            throw new IllegalArgumentException("retire to MERGED or CLOSED, not ACTIVE");
        }
        this.status = newStatus;
        this.successorId = successor == null ? null : successor.id;
    }

    /** Takes in records numbered elsewhere: its record numbers no longer all start with its code. */
    public void receiveRecords() {
        if (status != InstitutionStatus.ACTIVE) {
            throw new IllegalStateException("institution " + code + " is " + status + " and receives no records");
        }
        receivedRecords = true;
    }

    public boolean hasReceivedRecords() {
        return receivedRecords;
    }

    public boolean contains(Institution other) {
        return other.path.startsWith(path);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public InstitutionType getType() {
        return type;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getPath() {
        return path;
    }

    public InstitutionStatus getStatus() {
        return status;
    }

    public Long getSuccessorId() {
        return successorId;
    }
}
