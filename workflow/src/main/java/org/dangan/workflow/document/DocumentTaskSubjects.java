package org.dangan.workflow.document;

import org.dangan.workflow.platform.CandidateGroups;
import org.dangan.workflow.platform.GroupTaskSubjects;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** A review task is about its scanned document and the resident it belongs to, at the institution whose archivists review it. */
@Component
class DocumentTaskSubjects extends GroupTaskSubjects {

    private final ScannedDocumentRepository documents;

    DocumentTaskSubjects(CandidateGroups groups, ScannedDocumentRepository documents) {
        super(groups, "tasks.subject.document", kind -> "reviewers", null, TaskKind.TEXT_REVIEW);
        this.documents = documents;
    }

    @Override
    protected String recordNumber(String businessKey) {
        return businessKey == null || !businessKey.matches("\\d{1,18}")
                ? null
                : documents
                        .findById(Long.parseLong(businessKey))
                        .map(ScannedDocument::getRecordNumber)
                        .orElse(null);
    }
}
