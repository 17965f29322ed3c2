package org.dangan.ui.inbox;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;

/**
 * The task inbox (我的任务): the tasks offered to the user, and beside the chosen one its own work
 * panel, which the module of the task builds ({@link TaskPanels}, one per {@link TaskKind}).
 */
@Route("tasks")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR"})
public class TasksView extends VerticalLayout implements HasDynamicTitle {

    private final CampaignInbox inbox;
    private final Map<TaskKind, TaskPanels> panels = new EnumMap<>(TaskKind.class);
    private final Grid<WorkItem> taskGrid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    public TasksView(CampaignInbox inbox, List<TaskPanels> modules) {
        this.inbox = inbox;
        modules.forEach(m -> m.kinds().forEach(k -> panels.put(k, m)));
        setSizeFull();
        taskGrid.setId("task-grid");
        taskGrid.addColumn(t -> getTranslation("TaskKind." + t.kind().name())).setHeader(getTranslation("tasks.task"))
                .setAutoWidth(true);
        taskGrid.addColumn(t -> "#" + t.campaignId()).setHeader(getTranslation("tasks.campaign"));
        taskGrid.addColumn(t -> t.institutionName() == null ? "" : t.institutionName())
                .setHeader(getTranslation("tasks.institution"));
        taskGrid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        detail.setId("task-detail");
        detail.setSizeFull();
        SplitLayout split = new SplitLayout(taskGrid, detail);
        split.setSplitterPosition(30);
        split.setSizeFull();
        add(new H2(getTranslation("tasks.title")), split);
        refresh();
    }

    private void refresh() {
        taskGrid.setItems(inbox.mine());
        detail.removeAll();
        detail.add(new Paragraph(getTranslation("tasks.choose")));
    }

    private void show(WorkItem task) {
        detail.removeAll();
        if (task == null) {
            return;
        }
        TaskPanels module = panels.get(task.kind());
        if (module == null) {
            detail.add(new Paragraph(getTranslation("tasks.noPanel")));
            return;
        }
        try {
            Component panel = module.open(task.taskId(), task.kind(), this::refresh);
            detail.add(panel);
        } catch (RuntimeException e) {
            detail.add(new Paragraph(Refusals.message(e)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tasks.title");
    }
}
