package org.dangan.workflow.transfer;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** A transfer task is about its transfer, at the receiving institution. */
@Component
class TransferTaskSubjects extends GroupTaskSubjects {

    TransferTaskSubjects(CandidateGroups groups) {
        super(groups, "tasks.subject.transfer", kind -> "receivers", null, TaskKind.TRANSFER_ACCEPTANCE);
    }
}
