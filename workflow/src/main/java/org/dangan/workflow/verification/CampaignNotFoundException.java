package org.dangan.workflow.verification;

/** No such campaign, or none the user may see: the two answers are the same on purpose. */
public class CampaignNotFoundException extends RuntimeException {

    public CampaignNotFoundException(long id) {
        super("no campaign " + id);
    }
}
