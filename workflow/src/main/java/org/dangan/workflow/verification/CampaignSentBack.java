package org.dangan.workflow.verification;

import java.util.List;

/**
 * Institutions of a campaign were sent back to their self-check: by the county's sample check
 * (one institution) or by the city's return (all of them). Codes, for the candidate groups.
 */
public record CampaignSentBack(long campaignId, List<String> institutionCodes, boolean byCity) {
}
