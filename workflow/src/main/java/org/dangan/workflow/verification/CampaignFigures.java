package org.dangan.workflow.verification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures a home page shows those who follow campaigns: per open campaign, each institution's
 * findings (fixed, waived, open), its judged sample error rate beside the threshold it is held to,
 * and the days left to the deadline. Built on {@link CampaignReports#progress}, so a township head
 * reads its own row only, as in the report. Counts and names of institutions: no personal data.
 */
@Service
// changes no data of ours, but not read-only: the engine records each evaluation of the thresholds table
@Transactional
public class CampaignFigures {

    private final Campaigns campaigns;
    private final CampaignReports reports;
    private final RuleSettings settings;
    private final Institutions institutions;
    private final Clock clock;

    CampaignFigures(
            Campaigns campaigns,
            CampaignReports reports,
            RuleSettings settings,
            Institutions institutions,
            Clock clock) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.settings = settings;
        this.institutions = institutions;
        this.clock = clock;
    }

    /**
     * One institution of an open campaign. {@code sampleJudged} is false until the county has judged
     * a sample of it (the rate is then not a result yet, whatever the counts say).
     */
    public record InstitutionFigures(
            long institutionId,
            String name,
            long fixed,
            long waived,
            long open,
            boolean sampleJudged,
            int sampleSize,
            int sampleFailures,
            BigDecimal sampleErrorRate,
            BigDecimal maxErrorRate) {}

    /** {@code daysLeft} counts from today to the deadline day, negative once it has passed. */
    public record OpenCampaign(
            long id, CampaignState state, LocalDate deadline, long daysLeft, List<InstitutionFigures> institutions) {}

    /**
     * Supervisors follow the campaigns of their institutions; the archivists of a county bureau or a
     * city are the county's checkers and the city's acceptors, so they follow them too.
     */
    public boolean followedBy(DanganUser user) {
        if (user.is(Role.SUPERVISOR)) {
            return true;
        }
        if (!user.is(Role.ARCHIVIST) || user.institutionId() == null) {
            return false;
        }
        InstitutionType type = institutions.require(user.institutionId()).getType();
        return type == InstitutionType.COUNTY_BUREAU || type == InstitutionType.CITY;
    }

    /** The current user's open campaigns (not completed), the nearest deadline first. */
    public List<OpenCampaign> open() {
        DanganUser user = CurrentUser.require();
        if (!followedBy(user)) {
            throw Refused.forbidden("role.required", List.of(Role.SUPERVISOR));
        }
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        return campaigns.visibleToCurrentUser().stream()
                .filter(c -> c.getState() != CampaignState.COMPLETED)
                .map(c -> figures(reports.progress(c.getId()), today))
                .sorted(Comparator.comparing(OpenCampaign::deadline).thenComparing(OpenCampaign::id))
                .toList();
    }

    private OpenCampaign figures(CampaignReports.CampaignProgress p, LocalDate today) {
        List<InstitutionFigures> rows = p.institutions().stream()
                .map(i -> new InstitutionFigures(
                        i.institutionId(),
                        i.name(),
                        i.fixed(),
                        i.waived(),
                        i.open(),
                        // a drawn sample in its check has a size but no verdict yet; after a return it keeps the last
                        // one
                        i.sampleSize() > 0 && i.state() != InstitutionCheckState.SAMPLE_CHECK,
                        i.sampleSize(),
                        i.sampleFailures(),
                        i.sampleErrorRate(),
                        settings.thresholds(institutions
                                        .require(i.institutionId())
                                        .getType()
                                        .name())
                                .maxErrorRate()))
                .toList();
        return new OpenCampaign(p.id(), p.state(), p.deadline(), ChronoUnit.DAYS.between(today, p.deadline()), rows);
    }
}
