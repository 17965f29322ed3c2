package org.dangan.workflow.verification;

/** Where a verification campaign stands, in the order of the notice's three tiers and the sign-off. */
public enum CampaignState {
    /** The automated checks of every record run in batches. */
    RULE_CHECKS,
    /** Each institution's self-check, head sign-off and county sample check, rounds until it passes. */
    INSTITUTION_CHECKS,
    /** Every institution passed its sample check; the city accepts or returns the campaign. */
    CITY_ACCEPTANCE,
    /** Accepted; the county checker signs each verified paper file off and it is retired into a box. */
    SIGN_OFF,
    COMPLETED
}
