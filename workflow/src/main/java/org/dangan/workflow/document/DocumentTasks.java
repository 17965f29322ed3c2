package org.dangan.workflow.document;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.stereotype.Component;

/**
 * The OCR review, however completed (the document screen, Tasklist, engine REST): only an
 * archivist over the document's institution finishes it, and for a restricted scan only one who
 * may read restricted documents. The document is the process's own (its business key), so a
 * completion cannot point the archiving at another institution's document; the review takes no
 * variables, the corrections are saved page by page before.
 */
@Component("documentTasks")
class DocumentTasks implements TaskListener, TaskForm.Forms {

    private final ScannedDocumentRepository documents;
    private final Institutions institutions;
    private final UserTasks userTasks;

    DocumentTasks(ScannedDocumentRepository documents, Institutions institutions, UserTasks userTasks) {
        this.documents = documents;
        this.institutions = institutions;
        this.userTasks = userTasks;
    }

    @Override
    public List<TaskForm> forms() {
        return List.of(TaskForm.of(Documents.PROCESS_KEY, TaskKind.TEXT_REVIEW.taskKey()));
    }

    @Override
    public void notify(DelegateTask task) {
        switch (TaskKind.of(task)) {
            case TEXT_REVIEW -> reviewed(task);
            default ->
                throw new IllegalStateException(
                        "documentTasks listens to the OCR review only, not " + task.getTaskDefinitionKey());
        }
    }

    private void reviewed(DelegateTask task) {
        long id = UserTasks.subjectId(task);
        ScannedDocument document = documents.findById(id).orElseThrow(() -> new DocumentNotFoundException(id));
        DanganUser user = userTasks.actor(task);
        if (!user.is(Role.ARCHIVIST)
                || user.institutionId() == null
                || !institutions.scopeOf(user.institutionId()).includes(document.getInstitutionId())
                || document.isRestricted() && !user.has(Permission.RESTRICTED_DOCUMENTS)) {
            throw Refused.forbidden("task.notYours", task.getTaskDefinitionKey());
        }
    }
}
