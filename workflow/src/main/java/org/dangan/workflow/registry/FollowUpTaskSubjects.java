package org.dangan.workflow.registry;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** A civil-registration follow-up is about the record it is keyed by. */
@Component
class FollowUpTaskSubjects extends GroupTaskSubjects {

    FollowUpTaskSubjects(CandidateGroups groups) {
        super(
                groups,
                "tasks.subject.record",
                kind -> "archivists",
                null,
                TaskKind.DEATH_CONFIRMATION,
                TaskKind.MOVED_OUT_CLOSURE);
    }

    @Override
    protected String recordNumber(String businessKey) {
        return businessKey;
    }
}
