package org.dangan.ui.registry;

import com.vaadin.flow.component.Component;
import java.util.EnumSet;
import java.util.Set;
import org.dangan.ui.inbox.TaskPanels;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.CivilRegistration;
import org.dangan.workflow.registry.Records;

/** The work panels of a record's follow-ups from the civil registration. */
@org.springframework.stereotype.Component
class RegistryTaskPanels implements TaskPanels {

    private final CivilRegistration registration;
    private final Records records;

    RegistryTaskPanels(CivilRegistration registration, Records records) {
        this.registration = registration;
        this.records = records;
    }

    @Override
    public Set<TaskKind> kinds() {
        return EnumSet.of(TaskKind.DEATH_CONFIRMATION, TaskKind.MOVED_OUT_CLOSURE);
    }

    @Override
    public Component open(String taskId, TaskKind kind, Runnable completed) {
        return switch (kind) {
            case DEATH_CONFIRMATION, MOVED_OUT_CLOSURE ->
                new FollowUpPanel(registration.followUpOf(taskId), kind, registration, records, completed);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }
}
