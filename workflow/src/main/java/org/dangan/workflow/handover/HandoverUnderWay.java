package org.dangan.workflow.handover;

import java.util.List;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.verification.CampaignStarting;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * No campaign starts over an archive that is on its way to another institution: the records it
 * would check are leaving (or arriving). The other direction is {@link Handovers#start}'s own check.
 */
@Component
class HandoverUnderWay {

    private final HandoverRepository handovers;
    private final Institutions institutions;

    HandoverUnderWay(HandoverRepository handovers, Institutions institutions) {
        this.handovers = handovers;
        this.institutions = institutions;
    }

    @EventListener
    void refuse(CampaignStarting starting) {
        for (Long chosen : starting.institutionIds()) {
            for (Long id : institutions.scopeOf(chosen).ids()) {
                List<Handover> moving = handovers.findUnderWayFromOrTo(id, Handovers.UNDER_WAY);
                if (!moving.isEmpty()) {
                    Institution i = institutions.require(id);
                    throw Refused.of(
                            "campaign.handoverUnderWay",
                            i.getName(),
                            moving.get(0).getId().toString());
                }
            }
        }
    }
}
