package org.dangan.ui.document;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dangan.ui.inbox.TaskPage;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.platform.TaskKind;

/**
 * An OCR review task on a page of its own ({@code review/<task id>}), opened from the scan it is
 * about; the inbox opens the same panel. Once done, the reviewer goes back to the scan, now archived.
 */
@Route("review")
@RolesAllowed("ARCHIVIST")
public class ReviewView extends TaskPage {

    private final DocumentTaskPanels panels;
    private final Documents documents;

    public ReviewView(DocumentTaskPanels panels, Documents documents) {
        this.panels = panels;
        this.documents = documents;
    }

    @Override
    protected Component panel(String taskId) {
        long document = documents.documentOfReview(taskId);
        return panels.open(
                taskId, TaskKind.TEXT_REVIEW, () -> getUI().ifPresent(ui -> ui.navigate(DocumentView.class, document)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("TaskKind.TEXT_REVIEW");
    }
}
