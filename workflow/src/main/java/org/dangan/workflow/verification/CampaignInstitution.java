package org.dangan.workflow.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RestrictedWords;

/**
 * One institution's part of a campaign: its self-check rounds, who did and who signed them, and the
 * outcome of its county sample check. Changed only through its {@link Campaign}, which knows the
 * rules that span institutions.
 */
@Entity
@Table(name = "campaign_institution")
public class CampaignInstitution {

    @EmbeddedId
    private Key key = new Key();

    @MapsId("campaignId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private InstitutionCheckState state = InstitutionCheckState.WAITING;

    @Column(name = "check_round", nullable = false)
    private int round = 1;

    @Column(name = "self_checked_by", length = 64)
    private String selfCheckedBy;

    @Column(name = "head_signed_by", length = 64)
    private String headSignedBy;

    @Column(name = "head_signed_at")
    private Instant headSignedAt;

    @Column(name = "sample_size", nullable = false)
    private int sampleSize;

    @Column(name = "sample_failures", nullable = false)
    private int sampleFailures;

    @Column(name = "rework_reason", length = 1000)
    private String reworkReason;

    protected CampaignInstitution() {}

    CampaignInstitution(Campaign campaign, long institutionId) {
        this.campaign = campaign;
        this.key.institutionId = institutionId;
    }

    void startSelfCheck() {
        require(InstitutionCheckState.WAITING, "start its self-check");
        state = InstitutionCheckState.SELF_CHECK;
    }

    void selfCheckSubmitted(String by) {
        require(InstitutionCheckState.SELF_CHECK, "submit its self-check");
        selfCheckedBy = by;
        state = InstitutionCheckState.HEAD_SIGN_OFF;
    }

    void headSignedOff(String by, Instant at) {
        require(InstitutionCheckState.HEAD_SIGN_OFF, "sign its self-check off");
        if (by.equals(selfCheckedBy)) {
            throw new FourEyesViolation("campaign.fourEyes.head");
        }
        headSignedBy = by;
        headSignedAt = at;
        state = InstitutionCheckState.SAMPLE_CHECK;
        sampleSize = 0;
        sampleFailures = 0;
    }

    /**
     * The head gives the self-check back to the archivists with a reason instead of signing it; the
     * round stays (no sample was drawn), the reason is what the archivists read first.
     */
    void headReturned(String by, String reason) {
        require(InstitutionCheckState.HEAD_SIGN_OFF, "be returned by its head");
        if (by.equals(selfCheckedBy)) {
            throw new FourEyesViolation("campaign.fourEyes.head");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Refused.invalid("campaign.returnReasonRequired");
        }
        RestrictedWords.refuseNamed(why);
        state = InstitutionCheckState.SELF_CHECK;
        selfCheckedBy = null;
        reworkReason = limited("负责人退回：" + why);
    }

    private static String limited(String reasons) {
        return reasons.length() > 1000 ? reasons.substring(0, 1000) : reasons;
    }

    void sampleDrawn(int size) {
        require(InstitutionCheckState.SAMPLE_CHECK, "draw a sample");
        sampleSize = size;
    }

    /** Answers whether the institution goes back to its self-check. */
    boolean sampleJudged(int failures, BigDecimal maxErrorRate, String reasons) {
        require(InstitutionCheckState.SAMPLE_CHECK, "judge its sample");
        if (failures < 0 || failures > sampleSize) {
            throw Refused.invalid("campaign.failuresOutOfSample", failures, sampleSize);
        }
        sampleFailures = failures;
        if (sampleErrorRate().compareTo(maxErrorRate) > 0) {
            sendBack("县级抽查差错率 " + sampleErrorRate() + " 超过 " + maxErrorRate + ": " + reasons);
            return true;
        }
        state = InstitutionCheckState.PASSED;
        return false;
    }

    /** Back to the self-check for another round, with the reasons the institution must address. */
    void sendBack(String reasons) {
        state = InstitutionCheckState.SELF_CHECK;
        round++;
        selfCheckedBy = null;
        headSignedBy = null;
        headSignedAt = null;
        reworkReason = limited(reasons);
    }

    /** Failures over sample size, four decimals; zero before a sample is judged. */
    public BigDecimal sampleErrorRate() {
        return sampleSize == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(sampleFailures).divide(BigDecimal.valueOf(sampleSize), 4, RoundingMode.HALF_UP);
    }

    private void require(InstitutionCheckState expected, String step) {
        if (state != expected) {
            throw Refused.of("campaign.institutionWrongState", state);
        }
    }

    public long getInstitutionId() {
        return key.institutionId;
    }

    public InstitutionCheckState getState() {
        return state;
    }

    public int getRound() {
        return round;
    }

    public String getSelfCheckedBy() {
        return selfCheckedBy;
    }

    public String getHeadSignedBy() {
        return headSignedBy;
    }

    public int getSampleSize() {
        return sampleSize;
    }

    public int getSampleFailures() {
        return sampleFailures;
    }

    public String getReworkReason() {
        return reworkReason;
    }

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "campaign_id")
        private Long campaignId;

        @Column(name = "institution_id")
        private Long institutionId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(campaignId, k.campaignId)
                    && Objects.equals(institutionId, k.institutionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, institutionId);
        }
    }
}
