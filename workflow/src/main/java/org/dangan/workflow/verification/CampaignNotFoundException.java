package org.dangan.workflow.verification;

import org.dangan.workflow.platform.Refused;

/** No such campaign, or none the user may see: the two answers are the same on purpose. */
public class CampaignNotFoundException extends Refused {

    public CampaignNotFoundException(long id) {
        super(Kind.NOT_FOUND, "campaign.notFound", Long.toString(id));
    }
}
