package org.dangan.workflow.verification;

import java.time.Clock;
import java.util.List;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.CamundaIdentityMirror;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the campaign's BPMN model calls ({@code ${campaignProcess...}}): the service tasks' work and
 * the gateways' questions, each a thin step onto the domain. The model holds the flow, this class
 * the meaning; no script tasks.
 */
@Component("campaignProcess")
@Transactional
public class CampaignProcess {

    private final CampaignRepository repository;
    private final RuleChecks ruleChecks;
    private final RuleSettings settings;
    private final SampleChecks sampleChecks;
    private final CheckerSignOffs signOffs;
    private final Institutions institutions;
    private final Clock clock;
    private final int batchSize;
    private final ApplicationEventPublisher events;
    private final CampaignReports reports;
    private final Campaigns campaigns;

    CampaignProcess(
            CampaignRepository repository,
            RuleChecks ruleChecks,
            RuleSettings settings,
            SampleChecks sampleChecks,
            CheckerSignOffs signOffs,
            Institutions institutions,
            Clock clock,
            @Value("${dangan.verification.batch-size:1000}") int batchSize,
            CampaignReports reports,
            Campaigns campaigns,
            ApplicationEventPublisher events) {
        this.events = events;
        this.reports = reports;
        this.campaigns = campaigns;
        this.repository = repository;
        this.ruleChecks = ruleChecks;
        this.settings = settings;
        this.sampleChecks = sampleChecks;
        this.signOffs = signOffs;
        this.institutions = institutions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Service task "Check a batch of records": answers how many it checked, 0 when all are done. */
    public int checkRuleBatch(long campaignId) {
        Campaign campaign = campaign(campaignId);
        String type = institutions
                .require(campaign.getInstitutionIds().iterator().next())
                .getType()
                .name();
        return ruleChecks.checkNextBatch(campaignId, batchSize, settings.ruleBook(type));
    }

    /** The multi-instance collection: one self-check and sample-check branch per institution, by code. */
    public List<String> institutionCodes(long campaignId) {
        return campaign(campaignId).getInstitutionIds().stream()
                .map(institutions::require)
                .map(Institution::getCode)
                .toList();
    }

    /**
     * The candidate groups of an institution's own tasks for a role ({@code ARCHIVIST} for the
     * self-check, {@code SUPERVISOR} for the head's signature): those of the institutions answering
     * for it, a village clinic's and the centre's over it.
     */
    public List<String> groups(String role, String institutionCode) {
        Role asked = Role.valueOf(role);
        return institutions.answeringFor(institution(institutionCode)).stream()
                .map(i -> CamundaIdentityMirror.groupOf(asked, i.getCode()))
                .toList();
    }

    /** The county of the campaign, by code, for the candidate groups of the county's tasks. */
    public String countyCode(long campaignId) {
        return institutions.require(campaign(campaignId).getCountyId()).getCode();
    }

    /** The city over the campaign's county (the county itself when it has none), for the city acceptance. */
    public String cityCode(long campaignId) {
        Institution county = institutions.require(campaign(campaignId).getCountyId());
        return county.getParentId() == null
                ? county.getCode()
                : institutions.require(county.getParentId()).getCode();
    }

    /** Service task "Draw the sample". */
    public int drawSample(long campaignId, String institutionCode) {
        return sampleChecks.draw(campaignId, institutionId(institutionCode));
    }

    /**
     * Service task "Weigh the sample": the error rate against the threshold of the {@code CampaignThresholds}
     * table. Answers whether the institution goes back to its self-check (the model's {@code sentBack},
     * which the gateway "Error rate above the threshold?" reads).
     */
    public boolean weighSample(long campaignId, String institutionCode) {
        Campaign campaign = campaign(campaignId);
        Institution institution = institutions.byCode(institutionCode).orElseThrow();
        int round = campaign.institution(institution.getId()).getRound();
        List<String> failures = sampleChecks.failures(campaignId, institution.getId(), round);
        boolean sentBack = campaign.sampleJudged(
                institution.getId(),
                failures.size(),
                settings.thresholds(institution.getType().name()).maxErrorRate(),
                String.join("; ", failures));
        if (sentBack) {
            events.publishEvent(new CampaignSentBack(campaignId, List.of(institutionCode), CampaignSentBack.By.SAMPLE));
        }
        return sentBack;
    }

    /**
     * Gateway "Error rate above the threshold?" of the model's first version; campaigns started on it
     * keep asking until they end. The model now reads the answer of "Weigh the sample".
     */
    public boolean sentBack(long campaignId, String institutionCode) {
        return campaign(campaignId).institution(institutionId(institutionCode)).getState()
                == InstitutionCheckState.SELF_CHECK;
    }

    /**
     * Gateway "Accepted by the city?" of the model's first version, for the campaigns started on it;
     * the model now reads the city's {@code accepted}, which {@link CampaignTasks} requires.
     */
    public boolean accepted(long campaignId) {
        return campaign(campaignId).getState() == CampaignState.SIGN_OFF;
    }

    /** Service task "Sign off a batch of paper files": answers how many files it looked at, 0 when done. */
    public int signOffBatch(long campaignId) {
        return signOffs.signNextBatch(campaignId, batchSize);
    }

    /** Service task "Close the campaign": its figures final, its institutions free for the next one. */
    public void complete(long campaignId) {
        Campaign campaign = campaign(campaignId);
        campaign.completed(clock.instant());
        reports.freezeSignedOff(campaign);
        campaigns.completed(campaign);
    }

    /**
     * Gateway "Signed off by the head?" of the model's first version, for the campaigns started on it;
     * the model now reads {@code returnedByHead}, which {@link CampaignTasks} sets from the head's answer.
     */
    public boolean returnedByHead(long campaignId, String institutionCode) {
        return campaign(campaignId).institution(institutionId(institutionCode)).getState()
                == InstitutionCheckState.SELF_CHECK;
    }

    /** Service task "Mark the campaign overdue", when the deadline timer fires. */
    public void markOverdue(long campaignId) {
        Campaign campaign = campaign(campaignId);
        campaign.overdue();
        events.publishEvent(new CampaignOverdue(
                campaignId,
                campaign.getCreatedBy(),
                campaign.getInstitutions().stream()
                        .filter(i -> i.getState() != InstitutionCheckState.PASSED)
                        .map(i -> institutions.require(i.getInstitutionId()).getCode())
                        .toList()));
    }

    private Campaign campaign(long id) {
        return repository.findById(id).orElseThrow(() -> new CampaignNotFoundException(id));
    }

    private long institutionId(String code) {
        return institution(code).getId();
    }

    private Institution institution(String code) {
        return institutions.byCode(code).orElseThrow(() -> Refused.notFound("campaign.unknownInstitution", code));
    }
}
