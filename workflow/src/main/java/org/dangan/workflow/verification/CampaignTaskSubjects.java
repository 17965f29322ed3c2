package org.dangan.workflow.verification;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** A campaign task is about its campaign, at the institution of its round (the county's or city's steps at theirs). */
@Component
class CampaignTaskSubjects extends GroupTaskSubjects {

    CampaignTaskSubjects(CandidateGroups groups) {
        super(
                groups,
                "tasks.subject.campaign",
                kind -> switch (kind) {
                    case SELF_CHECK, HEAD_SIGN_OFF, SAMPLE_CHECK -> "institution";
                    case CITY_ACCEPTANCE -> "city";
                    default -> "county";
                },
                "deadlineAt",
                TaskKind.SELF_CHECK,
                TaskKind.HEAD_SIGN_OFF,
                TaskKind.SAMPLE_CHECK,
                TaskKind.CITY_ACCEPTANCE,
                TaskKind.CHECKER_SIGN_OFF,
                TaskKind.CAMPAIGN_FOLLOW_UP);
    }
}
