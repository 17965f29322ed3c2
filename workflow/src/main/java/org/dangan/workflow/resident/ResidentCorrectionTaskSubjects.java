package org.dangan.workflow.resident;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** A correction request is named by its number, at the institution whose archivists answer it. */
@Component
class ResidentCorrectionTaskSubjects extends GroupTaskSubjects {

    private final ResidentCorrectionRepository corrections;

    ResidentCorrectionTaskSubjects(CandidateGroups groups, ResidentCorrectionRepository corrections) {
        super(
                groups,
                "tasks.subject.residentCorrection",
                kind -> "archivists",
                null,
                TaskKind.RESIDENT_CORRECTION_CHECK);
        this.corrections = corrections;
    }

    @Override
    protected String recordNumber(String businessKey) {
        return corrections
                .findById(Long.parseLong(businessKey))
                .map(ResidentCorrection::getRecordNumber)
                .orElse(null);
    }
}
