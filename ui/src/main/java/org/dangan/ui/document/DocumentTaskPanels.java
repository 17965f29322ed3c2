package org.dangan.ui.document;

import com.vaadin.flow.component.Component;
import java.util.EnumSet;
import java.util.Set;
import org.dangan.ui.inbox.TaskPanels;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.Records;

/** The work panel of a scan's task: the OCR review. */
@org.springframework.stereotype.Component
class DocumentTaskPanels implements TaskPanels {

    private final Documents documents;
    private final Records records;

    DocumentTaskPanels(Documents documents, Records records) {
        this.documents = documents;
        this.records = records;
    }

    @Override
    public Set<TaskKind> kinds() {
        return EnumSet.of(TaskKind.TEXT_REVIEW);
    }

    @Override
    public Component open(String taskId, TaskKind kind, Runnable completed) {
        return switch (kind) {
            case TEXT_REVIEW -> new TextReviewPanel(documents, records, documents.documentOfReview(taskId), completed);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }
}
