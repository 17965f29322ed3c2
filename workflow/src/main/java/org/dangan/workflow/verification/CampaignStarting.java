package org.dangan.workflow.verification;

import java.util.Set;

/**
 * A campaign is about to start over these institutions (each locked for the start). Published
 * synchronously inside the start: a module whose work would change what the campaign checks (an
 * archive on its way to another institution) refuses by throwing, and nothing starts.
 */
public record CampaignStarting(Set<Long> institutionIds) {

    public CampaignStarting {
        institutionIds = Set.copyOf(institutionIds);
    }
}
