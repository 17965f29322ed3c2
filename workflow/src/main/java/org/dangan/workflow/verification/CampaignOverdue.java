package org.dangan.workflow.verification;

import java.util.List;

/** A campaign's deadline passed: its starter and the institutions still checking (by code) are told. */
public record CampaignOverdue(long campaignId, String createdBy, List<String> openInstitutionCodes) {}
