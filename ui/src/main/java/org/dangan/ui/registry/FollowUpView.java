package org.dangan.ui.registry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dangan.ui.inbox.TaskPage;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.CivilRegistration;

/** A civil-registration follow-up on a page of its own ({@code follow-up/<task id>}); the inbox opens the same panel. */
@Route("follow-up")
@RolesAllowed("ARCHIVIST")
public class FollowUpView extends TaskPage {

    private final RegistryTaskPanels panels;
    private final CivilRegistration registration;

    public FollowUpView(RegistryTaskPanels panels, CivilRegistration registration) {
        this.panels = panels;
        this.registration = registration;
    }

    @Override
    protected Component panel(String taskId) {
        CivilRegistration.FollowUp followUp = registration.followUpOf(taskId);
        TaskKind kind =
                TaskKind.of(CivilRegistration.FOLLOW_UP, followUp.task()).orElseThrow();
        return panels.open(
                taskId,
                kind,
                () -> getUI().ifPresent(ui -> ui.navigate(RecordDetailView.class, followUp.recordNumber())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("followUp.title");
    }
}
