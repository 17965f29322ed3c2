package org.dangan.workflow.retention;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** A disposal task is about its disposal list, at the institution (the county for the county's approval). */
@Component
class DisposalTaskSubjects extends GroupTaskSubjects {

    DisposalTaskSubjects(CandidateGroups groups) {
        super(
                groups,
                "tasks.subject.disposal",
                kind -> kind == TaskKind.DISPOSAL_COUNTY_APPROVAL ? "county" : "archivists",
                null,
                TaskKind.DISPOSAL_APPRAISAL,
                TaskKind.DISPOSAL_APPROVAL,
                TaskKind.DISPOSAL_COUNTY_APPROVAL);
    }
}
