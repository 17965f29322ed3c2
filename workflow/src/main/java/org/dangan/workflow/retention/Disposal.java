package org.dangan.workflow.retention;

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
 * A disposal list and its decisions. It guards its steps and four eyes: appraisal, then the
 * institution's approval by someone who neither proposed nor appraised, then the county's by
 * someone else again; only then may the paper go.
 */
@Entity
@Table(name = "disposal")
public class Disposal {

    public enum State {
        PROPOSED,
        APPRAISED,
        APPROVED,
        COUNTY_APPROVED,
        DISPOSED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Column(name = "county_id", nullable = false)
    private Long countyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.PROPOSED;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(name = "appraised_by")
    private String appraisedBy;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "county_approved_by")
    private String countyApprovedBy;

    @Column(name = "rejected_reason")
    private String rejectedReason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "disposed_at")
    private Instant disposedAt;

    @Version
    private long version;

    protected Disposal() {}

    Disposal(long institutionId, long countyId, String proposedBy, Instant at) {
        this.institutionId = institutionId;
        this.countyId = countyId;
        this.proposedBy = proposedBy;
        this.createdAt = at;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void appraised(String archivist) {
        if (state != State.PROPOSED) {
            throw Refused.of("disposal.cannot.appraise", id, state);
        }
        appraisedBy = archivist;
        state = State.APPRAISED;
    }

    void institutionDecided(String supervisor, boolean approved, String reason) {
        if (state != State.APPRAISED) {
            throw Refused.of("disposal.cannot.approve", id, state);
        }
        if (supervisor.equals(proposedBy) || supervisor.equals(appraisedBy)) {
            throw Refused.of("disposal.fourEyes", id);
        }
        approvedBy = supervisor;
        decided(approved, reason, State.APPROVED);
    }

    void countyDecided(String supervisor, boolean approved, String reason) {
        if (state != State.APPROVED) {
            throw Refused.of("disposal.cannot.countyApprove", id, state);
        }
        if (supervisor.equals(proposedBy) || supervisor.equals(appraisedBy) || supervisor.equals(approvedBy)) {
            throw Refused.of("disposal.fourEyes", id);
        }
        countyApprovedBy = supervisor;
        decided(approved, reason, State.COUNTY_APPROVED);
    }

    private void decided(boolean approved, String reason, State next) {
        if (!approved && (reason == null || reason.isBlank())) {
            throw Refused.invalid("disposal.reasonRequired", id);
        }
        RestrictedWords.refuseNamed(reason);
        state = approved ? next : State.REJECTED;
        rejectedReason = approved ? null : reason;
    }

    void disposed(Instant at) {
        if (state != State.COUNTY_APPROVED) {
            throw Refused.of("disposal.cannot.carryOut", id, state);
        }
        state = State.DISPOSED;
        disposedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public Long getCountyId() {
        return countyId;
    }

    public State getState() {
        return state;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public String getAppraisedBy() {
        return appraisedBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getCountyApprovedBy() {
        return countyApprovedBy;
    }

    public String getRejectedReason() {
        return rejectedReason;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getDisposedAt() {
        return disposedAt;
    }
}
