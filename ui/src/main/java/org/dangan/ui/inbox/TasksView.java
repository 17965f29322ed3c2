package org.dangan.ui.inbox;

import org.dangan.ui.registry.RecordMergePanel;
import org.dangan.ui.verification.CampaignsView;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Set;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordCorrection;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.CampaignReports.InstitutionProgress;
import org.dangan.workflow.verification.FindingStatus;
import org.dangan.workflow.verification.Findings;
import org.dangan.workflow.verification.Findings.FindingView;
import org.dangan.workflow.verification.PaperChecks;
import org.dangan.workflow.verification.SampleChecks;

/**
 * The task inbox (我的任务): the campaign tasks offered to the user, and beside the chosen one
 * what it needs: the flagged records with their findings and the paper files for a self-check,
 * the sample for a county check, the figures for a sign-off or the city's decision.
 */
@Route("tasks")
@PageTitle("任务 Tasks")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR"})
public class TasksView extends VerticalLayout {

    private final CampaignInbox inbox;
    private final CampaignReports reports;
    private final Findings findings;
    private final SampleChecks samples;
    private final PaperChecks paperChecks;
    private final Records records;
    private final Institutions institutions;
    private final org.dangan.workflow.registry.RecordMerge merge;
    private final Grid<WorkItem> taskGrid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    public TasksView(CampaignInbox inbox, CampaignReports reports, Findings findings, SampleChecks samples,
                     PaperChecks paperChecks, Records records, Institutions institutions,
                     org.dangan.workflow.registry.RecordMerge merge) {
        this.merge = merge;
        this.inbox = inbox;
        this.reports = reports;
        this.findings = findings;
        this.samples = samples;
        this.paperChecks = paperChecks;
        this.records = records;
        this.institutions = institutions;
        setSizeFull();
        taskGrid.setId("task-grid");
        taskGrid.addColumn(WorkItem::name).setHeader(getTranslation("tasks.task")).setAutoWidth(true);
        taskGrid.addColumn(t -> "#" + t.campaignId()).setHeader(getTranslation("tasks.campaign"));
        taskGrid.addColumn(t -> t.institutionName() == null ? "" : t.institutionName())
                .setHeader(getTranslation("tasks.institution"));
        taskGrid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        detail.setId("task-detail");
        SplitLayout split = new SplitLayout(taskGrid, detail);
        split.setSplitterPosition(35);
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
        detail.add(new H3(task.name()), new Span(getTranslation("tasks.campaign") + " #" + task.campaignId()
                + (task.institutionName() == null ? "" : " · " + task.institutionName())));
        CampaignReports.CampaignProgress progress = reports.progress(task.campaignId());
        InstitutionProgress mine = task.institutionCode() == null ? null : progress.institutions().stream()
                .filter(i -> i.code().equals(task.institutionCode())).findFirst().orElse(null);
        if (mine != null && mine.reworkReason() != null && !mine.reworkReason().isBlank()) {
            Paragraph rework = new Paragraph(getTranslation("tasks.rework", mine.round(), mine.reworkReason()));
            rework.setId("rework-reason");
            rework.getStyle().set("color", "var(--lumo-error-text-color)");
            detail.add(rework);
        }
        switch (task.key()) {
            case "selfCheck" -> {
                detail.add(findingsPanel(task, mine), paperPanel(task, mine));
                detail.add(completeButton(task, getTranslation("tasks.submitSelfCheck"), Map.of()));
            }
            case "headSignOff" -> {
                detail.add(figures(mine));
                detail.add(completeButton(task, getTranslation("tasks.signSelfCheck"), Map.of()));
            }
            case "sampleCheck" -> {
                detail.add(samplePanel(task, mine));
                detail.add(completeButton(task, getTranslation("tasks.finishSample"), Map.of()));
            }
            case "cityAcceptance" -> detail.add(campaignFigures(progress), cityDecision(task));
            case "checkerSignOff" -> {
                detail.add(campaignFigures(progress), new Paragraph(getTranslation("tasks.signOffExplained")));
                detail.add(completeButton(task, getTranslation("tasks.signOff"), Map.of()));
            }
            default -> {
                detail.add(campaignFigures(progress));
                detail.add(completeButton(task, getTranslation("tasks.done"), Map.of()));
            }
        }
    }

    private Button completeButton(WorkItem task, String label, Map<String, Object> variables) {
        Button complete = new Button(label, e -> complete(task, variables));
        complete.setId("complete-task");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return complete;
    }

    private void complete(WorkItem task, Map<String, Object> variables) {
        try {
            inbox.complete(task.taskId(), variables);
            Notification.show(getTranslation("tasks.completed", task.name()), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (RuntimeException e) {
            error(e);
        }
    }

    private void error(RuntimeException e) {
        Notification n = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private Component figures(InstitutionProgress p) {
        if (p == null) {
            return new Span();
        }
        FormLayout form = new FormLayout();
        form.setId("task-figures");
        form.addFormItem(new Span(Long.toString(p.records())), getTranslation("campaign.records"));
        form.addFormItem(new Span(Long.toString(p.flagged())), getTranslation("campaign.flagged"));
        form.addFormItem(new Span(Long.toString(p.open())), getTranslation("campaign.open"));
        form.addFormItem(new Span(Long.toString(p.fixed())), getTranslation("campaign.fixed"));
        form.addFormItem(new Span(Long.toString(p.waived())), getTranslation("campaign.waived"));
        form.addFormItem(new Span(Integer.toString(p.round())), getTranslation("campaign.round"));
        return form;
    }

    private Component campaignFigures(CampaignReports.CampaignProgress p) {
        Grid<InstitutionProgress> grid = CampaignsView.progressGrid(p.institutions(), this::getTranslation);
        grid.setAllRowsVisible(true);
        return grid;
    }

    // ---- self-check: findings of flagged records, bulk waiver, correction and re-check beside ----

    private Component findingsPanel(WorkItem task, InstitutionProgress mine) {
        Grid<FindingView> grid = new Grid<>();
        grid.setId("finding-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(FindingView::recordNumber).setHeader(getTranslation("record.recordNumber")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation("ruleName." + f.rule().name())).setHeader(getTranslation("finding.rule"));
        grid.addColumn(f -> getTranslation("severity." + f.severity().name())).setHeader(getTranslation("finding.severity"));
        grid.addColumn(f -> getTranslation("findingStatus." + f.status().name())).setHeader(getTranslation("finding.status"));
        grid.addColumn(f -> f.waiverReason() == null ? "" : f.waiverReason()).setHeader(getTranslation("finding.reason"));
        grid.setHeight("320px");
        ComboBox<FindingStatus> status = new ComboBox<>(getTranslation("finding.status"), FindingStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("findingStatus." + s.name()));
        status.setValue(FindingStatus.OPEN);
        status.setClearButtonVisible(true);
        // the user's scope (the township and its clinics) is the self-check's: Findings applies it
        Runnable load = () -> grid.setItems(findings.of(task.campaignId(), status.getValue(), 0, 500));
        status.addValueChangeListener(e -> load.run());
        load.run();
        TextField reason = new TextField(getTranslation("finding.waiverReason"));
        reason.setId("waiver-reason");
        reason.setMaxLength(Findings.MAX_REASON);
        Button waive = new Button(getTranslation("finding.waiveSelected"), e -> {
            try {
                findings.waiveAll(task.campaignId(), grid.getSelectedItems().stream().map(FindingView::id).toList(),
                        reason.getValue());
                reason.clear();
                load.run();
            } catch (RuntimeException ex) {
                error(ex);
            }
        });
        waive.setId("waive-selected");
        VerticalLayout record = new VerticalLayout();
        record.setId("finding-record");
        record.setPadding(false);
        grid.addItemClickListener(e -> showRecord(task, e.getItem().recordNumber(), record, load));
        HorizontalLayout beside = new HorizontalLayout(grid, record);
        beside.setWidthFull();
        beside.setFlexGrow(2, grid);
        beside.setFlexGrow(1, record);
        return new VerticalLayout(new H3(getTranslation("tasks.findings")), status, beside,
                new HorizontalLayout(reason, waive));
    }

    /** The record of a finding, with the fields a self-check corrects and a re-check after. */
    private void showRecord(WorkItem task, String recordNumber, VerticalLayout into, Runnable reload) {
        into.removeAll();
        RecordDetail r;
        try {
            r = records.read(recordNumber);
        } catch (RuntimeException e) {
            error(e);
            return;
        }
        TextField name = new TextField(getTranslation("record.name"), r.name(), "");
        TextField idNumber = new TextField(getTranslation("record.idNumber"));
        idNumber.setPlaceholder(r.idNumber());
        TextField phone = new TextField(getTranslation("record.phone"), r.phone() == null ? "" : r.phone(), "");
        TextField address = new TextField(getTranslation("record.address"), r.address() == null ? "" : r.address(), "");
        MultiSelectComboBox<KeyPopulation> tags = new MultiSelectComboBox<>(getTranslation("record.keyPopulations"),
                records.keyPopulationsShown());
        tags.setItemLabelGenerator(p -> getTranslation("population." + p.name()));
        tags.setValue(r.keyPopulations());
        DatePicker served = new DatePicker(getTranslation("record.lastServiceDate"), r.lastServiceDate());
        Button save = new Button(getTranslation("tasks.correctAndRecheck"), e -> {
            try {
                records.correct(recordNumber, new RecordCorrection(name.getValue(), null, null,
                        idNumber.getValue().isBlank() ? null : idNumber.getValue().strip(), phone.getValue(),
                        address.getValue(), Set.copyOf(tags.getValue()), served.getValue()));
                int fixed = findings.recheck(task.campaignId(), recordNumber);
                Notification.show(getTranslation("tasks.fixed", fixed), 3000, Notification.Position.BOTTOM_START);
                reload.run();
            } catch (RuntimeException ex) {
                error(ex);
            }
        });
        save.setId("correct-record");
        into.add(new H3(r.name() + " · " + r.recordNumber()), name, idNumber, phone, address, tags, served, save);
        // a duplicate found by the checks is worked here: both side by side, merged, both re-checked
        if (!merge.candidatesFor(recordNumber).isEmpty()) {
            into.add(new RecordMergePanel(r, records, merge, merged -> {
                findings.recheck(task.campaignId(), merged.survivor());
                findings.recheck(task.campaignId(), merged.duplicate());
                reload.run();
                into.removeAll();
            }));
        }
    }

    // ---- self-check: paper-electronic consistency per paper file ----

    private Component paperPanel(WorkItem task, InstitutionProgress mine) {
        long institutionId = institutions.byCode(task.institutionCode()).orElseThrow().getId();
        Grid<PaperChecks.PaperFileCheck> grid = new Grid<>();
        grid.setId("paper-grid");
        grid.addColumn(PaperChecks.PaperFileCheck::fileNumber).setHeader(getTranslation("paper.fileNumber")).setAutoWidth(true);
        grid.addColumn(PaperChecks.PaperFileCheck::registeredPages).setHeader(getTranslation("paper.registeredPages"));
        grid.addColumn(p -> p.pagesFound() == null ? "" : p.pagesFound().toString())
                .setHeader(getTranslation("paper.pagesFound"));
        grid.addColumn(p -> !p.checked() ? "" : getTranslation(p.agrees() ? "paper.agrees" : "paper.disagrees"))
                .setHeader(getTranslation("paper.result"));
        grid.setHeight("260px");
        Runnable load = () -> grid.setItems(paperChecks.of(task.campaignId(), institutionId, 0, 500));
        load.run();
        IntegerField pages = new IntegerField(getTranslation("paper.pagesFound"));
        pages.setMin(0);
        Checkbox signatures = new Checkbox(getTranslation("paper.signaturesPresent"), true);
        Checkbox agrees = new Checkbox(getTranslation("paper.contentAgrees"), true);
        TextField note = new TextField(getTranslation("paper.note"));
        note.setMaxLength(200);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                pages.setValue(e.getValue().pagesFound() != null ? e.getValue().pagesFound() : e.getValue().registeredPages());
            }
        });
        Button record = new Button(getTranslation("paper.record"), e -> {
            PaperChecks.PaperFileCheck chosen = grid.asSingleSelect().getValue();
            if (chosen == null || pages.getValue() == null) {
                return;
            }
            try {
                paperChecks.record(task.campaignId(), chosen.fileNumber(), new PaperChecks.PaperCheck(pages.getValue(),
                        signatures.getValue(), agrees.getValue(), note.getValue().isBlank() ? null : note.getValue()));
                load.run();
            } catch (RuntimeException ex) {
                error(ex);
            }
        });
        record.setId("record-paper-check");
        return new VerticalLayout(new H3(getTranslation("tasks.paper")), grid,
                new HorizontalLayout(pages, signatures, agrees, note, record));
    }

    // ---- county sample check ----

    private Component samplePanel(WorkItem task, InstitutionProgress mine) {
        long institutionId = institutions.byCode(task.institutionCode()).orElseThrow().getId();
        Grid<SampleChecks.SampleItem> grid = new Grid<>();
        grid.setId("sample-grid");
        grid.addColumn(SampleChecks.SampleItem::recordNumber).setHeader(getTranslation("record.recordNumber")).setAutoWidth(true);
        grid.addColumn(s -> "NONE".equals(s.stratum()) ? "" : getTranslation("population." + s.stratum()))
                .setHeader(getTranslation("sample.stratum"));
        grid.addColumn(s -> s.verdict() == null ? "" : getTranslation("verdict." + s.verdict().name()))
                .setHeader(getTranslation("sample.verdict"));
        grid.addColumn(s -> s.reason() == null ? "" : s.reason()).setHeader(getTranslation("finding.reason"));
        grid.setHeight("360px");
        Runnable load = () -> grid.setItems(samples.items(task.campaignId(), institutionId));
        load.run();
        TextField reason = new TextField(getTranslation("finding.reason"));
        reason.setId("sample-reason");
        Button pass = new Button(getTranslation("verdict.PASS"), e -> judge(task, grid, SampleChecks.Verdict.PASS, null, load));
        pass.setId("sample-pass");
        Button fail = new Button(getTranslation("verdict.FAIL"), e -> judge(task, grid, SampleChecks.Verdict.FAIL,
                reason.getValue(), load));
        fail.setId("sample-fail");
        fail.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new VerticalLayout(new H3(getTranslation("tasks.sample", mine == null ? 0 : mine.round())), grid,
                new HorizontalLayout(pass, reason, fail));
    }

    private void judge(WorkItem task, Grid<SampleChecks.SampleItem> grid, SampleChecks.Verdict verdict, String reason,
                       Runnable reload) {
        SampleChecks.SampleItem item = grid.asSingleSelect().getValue();
        if (item == null) {
            return;
        }
        try {
            samples.judge(task.campaignId(), item.recordNumber(), verdict, reason);
            reload.run();
        } catch (RuntimeException e) {
            error(e);
        }
    }

    // ---- city acceptance ----

    private Component cityDecision(WorkItem task) {
        TextArea reason = new TextArea(getTranslation("tasks.returnReason"));
        reason.setId("return-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        Button accept = new Button(getTranslation("tasks.accept"), e -> complete(task, Map.of("accepted", true)));
        accept.setId("accept-campaign");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button giveBack = new Button(getTranslation("tasks.return"),
                e -> complete(task, Map.of("accepted", false, "reason", reason.getValue())));
        giveBack.setId("return-campaign");
        giveBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new VerticalLayout(reason, new HorizontalLayout(accept, giveBack));
    }
}
