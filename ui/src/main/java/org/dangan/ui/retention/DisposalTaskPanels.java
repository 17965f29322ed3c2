package org.dangan.ui.retention;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.EnumSet;
import java.util.Set;
import org.dangan.ui.inbox.TaskPanels;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.retention.Disposals;

/** The work panels of a disposal list's tasks: the list's own work piece, for the list the task is about. */
@org.springframework.stereotype.Component
class DisposalTaskPanels implements TaskPanels {

    private final Disposals disposals;

    DisposalTaskPanels(Disposals disposals) {
        this.disposals = disposals;
    }

    @Override
    public Set<TaskKind> kinds() {
        return EnumSet.of(TaskKind.DISPOSAL_APPRAISAL, TaskKind.DISPOSAL_APPROVAL, TaskKind.DISPOSAL_COUNTY_APPROVAL);
    }

    @Override
    public Component open(String taskId, TaskKind kind, Runnable completed) {
        Disposals.DisposalView d = disposals.forTask(taskId);
        VerticalLayout panel = new VerticalLayout();
        panel.setId("disposal-task");
        panel.setPadding(false);
        DisposalWork work = new DisposalWork(disposals, completed);
        work.show(d);
        // the panel offers only its task's step
        work.appraise.setVisible(kind == TaskKind.DISPOSAL_APPRAISAL);
        work.approve.setVisible(kind != TaskKind.DISPOSAL_APPRAISAL);
        work.reject.setVisible(kind != TaskKind.DISPOSAL_APPRAISAL);
        panel.add(
                new H3(panel.getTranslation("TaskKind." + kind.name())),
                new Span(panel.getTranslation(
                        "disposals.task",
                        d.id(),
                        d.files().size(),
                        panel.getTranslation("disposalState." + d.state()))),
                work);
        return panel;
    }
}
