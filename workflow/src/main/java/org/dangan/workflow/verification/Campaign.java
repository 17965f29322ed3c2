package org.dangan.workflow.verification;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * A verification campaign over one or more institutions. The rule checks walk the records in id
 * order; {@code checkedUpTo} is the last record id whose checks are committed, so a restart goes on
 * from there and no record is checked twice.
 */
@Entity
@Table(name = "verification_campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(nullable = false)
    private LocalDate deadline;

    @Column(name = "sample_rate", nullable = false, precision = 5, scale = 4)
    private BigDecimal sampleRate;

    @Column(nullable = false)
    private long seed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private CampaignState state = CampaignState.RULE_CHECKS;

    @Column(name = "checked_up_to", nullable = false)
    private long checkedUpTo;

    @Column(name = "records_checked", nullable = false)
    private long recordsChecked;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_institution", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "institution_id")
    private Set<Long> institutionIds = new HashSet<>();

    @Version
    private long version;

    protected Campaign() {
    }

    public Campaign(Set<Long> institutionIds, LocalDate deadline, BigDecimal sampleRate, long seed, String createdBy,
                    Instant createdAt) {
        if (institutionIds.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one institution");
        }
        SampleDraw.size(0, sampleRate, 0); // refuses a rate outside [0, 1]
        this.institutionIds = new HashSet<>(institutionIds);
        this.deadline = deadline;
        this.sampleRate = sampleRate;
        this.seed = seed;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Records that the checks of every record up to {@code lastRecordId} are committed. */
    void checked(long lastRecordId, int count) {
        if (state != CampaignState.RULE_CHECKS) {
            throw new IllegalStateException("campaign " + id + " is in " + state + ", not running rule checks");
        }
        if (lastRecordId <= checkedUpTo) {
            throw new IllegalStateException("records up to " + checkedUpTo + " are already checked");
        }
        this.checkedUpTo = lastRecordId;
        this.recordsChecked += count;
    }

    void ruleChecksDone() {
        if (state != CampaignState.RULE_CHECKS) {
            throw new IllegalStateException("campaign " + id + " is in " + state + ", not running rule checks");
        }
        this.state = CampaignState.SELF_CHECK;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public BigDecimal getSampleRate() {
        return sampleRate;
    }

    public long getSeed() {
        return seed;
    }

    public CampaignState getState() {
        return state;
    }

    public long getCheckedUpTo() {
        return checkedUpTo;
    }

    public long getRecordsChecked() {
        return recordsChecked;
    }

    public Set<Long> getInstitutionIds() {
        return Set.copyOf(institutionIds);
    }
}
