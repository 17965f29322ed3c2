package org.dangan.workflow.handover;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A handover of one institution's archive to another. It guards its own steps: checked only
 * while awaiting the check, resolved only with differences, approved only once checked and never
 * by the initiator or one who checked (four eyes), transferred only once approved.
 */
@Entity
@Table(name = "handover")
public class Handover {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "from_institution_id", nullable = false)
    private Long fromInstitutionId;

    @Column(name = "to_institution_id", nullable = false)
    private Long toInstitutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false)
    private ChangeKind kind;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HandoverState state = HandoverState.RECORDED;

    @Column(name = "initiated_by", nullable = false)
    private String initiatedBy;

    /** Everyone who checked a delivery of this handover, comma-separated. */
    @Column(name = "checked_by")
    private String checkedBy;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "returned_reason")
    private String returnedReason;

    private int records;

    @Column(name = "paper_files")
    private int paperFiles;

    private int boxes;

    private int pages;

    private int documents;

    @Column(name = "inventory_sha256")
    private String inventorySha256;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "transferred_at")
    private Instant transferredAt;

    @Version
    private long version;

    protected Handover() {
    }

    Handover(long fromInstitutionId, long toInstitutionId, ChangeKind kind, String reason, String initiatedBy, Instant at) {
        if (fromInstitutionId == toInstitutionId) {
            throw new IllegalArgumentException("to: an institution does not hand its archive to itself");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: say why the archive is handed over");
        }
        this.fromInstitutionId = fromInstitutionId;
        this.toInstitutionId = toInstitutionId;
        this.kind = kind;
        this.reason = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        this.initiatedBy = initiatedBy;
        this.createdAt = at;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void inventoried(Inventory inventory) {
        require(HandoverState.RECORDED, "be inventoried");
        this.records = inventory.records();
        this.paperFiles = inventory.paperFiles();
        this.boxes = inventory.boxes().size();
        this.pages = inventory.pages();
        this.documents = inventory.documents();
        this.inventorySha256 = inventory.sha256();
        this.state = HandoverState.CHECKING;
    }

    /** A check by the receiving side: with differences it goes back to the giving side. */
    void checked(String checker, int differences) {
        require(HandoverState.CHECKING, "be checked");
        Set<String> checkers = checkers();
        checkers.add(checker);
        this.checkedBy = String.join(",", checkers);
        this.state = differences == 0 ? HandoverState.CHECKED : HandoverState.DIFFERENCES;
    }

    /** The giving side made good what was missing or damaged: check again. */
    void recheck() {
        require(HandoverState.DIFFERENCES, "be checked again");
        this.state = HandoverState.CHECKING;
    }

    void returned(String why) {
        if (state != HandoverState.DIFFERENCES && state != HandoverState.CHECKED) {
            throw illegal("be returned");
        }
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("reason: a returned handover needs a reason");
        }
        this.returnedReason = why.strip();
        this.state = HandoverState.RETURNED;
    }

    void approved(String supervisor) {
        require(HandoverState.CHECKED, "be approved");
        if (supervisor.equals(initiatedBy) || checkers().contains(supervisor)) {
            throw new IllegalStateException("four eyes: " + supervisor + " initiated or checked handover " + id
                    + " and may not approve it");
        }
        this.approvedBy = supervisor;
        this.state = HandoverState.APPROVED;
    }

    void transferred(Instant at) {
        require(HandoverState.APPROVED, "be transferred");
        this.state = HandoverState.TRANSFERRED;
        this.transferredAt = at;
    }

    private Set<String> checkers() {
        return checkedBy == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(checkedBy.split(",")));
    }

    private void require(HandoverState expected, String step) {
        if (state != expected) {
            throw illegal(step);
        }
    }

    private IllegalStateException illegal(String step) {
        return new IllegalStateException("handover " + id + " cannot " + step + ": it is " + state);
    }

    public Long getId() {
        return id;
    }

    public Long getFromInstitutionId() {
        return fromInstitutionId;
    }

    public Long getToInstitutionId() {
        return toInstitutionId;
    }

    public ChangeKind getKind() {
        return kind;
    }

    public String getReason() {
        return reason;
    }

    public HandoverState getState() {
        return state;
    }

    public String getInitiatedBy() {
        return initiatedBy;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getReturnedReason() {
        return returnedReason;
    }

    public int getRecords() {
        return records;
    }

    public int getPaperFiles() {
        return paperFiles;
    }

    public int getBoxes() {
        return boxes;
    }

    public int getPages() {
        return pages;
    }

    public int getDocuments() {
        return documents;
    }

    public String getInventorySha256() {
        return inventorySha256;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getTransferredAt() {
        return transferredAt;
    }
}
