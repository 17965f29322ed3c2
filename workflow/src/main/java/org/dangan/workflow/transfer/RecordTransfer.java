package org.dangan.workflow.transfer;

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
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RestrictedWords;

/**
 * A transfer of one record. It guards its steps: decided once, only while requested, and a
 * refusal needs a reason.
 */
@Entity
@Table(name = "record_transfer")
public class RecordTransfer {

    public enum State {
        REQUESTED,
        ACCEPTED,
        REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "record_id", nullable = false)
    private Long recordId;

    @Column(name = "from_institution_id", nullable = false)
    private Long fromInstitutionId;

    @Column(name = "to_institution_id", nullable = false)
    private Long toInstitutionId;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.REQUESTED;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected RecordTransfer() {}

    RecordTransfer(
            long recordId,
            long fromInstitutionId,
            long toInstitutionId,
            String reason,
            String requestedBy,
            Instant at) {
        if (fromInstitutionId == toInstitutionId) {
            throw Refused.invalid("transfer.sameInstitution");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw Refused.invalid("transfer.reasonRequired", 500);
        }
        RestrictedWords.refuseNamed(reason);
        this.recordId = recordId;
        this.fromInstitutionId = fromInstitutionId;
        this.toInstitutionId = toInstitutionId;
        this.reason = reason.strip();
        this.requestedBy = requestedBy;
        this.requestedAt = at;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void decide(String by, boolean accepted, String why, Instant at) {
        if (state != State.REQUESTED) {
            throw Refused.of("transfer.decided", id, state);
        }
        if (!accepted && (why == null || why.isBlank())) {
            throw Refused.invalid("transfer.refusalReasonRequired", id);
        }
        RestrictedWords.refuseNamed(why);
        this.decidedBy = by;
        this.decidedAt = at;
        this.refusalReason = accepted ? null : why.strip();
        this.state = accepted ? State.ACCEPTED : State.REFUSED;
    }

    public Long getId() {
        return id;
    }

    public Long getRecordId() {
        return recordId;
    }

    public Long getFromInstitutionId() {
        return fromInstitutionId;
    }

    public Long getToInstitutionId() {
        return toInstitutionId;
    }

    public String getReason() {
        return reason;
    }

    public State getState() {
        return state;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
