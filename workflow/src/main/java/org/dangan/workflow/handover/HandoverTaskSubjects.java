package org.dangan.workflow.handover;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** A handover task is about its handover, at the side that works it (receiver, giver or the county). */
@Component
class HandoverTaskSubjects extends GroupTaskSubjects {

    HandoverTaskSubjects(CandidateGroups groups) {
        super(
                groups,
                "tasks.subject.handover",
                kind -> switch (kind) {
                    case HANDOVER_DELIVERY_CHECK -> "receivers";
                    case HANDOVER_DIFFERENCES -> "givers";
                    default -> "approvers";
                },
                null,
                TaskKind.HANDOVER_DELIVERY_CHECK,
                TaskKind.HANDOVER_DIFFERENCES,
                TaskKind.HANDOVER_APPROVAL);
    }
}
