package org.dangan.ui.handover;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.EnumSet;
import java.util.Set;
import org.dangan.ui.inbox.TaskPanels;
import org.dangan.workflow.handover.Handovers;
import org.dangan.workflow.platform.TaskKind;

/**
 * The work panels of a handover's tasks: the same work piece as the handover list, offering only
 * the task's own step; the handover is found through the task and shown only if the user may see it.
 */
@org.springframework.stereotype.Component
class HandoverTaskPanels implements TaskPanels {

    private final Handovers handovers;

    HandoverTaskPanels(Handovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public Set<TaskKind> kinds() {
        return EnumSet.of(TaskKind.HANDOVER_DELIVERY_CHECK, TaskKind.HANDOVER_DIFFERENCES, TaskKind.HANDOVER_APPROVAL);
    }

    @Override
    public Component open(String taskId, TaskKind kind, Runnable completed) {
        Handovers.HandoverView handover = handovers.forTask(taskId);
        VerticalLayout panel = new VerticalLayout();
        panel.setId("handover-task");
        panel.setPadding(false);
        panel.setWidthFull();
        HandoverWork work = new HandoverWork(handovers, completed);
        work.show(handover, EnumSet.of(kind));
        panel.add(
                new H3(panel.getTranslation("TaskKind." + kind.name())),
                new Span(panel.getTranslation("handovers.task", handover.id(), handover.fromName(), handover.toName())),
                work);
        return panel;
    }
}
