package org.dangan.workflow.document;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** A review task is about its scanned document, at the institution whose archivists review it. */
@Component
class DocumentTaskSubjects extends GroupTaskSubjects {

    DocumentTaskSubjects(CandidateGroups groups) {
        super(groups, "tasks.subject.document", kind -> "reviewers", null,
                TaskKind.TEXT_REVIEW);
    }
}
