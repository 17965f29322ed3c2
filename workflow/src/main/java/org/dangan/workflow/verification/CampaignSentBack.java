package org.dangan.workflow.verification;

import java.util.List;

/**
 * Institutions of a campaign were sent back to their self-check: by their head (one institution,
 * with a reason the task shows), by the county's sample check over the threshold (one
 * institution) or by the city's return (all of them). Codes, for the candidate groups.
 */
public record CampaignSentBack(long campaignId, List<String> institutionCodes, By by) {

    /** Who sent the self-check back: each is told in its own words, since each asks something else. */
    public enum By {
        /** The institution's head returned the self-check with a reason, before any sample was drawn. */
        HEAD,
        /** The county's sample check found an error rate over the threshold. */
        SAMPLE,
        /** The city returned the whole campaign. */
        CITY
    }
}
