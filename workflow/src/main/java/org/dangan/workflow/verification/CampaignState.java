package org.dangan.workflow.verification;

/** Where a verification campaign stands. So far only the rule-check phase is built. */
public enum CampaignState {
    RULE_CHECKS, SELF_CHECK
}
