package org.dangan.workflow.lending;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RestrictedWords;

/**
 * A check-out of paper files. It guards its own steps: a decision only while requested, and
 * never by the requester (four eyes); out only once approved; back only while out.
 */
@Entity
@Table(name = "paper_checkout")
public class Checkout {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(nullable = false)
    private String purpose;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CheckoutState state = CheckoutState.REQUESTED;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Column(nullable = false)
    private boolean overdue;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "paper_checkout_file", joinColumns = @JoinColumn(name = "checkout_id"))
    @Column(name = "file_number")
    private List<String> fileNumbers = new ArrayList<>();

    @Version
    private long version;

    protected Checkout() {}

    public Checkout(
            long institutionId,
            String requestedBy,
            List<String> fileNumbers,
            String purpose,
            LocalDate dueOn,
            Instant at) {
        if (fileNumbers.isEmpty()) {
            throw Refused.invalid("checkout.filesRequired");
        }
        if (purpose == null || purpose.isBlank()) {
            throw Refused.invalid("checkout.purposeRequired");
        }
        RestrictedWords.refuseNamed(purpose);
        // today as the county counts it: China's day, not the server's or UTC's
        if (dueOn == null || dueOn.isBefore(at.atZone(ChinaTime.ZONE).toLocalDate())) {
            throw Refused.invalid("checkout.untilFromToday");
        }
        this.institutionId = institutionId;
        this.requestedBy = requestedBy;
        this.fileNumbers = new ArrayList<>(fileNumbers);
        this.purpose = purpose.length() > 500 ? purpose.substring(0, 500) : purpose;
        this.dueOn = dueOn;
        this.requestedAt = at;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The decision of a supervisor; the requester may not decide on the own request. */
    void decide(String supervisor, boolean approved, String reason) {
        if (state != CheckoutState.REQUESTED) {
            throw Refused.of("checkout.cannot.decide", id, state);
        }
        if (supervisor.equals(requestedBy)) {
            throw Refused.of("checkout.fourEyes", id);
        }
        if (!approved && (reason == null || reason.isBlank())) {
            throw Refused.invalid("checkout.reasonRequired", id);
        }
        RestrictedWords.refuseNamed(reason);
        this.decidedBy = supervisor;
        this.refusalReason = approved ? null : reason;
        if (!approved) {
            state = CheckoutState.REFUSED;
        }
    }

    void handedOut() {
        if (state != CheckoutState.REQUESTED || decidedBy == null) {
            throw Refused.of("checkout.cannot.handOut", id, state);
        }
        state = CheckoutState.OUT;
    }

    void markOverdue() {
        if (state == CheckoutState.OUT) {
            overdue = true;
        }
    }

    void returned(Instant at) {
        if (state != CheckoutState.OUT) {
            throw Refused.of("checkout.cannot.return", id, state);
        }
        state = CheckoutState.RETURNED;
        returnedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getPurpose() {
        return purpose;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public CheckoutState getState() {
        return state;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public List<String> getFileNumbers() {
        return List.copyOf(fileNumbers);
    }
}
