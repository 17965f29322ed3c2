package org.dangan.workflow.verification;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RestrictedWords;

/**
 * A verification campaign over one or more institutions, and the guard of its steps: rule checks,
 * then per institution self-check, head sign-off and county sample check (in rounds), then city
 * acceptance, then the checker's sign-off. Decisions that need four eyes are refused here, whatever
 * screen or API asked for them.
 * <p>
 * The rule checks walk the records in id order; {@code checkedUpTo} is the last record id whose
 * checks are committed, so a restart goes on from there and no record is checked twice. The
 * sign-off walks the paper files the same way with {@code signedOffUpTo}.
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

    @Column(name = "county_id")
    private Long countyId;

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

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(nullable = false)
    private boolean overdue;

    @Column(name = "accepted_by", length = 64)
    private String acceptedBy;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "returned_reason", length = 500)
    private String returnedReason;

    @Column(name = "signed_off_by", length = 64)
    private String signedOffBy;

    @Column(name = "signed_off_up_to", nullable = false)
    private long signedOffUpTo;

    @Column(name = "completed_at")
    private Instant completedAt;

    @OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("key.institutionId")
    private List<CampaignInstitution> institutions = new ArrayList<>();

    @Version
    private long version;

    protected Campaign() {}

    public Campaign(
            Set<Long> institutionIds,
            LocalDate deadline,
            BigDecimal sampleRate,
            long seed,
            String createdBy,
            Instant createdAt) {
        this(institutionIds, null, deadline, sampleRate, seed, createdBy, createdAt);
    }

    public Campaign(
            Set<Long> institutionIds,
            Long countyId,
            LocalDate deadline,
            BigDecimal sampleRate,
            long seed,
            String createdBy,
            Instant createdAt) {
        if (institutionIds.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one institution");
        }
        if (deadline == null) {
            throw new IllegalArgumentException("a campaign needs a deadline");
        }
        SampleDraw.size(0, sampleRate, 0); // refuses a rate outside [0, 1]
        new TreeSet<>(institutionIds).forEach(i -> institutions.add(new CampaignInstitution(this, i)));
        this.countyId = countyId;
        this.deadline = deadline;
        this.sampleRate = sampleRate;
        this.seed = seed;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void startedAs(String processInstanceId) {
        if (this.processInstanceId != null) {
            throw Refused.of("campaign.alreadyRunning", String.valueOf(id));
        }
        this.processInstanceId = processInstanceId;
    }

    /** Records that the checks of every record up to {@code lastRecordId} are committed. */
    void checked(long lastRecordId, int count) {
        require(CampaignState.RULE_CHECKS, "record rule checks");
        if (lastRecordId <= checkedUpTo) {
            throw Refused.of("campaign.alreadyChecked", String.valueOf(id));
        }
        this.checkedUpTo = lastRecordId;
        this.recordsChecked += count;
    }

    void ruleChecksDone() {
        require(CampaignState.RULE_CHECKS, "finish rule checks");
        institutions.forEach(CampaignInstitution::startSelfCheck);
        this.state = CampaignState.INSTITUTION_CHECKS;
    }

    void selfCheckSubmitted(long institutionId, String by) {
        require(CampaignState.INSTITUTION_CHECKS, "take a self-check");
        institution(institutionId).selfCheckSubmitted(by);
    }

    void headSignedOff(long institutionId, String by, Instant at) {
        require(CampaignState.INSTITUTION_CHECKS, "take a head's sign-off");
        institution(institutionId).headSignedOff(by, at);
    }

    void headReturned(long institutionId, String by, String reason) {
        require(CampaignState.INSTITUTION_CHECKS, "take a head's return");
        institution(institutionId).headReturned(by, reason);
    }

    void sampleDrawn(long institutionId, int size) {
        require(CampaignState.INSTITUTION_CHECKS, "draw a sample");
        institution(institutionId).sampleDrawn(size);
    }

    /**
     * The county checkers' judgement of one institution's sample. Answers whether the institution
     * goes back to its self-check; once every institution passed, the city's acceptance is next.
     */
    boolean sampleJudged(long institutionId, int failures, BigDecimal maxErrorRate, String reasons) {
        require(CampaignState.INSTITUTION_CHECKS, "judge a sample");
        boolean sentBack = institution(institutionId).sampleJudged(failures, maxErrorRate, reasons);
        if (institutions.stream().allMatch(i -> i.getState() == InstitutionCheckState.PASSED)) {
            state = CampaignState.CITY_ACCEPTANCE;
        }
        return sentBack;
    }

    /**
     * The city's decision; a return sends every institution back to its self-check with the reason.
     * {@code sampleCheckers} are the county checkers who judged the samples: they did work too.
     */
    void cityDecided(String by, boolean accepted, String reason, Instant at, Set<String> sampleCheckers) {
        require(CampaignState.CITY_ACCEPTANCE, "take the city's decision");
        if (workers().contains(by) || sampleCheckers.contains(by)) {
            throw new FourEyesViolation("campaign.fourEyes.city", String.valueOf(id));
        }
        if (accepted) {
            acceptedBy = by;
            acceptedAt = at;
            returnedReason = null;
            state = CampaignState.SIGN_OFF;
            return;
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Refused.invalid("campaign.returnReasonRequired");
        }
        RestrictedWords.refuseNamed(why);
        returnedReason = why.length() > 500 ? why.substring(0, 500) : why;
        institutions.forEach(i -> i.sendBack("市级验收退回: " + returnedReason));
        state = CampaignState.INSTITUTION_CHECKS;
    }

    void signOffBy(String checker) {
        require(CampaignState.SIGN_OFF, "be signed off");
        if (checker.equals(acceptedBy)) {
            throw new FourEyesViolation("campaign.fourEyes.checker", String.valueOf(id));
        }
        signedOffBy = checker;
    }

    void signedOffUpTo(long paperFileId) {
        require(CampaignState.SIGN_OFF, "record signed-off paper files");
        if (signedOffBy == null) {
            throw Refused.of("campaign.noChecker", String.valueOf(id));
        }
        if (paperFileId <= signedOffUpTo) {
            throw Refused.of("campaign.alreadySignedOff", String.valueOf(id));
        }
        signedOffUpTo = paperFileId;
    }

    void completed(Instant at) {
        require(CampaignState.SIGN_OFF, "complete");
        state = CampaignState.COMPLETED;
        completedAt = at;
    }

    /**
     * Waivers, re-checks and paper checks are the work of one institution's self-check: once it is
     * submitted, its findings and paper stand as the head, the county and the city judge them, and
     * after the sign-off nothing of the campaign changes.
     */
    void requireSelfCheck(long institutionId) {
        if (state != CampaignState.INSTITUTION_CHECKS
                || institution(institutionId).getState() != InstitutionCheckState.SELF_CHECK) {
            throw Refused.of("campaign.selfCheckClosed", String.valueOf(id));
        }
    }

    void overdue() {
        overdue = true;
    }

    /** Everyone who did or signed work in the campaign; none of them may accept it. */
    Set<String> workers() {
        Set<String> names = new LinkedHashSet<>();
        names.add(createdBy);
        for (CampaignInstitution i : institutions) {
            if (i.getSelfCheckedBy() != null) {
                names.add(i.getSelfCheckedBy());
            }
            if (i.getHeadSignedBy() != null) {
                names.add(i.getHeadSignedBy());
            }
        }
        return names;
    }

    CampaignInstitution institution(long institutionId) {
        return institutions.stream()
                .filter(i -> i.getInstitutionId() == institutionId)
                .findFirst()
                .orElseThrow(() -> Refused.notFound("campaign.outside", String.valueOf(id)));
    }

    private void require(CampaignState expected, String step) {
        if (state != expected) {
            // the step is named for the log; the user reads where the campaign stands
            throw Refused.of("campaign.wrongState", String.valueOf(id), state);
        }
    }

    public Long getId() {
        return id;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getCountyId() {
        return countyId;
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

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public String getReturnedReason() {
        return returnedReason;
    }

    public String getSignedOffBy() {
        return signedOffBy;
    }

    public long getSignedOffUpTo() {
        return signedOffUpTo;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public List<CampaignInstitution> getInstitutions() {
        return List.copyOf(institutions);
    }

    public Set<Long> getInstitutionIds() {
        Set<Long> ids = new TreeSet<>();
        institutions.forEach(i -> ids.add(i.getInstitutionId()));
        return ids;
    }
}
