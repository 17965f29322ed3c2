package org.dangan.workflow.lending;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** A check-out task is about its check-out, at the institution keeping the files, due the day they come back. */
@Component
class CheckoutTaskSubjects extends GroupTaskSubjects {

    CheckoutTaskSubjects(CandidateGroups groups) {
        super(
                groups,
                "tasks.subject.checkout",
                kind -> "supervisors",
                "dueAt",
                TaskKind.CHECKOUT_APPROVAL,
                TaskKind.CHECKOUT_RETURN,
                TaskKind.CHECKOUT_FOLLOW_UP);
    }
}
