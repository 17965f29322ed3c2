package org.dangan.workflow.assessment;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** An overdue milestone is named by its number, at the institution it was set for, due on its day. */
@Component
class MilestoneTaskSubjects extends GroupTaskSubjects {

    MilestoneTaskSubjects(CandidateGroups groups) {
        super(groups, "tasks.subject.milestone", kind -> "institution", "dueAt", TaskKind.MILESTONE_OVERDUE);
    }
}
