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
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RestrictedWords;

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

    protected Handover() {}

    Handover(
            long fromInstitutionId,
            long toInstitutionId,
            ChangeKind kind,
            String reason,
            String initiatedBy,
            Instant at) {
        if (fromInstitutionId == toInstitutionId) {
            throw Refused.invalid("handover.toItself");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw Refused.invalid("handover.reasonRequired", 500);
        }
        RestrictedWords.refuseNamed(reason);
        this.fromInstitutionId = fromInstitutionId;
        this.toInstitutionId = toInstitutionId;
        this.kind = kind;
        this.reason = reason.strip();
        this.initiatedBy = initiatedBy;
        this.createdAt = at;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void inventoried(Inventory inventory) {
        if (state != HandoverState.RECORDED) {
            throw Refused.of("handover.cannot.inventory", id, state);
        }
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
        if (state != HandoverState.CHECKING) {
            throw Refused.of("handover.cannot.check", id, state);
        }
        Set<String> checkers = checkers();
        checkers.add(checker);
        this.checkedBy = String.join(",", checkers);
        this.state = differences == 0 ? HandoverState.CHECKED : HandoverState.DIFFERENCES;
    }

    /** The giving side made good what was missing or damaged: check again. */
    void recheck() {
        if (state != HandoverState.DIFFERENCES) {
            throw Refused.of("handover.cannot.recheck", id, state);
        }
        this.state = HandoverState.CHECKING;
    }

    void returned(String why) {
        if (state != HandoverState.DIFFERENCES && state != HandoverState.CHECKED) {
            throw Refused.of("handover.cannot.return", id, state);
        }
        if (why == null || why.isBlank()) {
            throw Refused.invalid("handover.returnReasonRequired", id);
        }
        RestrictedWords.refuseNamed(why);
        this.returnedReason = why.strip();
        this.state = HandoverState.RETURNED;
    }

    void approved(String supervisor) {
        if (state != HandoverState.CHECKED) {
            throw Refused.of("handover.cannot.approve", id, state);
        }
        if (!mayBeApprovedBy(supervisor)) {
            throw Refused.of("handover.fourEyes", id);
        }
        this.approvedBy = supervisor;
        this.state = HandoverState.APPROVED;
    }

    /** Four eyes: neither who started the handover nor who checked a delivery approves it. */
    boolean mayBeApprovedBy(String supervisor) {
        return !supervisor.equals(initiatedBy) && !checkers().contains(supervisor);
    }

    void transferred(Instant at) {
        if (state != HandoverState.APPROVED) {
            throw Refused.of("handover.cannot.transfer", id, state);
        }
        this.state = HandoverState.TRANSFERRED;
        this.transferredAt = at;
    }

    private Set<String> checkers() {
        return checkedBy == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(checkedBy.split(",")));
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
