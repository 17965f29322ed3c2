package org.dangan.ui.inbox;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dangan.ui.home.TaskResidents;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.platform.Inbox.Item;
import org.dangan.workflow.platform.TaskKind;

/**
 * The task inbox (我的任务): every task offered to the user, from every process, and beside the
 * chosen one its own work panel, which the module of the task builds ({@link TaskPanels}, one per
 * {@link TaskKind}). Open to the roles whose groups the processes offer tasks to.
 */
@Route("tasks")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR"})
public class TasksView extends VerticalLayout implements HasDynamicTitle {

    private final Inbox inbox;
    private final Clock clock;
    private final TaskResidents residents;
    /** The residents the listed tasks are about, by record number. */
    private Map<String, String> names = new HashMap<>();

    private final Map<TaskKind, TaskPanels> panels = new EnumMap<>(TaskKind.class);
    private final Grid<Item> taskGrid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();
    private final SplitLayout split = new SplitLayout();
    private Registration resized;

    public TasksView(Inbox inbox, List<TaskPanels> modules, Clock clock, TaskResidents residents) {
        this.inbox = inbox;
        this.clock = clock;
        this.residents = residents;
        modules.forEach(m -> m.kinds().forEach(k -> panels.put(k, m)));
        setSizeFull();
        taskGrid.setId("task-grid");
        // the texts wrap in their columns, so that every column, 期限 the last, fits beside the work panel
        taskGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        taskGrid.addColumn(t -> getTranslation("TaskKind." + t.kind().name()))
                .setHeader(getTranslation("tasks.task"))
                .setWidth("7em")
                .setFlexGrow(1);
        taskGrid.addColumn(t -> getTranslation(t.subject().key(), t.subject().arguments())
                        + (names.get(t.subject().recordNumber()) == null
                                ? ""
                                : " · " + names.get(t.subject().recordNumber())))
                .setHeader(getTranslation("tasks.subject"))
                .setWidth("8em")
                .setFlexGrow(2);
        taskGrid.addColumn(t -> t.institutionName() == null ? "" : t.institutionName())
                .setHeader(getTranslation("tasks.institution"))
                .setWidth("6em")
                .setFlexGrow(1);
        taskGrid.addColumn(t -> ChinaTime.minute(t.created()))
                .setHeader(getTranslation("tasks.created"))
                .setWidth("6em")
                .setFlexGrow(0);
        taskGrid.addComponentColumn(this::due)
                .setHeader(getTranslation("tasks.due"))
                .setWidth("6.5em")
                .setFlexGrow(0);
        taskGrid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        taskGrid.setEmptyStateText(getTranslation("tasks.none"));
        detail.setId("task-detail");
        detail.setSizeFull();
        split.addToPrimary(taskGrid);
        split.addToSecondary(detail);
        split.setSplitterPosition(50);
        split.setSizeFull();
        add(new H2(getTranslation("tasks.title")), split);
        refresh();
    }

    /** On a phone the list stands above the work panel, at a desk beside it; as the shell, by the window's width. */
    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        resized = ui.getPage().addBrowserWindowResizeListener(e -> stack(e.getWidth() < Rows.COMPACT_BELOW));
        ui.getPage().retrieveExtendedClientDetails(d -> stack(d.getWindowInnerWidth() < Rows.COMPACT_BELOW));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        resized.remove();
        super.onDetach(detach);
    }

    private void stack(boolean narrow) {
        SplitLayout.Orientation wanted = narrow ? SplitLayout.Orientation.VERTICAL : SplitLayout.Orientation.HORIZONTAL;
        if (split.getOrientation() != wanted) {
            split.setOrientation(wanted);
            split.setSplitterPosition(narrow ? 35 : 50);
        }
    }

    private Span due(Item task) {
        Instant now = clock.instant();
        Span due = new Span(
                task.due() == null
                        ? ""
                        : task.overdue(now)
                                ? getTranslation("tasks.overdue", ChinaTime.day(task.dueDay()))
                                : ChinaTime.day(task.dueDay()));
        if (task.overdue(now)) {
            due.getElement().getThemeList().add("badge error");
        }
        return due;
    }

    private void refresh() {
        List<Item> items = inbox.mine();
        names = residents.namesOf(items);
        taskGrid.setItems(items);
        detail.removeAll();
        detail.add(new Paragraph(getTranslation("tasks.choose")));
    }

    /** After a task is done: the list again, and whatever counts tasks (the menu's badge). */
    private void completed() {
        refresh();
        TasksChanged.fire();
    }

    private void show(Item task) {
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
            Component panel = module.open(task.taskId(), task.kind(), this::completed);
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
