package org.dangan.ui.verification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Map;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.CampaignReports.InstitutionProgress;

/**
 * What every campaign task's panel shows first: the task, its campaign and institution, the reason
 * a round was sent back; and the way to complete it through the inbox.
 */
abstract class CampaignTaskPanel extends VerticalLayout {

    protected final WorkItem task;
    protected final CampaignInbox inbox;
    protected final CampaignReports.CampaignProgress progress;
    protected final InstitutionProgress mine;
    private final Runnable completed;

    CampaignTaskPanel(WorkItem task, CampaignInbox inbox, CampaignReports reports, Runnable completed) {
        this.task = task;
        this.inbox = inbox;
        this.completed = completed;
        this.progress = reports.progress(task.campaignId());
        this.mine = task.institutionCode() == null
                ? null
                : progress.institutions().stream()
                        .filter(i -> i.code().equals(task.institutionCode()))
                        .findFirst()
                        .orElse(null);
        setPadding(false);
        setWidthFull();
        add(
                new H3(getTranslation("TaskKind." + task.kind().name())),
                new Span(getTranslation("tasks.campaign") + " #" + task.campaignId()
                        + (task.institutionName() == null ? "" : " · " + task.institutionName())));
        if (mine != null && mine.reworkReason() != null && !mine.reworkReason().isBlank()) {
            // the reason asks the self-check to act; on every later step it is history, not an alarm
            boolean toActOn = task.kind() == TaskKind.SELF_CHECK;
            Paragraph rework = new Paragraph(getTranslation(
                    toActOn ? "tasks.rework" : "tasks.reworkHistory", mine.round(), mine.reworkReason()));
            rework.setId("rework-reason");
            rework.getStyle()
                    .set("color", toActOn ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
            add(rework);
        }
    }

    /** A row of fields and buttons on one baseline, wrapping on a narrow screen. */
    protected static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** A part of the panel, as wide as the panel. */
    protected static VerticalLayout section(Component... parts) {
        VerticalLayout section = new VerticalLayout(parts);
        section.setPadding(false);
        section.setWidthFull();
        return section;
    }

    /**
     * A list and the record of its selected row: side by side where there is room (1440 px and up),
     * the record below the list on a phone; the list never shrinks to nothing.
     */
    protected static FlexLayout beside(Component list, Component detail, String listBasis) {
        list.getElement().getStyle().set("flex", "2 1 " + listBasis).set("min-width", "0");
        detail.getElement().getStyle().set("flex", "1 1 300px").set("min-width", "0");
        FlexLayout beside = new FlexLayout(list, detail);
        beside.setWidthFull();
        beside.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        beside.getStyle().set("gap", "var(--lumo-space-m)");
        return beside;
    }

    protected Button completeButton(String label, Map<String, Object> variables) {
        Button complete = new Button(label, e -> complete(variables));
        complete.setId("complete-task");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return complete;
    }

    protected void complete(Map<String, Object> variables) {
        complete(
                variables,
                getTranslation(
                        "tasks.completed",
                        getTranslation("TaskKind." + task.kind().name())));
    }

    /** Completes the task, and on success says what happened in the user's words. */
    protected void complete(Map<String, Object> variables, String done) {
        try {
            inbox.complete(task.taskId(), variables);
            Refusals.done(done);
            completed.run();
        } catch (RuntimeException e) {
            Refusals.show(e);
        }
    }

    protected Component figures() {
        if (mine == null) {
            return new Span();
        }
        FormLayout form = new FormLayout();
        form.setId("task-figures");
        form.addFormItem(new Span(CampaignsView.count(mine.records())), getTranslation("campaign.records"));
        form.addFormItem(new Span(CampaignsView.count(mine.flagged())), getTranslation("campaign.flagged"));
        form.addFormItem(new Span(CampaignsView.count(mine.open())), getTranslation("campaign.open"));
        form.addFormItem(new Span(CampaignsView.count(mine.fixed())), getTranslation("campaign.fixed"));
        form.addFormItem(new Span(CampaignsView.count(mine.waived())), getTranslation("campaign.waived"));
        form.addFormItem(new Span(getTranslation("campaign.roundN", mine.round())), getTranslation("campaign.round"));
        return form;
    }

    protected Component campaignFigures() {
        Grid<InstitutionProgress> grid = CampaignsView.progressGrid(progress.institutions(), this::getTranslation);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
