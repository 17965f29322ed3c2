package org.dangan.ui.resident;

import com.vaadin.flow.component.Component;
import java.util.EnumSet;
import java.util.Set;
import org.dangan.ui.inbox.TaskPanels;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.resident.ResidentCorrections;

/** The work panel of a resident's correction request, in the inbox of the managing institution's archivists. */
@org.springframework.stereotype.Component
class ResidentCorrectionTaskPanels implements TaskPanels {

    private final ResidentCorrections corrections;
    private final Records records;

    ResidentCorrectionTaskPanels(ResidentCorrections corrections, Records records) {
        this.corrections = corrections;
        this.records = records;
    }

    @Override
    public Set<TaskKind> kinds() {
        return EnumSet.of(TaskKind.RESIDENT_CORRECTION_CHECK);
    }

    @Override
    public Component open(String taskId, TaskKind kind, Runnable completed) {
        return new ResidentCorrectionPanel(corrections.requestOf(taskId), corrections, records, completed);
    }
}
