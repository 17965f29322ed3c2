package org.dangan.ui.verification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSingleSelectionModel;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangan.ui.registry.RecordMergePanel;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.DatePickers;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordCorrection;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.RecordMerge;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.CampaignReports.InstitutionProgress;
import org.dangan.workflow.verification.FindingStatus;
import org.dangan.workflow.verification.Findings;
import org.dangan.workflow.verification.Findings.FindingView;
import org.dangan.workflow.verification.PaperChecks;
import org.dangan.workflow.verification.Waiver;
import org.dangan.workflow.verification.WaiverReason;

/**
 * The institution's self-check: the flagged records with their findings (fixed by correcting the
 * record beside, or waived with a reason), and the paper files checked against the electronic ones.
 */
class SelfCheckPanel extends CampaignTaskPanel {

    private final Findings findings;
    private final PaperChecks paperChecks;
    private final Records records;
    private final Institutions institutions;
    private final RecordMerge merge;
    private final Documents documents;
    private final CampaignReports reports;

    SelfCheckPanel(
            WorkItem task,
            CampaignInbox inbox,
            CampaignReports reports,
            Runnable completed,
            Findings findings,
            PaperChecks paperChecks,
            Records records,
            Institutions institutions,
            RecordMerge merge,
            Documents documents) {
        super(task, inbox, reports, completed);
        this.findings = findings;
        this.paperChecks = paperChecks;
        this.records = records;
        this.institutions = institutions;
        this.merge = merge;
        this.documents = documents;
        this.reports = reports;
        add(findingsPanel(), paperPanel());
        Button submit = new Button(getTranslation("tasks.submitSelfCheck"), e -> submit());
        submit.setId("complete-task");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(submit);
    }

    /** Submitting with findings still open is allowed (the head and the county judge it), but asked first. */
    private void submit() {
        long open = reports.progress(task.campaignId()).institutions().stream()
                .filter(i -> i.code().equals(task.institutionCode()))
                .mapToLong(InstitutionProgress::open)
                .sum();
        if (open == 0) {
            complete(Map.of());
            return;
        }
        Confirm.ask(
                "submit-confirm",
                getTranslation("tasks.submitSelfCheck"),
                getTranslation("tasks.submitOpenFindings", open),
                getTranslation("tasks.submitAnyway"),
                () -> complete(Map.of()));
    }

    private Component findingsPanel() {
        Grid<FindingView> grid = new Grid<>();
        grid.setId("finding-grid");
        // ticks of our own: the grid's selection column labels its boxes in English ("Select Row")
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        Set<Long> ticked = new HashSet<>();
        Grid.Column<FindingView> tickColumn = grid.addComponentColumn(f -> {
                    if (f.status() != FindingStatus.OPEN) {
                        return new Span();
                    }
                    Checkbox tick = new Checkbox(ticked.contains(f.id()));
                    tick.setAriaLabel(getTranslation("finding.tick", f.recordNumber()));
                    tick.addValueChangeListener(e -> {
                        if (e.getValue()) {
                            ticked.add(f.id());
                        } else {
                            ticked.remove(f.id());
                        }
                    });
                    return tick;
                })
                .setKey("tick")
                .setHeader(getTranslation("finding.tickHeader"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        WaiverTexts.addFindingColumns(this, grid);
        Grid.Column<FindingView> severityColumn = grid.addColumn(
                        f -> getTranslation("severity." + f.severity().name()))
                .setHeader(getTranslation("finding.severity"));
        Grid.Column<FindingView> statusColumn = grid.addColumn(
                        f -> getTranslation("findingStatus." + f.status().name()))
                .setHeader(getTranslation("finding.status"));
        Grid.Column<FindingView> reasonColumn = WaiverTexts.addColumn(this, grid);
        grid.setHeight("420px");
        grid.setWidthFull();
        grid.setMinWidth("0");
        ComboBox<FindingStatus> status = new ComboBox<>(getTranslation("finding.status"), FindingStatus.values());
        status.setId("finding-status");
        status.setItemLabelGenerator(s -> getTranslation("findingStatus." + s.name()));
        status.setValue(FindingStatus.OPEN);
        status.setClearButtonVisible(true);
        // the user's scope (the township and its clinics) is the self-check's: Findings applies it
        Runnable load = () -> {
            // only the columns the filter leaves worth reading: at 1440 px the panel is about 520 px
            // wide, and with every column the reason sat beyond a sideways scroll
            FindingStatus filter = status.getValue();
            tickColumn.setVisible(filter == null || filter == FindingStatus.OPEN);
            severityColumn.setVisible(filter == null || filter == FindingStatus.OPEN);
            statusColumn.setVisible(filter == null);
            reasonColumn.setVisible(filter == null || filter == FindingStatus.WAIVED);
            List<FindingView> shown = findings.of(task.campaignId(), filter, 0, 500);
            ticked.retainAll(shown.stream().map(FindingView::id).toList());
            grid.setItems(shown);
        };
        status.addValueChangeListener(e -> load.run());
        load.run();
        ComboBox<WaiverReason> reason = new ComboBox<>(getTranslation("finding.waiverReason"), WaiverReason.values());
        reason.setId("waiver-kind");
        reason.setItemLabelGenerator(r -> getTranslation("waiverReason." + r.name()));
        reason.setWidth("min(100%, 16em)");
        TextField note = new TextField(getTranslation("finding.waiverNote"));
        note.setId("waiver-reason");
        note.setMaxLength(Waiver.MAX_NOTE);
        note.setHelperText(getTranslation("finding.waiverNoteHelp"));
        note.setWidth("min(100%, 28em)");
        Button waive = new Button(getTranslation("finding.waiveSelected"), e -> {
            try {
                int n = ticked.size();
                findings.waiveAll(
                        task.campaignId(), List.copyOf(ticked), new Waiver(reason.getValue(), note.getValue()));
                reason.clear();
                note.clear();
                load.run();
                Refusals.done(getTranslation("finding.waived", n));
            } catch (RuntimeException ex) {
                Refusals.show(ex);
            }
        });
        waive.setId("waive-selected");
        VerticalLayout record = new VerticalLayout(new Paragraph(getTranslation("finding.pickRow")));
        record.setId("finding-record");
        record.setPadding(false);
        grid.addItemClickListener(e -> showRecord(e.getItem().recordNumber(), record, load));
        record.setWidth(null);
        return section(
                new H3(getTranslation("tasks.findings")),
                status,
                beside(grid, record, "560px"),
                row(reason, note, waive));
    }

    /** The record of a finding, with the fields a self-check corrects and a re-check after. */
    private void showRecord(String recordNumber, VerticalLayout into, Runnable reload) {
        into.removeAll();
        RecordDetail r;
        try {
            r = records.read(recordNumber);
        } catch (RuntimeException e) {
            Refusals.show(e);
            return;
        }
        TextField name = new TextField(getTranslation("record.name"), r.name(), "");
        TextField idNumber = new TextField(getTranslation("record.idNumber"));
        idNumber.setPlaceholder(r.idNumber());
        TextField phone = new TextField(getTranslation("record.phone"), r.phone() == null ? "" : r.phone(), "");
        TextField address = new TextField(getTranslation("record.address"), r.address() == null ? "" : r.address(), "");
        MultiSelectComboBox<KeyPopulation> tags =
                new MultiSelectComboBox<>(getTranslation("record.keyPopulations"), records.keyPopulationsShown());
        tags.setItemLabelGenerator(p -> getTranslation("population." + p.name()));
        CampaignsView.chineseAnnouncements(tags, this::getTranslation);
        tags.setValue(r.keyPopulations());
        DatePicker served =
                DatePickers.translated(new DatePicker(getTranslation("record.lastServiceDate"), r.lastServiceDate()));
        name.setId("record-name");
        idNumber.setId("record-id-number");
        phone.setId("record-phone");
        address.setId("record-address");
        tags.setId("record-tags");
        served.setId("record-last-service");
        Button save = new Button(getTranslation("tasks.correctAndRecheck"), e -> {
            try {
                // one step in the domain: a correction it refuses (an ID number at odds with the birth
                // date) is neither saved nor counted fixed
                int fixed = findings.correct(
                        task.campaignId(),
                        recordNumber,
                        new RecordCorrection(
                                name.getValue(),
                                null,
                                null,
                                idNumber.getValue().isBlank()
                                        ? null
                                        : idNumber.getValue().strip(),
                                phone.getValue(),
                                address.getValue(),
                                Set.copyOf(tags.getValue()),
                                served.getValue()));
                Refusals.done(getTranslation("tasks.fixed", fixed));
                reload.run();
            } catch (RuntimeException ex) {
                Refusals.show(ex);
            }
        });
        save.setId("correct-record");
        FormLayout form = new FormLayout(name, idNumber, phone, address, tags, served);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setWidthFull();
        into.add(new H3(r.name() + " · " + r.recordNumber()), form, save);
        // a duplicate found by the checks is worked here: both side by side, merged, both re-checked
        if (merge.mayMerge() && !merge.candidatesFor(recordNumber).isEmpty()) {
            into.add(new RecordMergePanel(r, records, merge, documents, merged -> {
                findings.recheck(task.campaignId(), merged.survivor());
                findings.recheck(task.campaignId(), merged.duplicate());
                reload.run();
                into.removeAll();
            }));
        }
    }

    /**
     * The paper check, a box at a time: scan the box, its files are listed; record the files that
     * disagree (pages, signatures, content), then the rest as agreeing with one click.
     */
    private Component paperPanel() {
        long institutionId =
                institutions.byCode(task.institutionCode()).orElseThrow().getId();
        Grid<PaperChecks.PaperFileCheck> grid = new Grid<>();
        grid.setId("paper-grid");
        grid.addColumn(PaperChecks.PaperFileCheck::fileNumber)
                .setHeader(getTranslation("paper.fileNumber"))
                .setAutoWidth(true);
        grid.addColumn(PaperChecks.PaperFileCheck::recordNumber)
                .setHeader(getTranslation("record.recordNumber"))
                .setAutoWidth(true);
        grid.addColumn(PaperChecks.PaperFileCheck::name)
                .setHeader(getTranslation("record.name"))
                .setAutoWidth(true);
        grid.addColumn(PaperChecks.PaperFileCheck::registeredPages).setHeader(getTranslation("paper.registeredPages"));
        grid.addColumn(p -> p.pagesFound() == null ? "" : p.pagesFound().toString())
                .setHeader(getTranslation("paper.pagesFound"));
        grid.addColumn(p -> !p.checked() ? "" : getTranslation(p.agrees() ? "paper.agrees" : "paper.disagrees"))
                .setHeader(getTranslation("paper.result"));
        grid.setHeight("300px");
        grid.setWidthFull();
        ((GridSingleSelectionModel<?>) grid.getSelectionModel()).setDeselectAllowed(false);
        TextField box = new TextField(getTranslation("paper.box"));
        box.setId("paper-box");
        box.setPlaceholder(getTranslation("paper.boxPlaceholder"));
        box.setClearButtonVisible(true);
        Span boxed = new Span();
        boxed.setId("paper-box-summary");
        Runnable load = () -> {
            if (box.getValue().isBlank()) {
                grid.setItems(paperChecks.of(task.campaignId(), institutionId, 0, 500));
                boxed.setText("");
                return;
            }
            List<PaperChecks.PaperFileCheck> files =
                    paperChecks.ofBox(task.campaignId(), institutionId, box.getValue());
            grid.setItems(files);
            boxed.setText(getTranslation(
                    "paper.boxSummary",
                    box.getValue().strip(),
                    files.size(),
                    files.stream().filter(f -> !f.checked()).count()));
        };
        // a scanner types the barcode and Enter
        box.addValueChangeListener(e -> load.run());
        load.run();
        IntegerField pages = new IntegerField(getTranslation("paper.pagesFound"));
        pages.setId("paper-pages");
        pages.setMin(0);
        // filled in with the registered count: typing the counted one replaces it, not appends to it
        pages.setAutoselect(true);
        Checkbox signatures = new Checkbox(getTranslation("paper.signaturesPresent"), true);
        signatures.setId("paper-signatures");
        Checkbox agrees = new Checkbox(getTranslation("paper.contentAgrees"), true);
        agrees.setId("paper-agrees");
        TextField note = new TextField(getTranslation("paper.note"));
        note.setMaxLength(200);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                pages.setValue(
                        e.getValue().pagesFound() != null
                                ? e.getValue().pagesFound()
                                : e.getValue().registeredPages());
            }
        });
        Button record = new Button(getTranslation("paper.record"), e -> {
            PaperChecks.PaperFileCheck chosen = grid.asSingleSelect().getValue();
            if (chosen == null || pages.getValue() == null) {
                Refusals.show(Refused.invalid("paperCheck.pickFile"));
                return;
            }
            try {
                PaperChecks.PaperCheck check = new PaperChecks.PaperCheck(
                        pages.getValue(),
                        signatures.getValue(),
                        agrees.getValue(),
                        note.getValue().isBlank() ? null : note.getValue());
                paperChecks.record(task.campaignId(), chosen.fileNumber(), check);
                load.run();
                // a count typed onto the registered one ("1515") is recorded as found: say so at once
                Refusals.done(getTranslation(
                        chosen.with(check).agrees() ? "paper.recorded" : "paper.recordedDisagreeing",
                        chosen.fileNumber()));
            } catch (RuntimeException ex) {
                Refusals.show(ex);
            }
        });
        record.setId("record-paper-check");
        Button rest = new Button(getTranslation("paper.restAgree"), e -> {
            try {
                int n = paperChecks.recordAgreeing(task.campaignId(), institutionId, box.getValue());
                load.run();
                Refusals.done(getTranslation("paper.restAgreed", n));
            } catch (RuntimeException ex) {
                Refusals.show(ex);
            }
        });
        rest.setId("paper-rest-agree");
        rest.setEnabled(false);
        box.addValueChangeListener(e -> rest.setEnabled(!e.getValue().isBlank()));
        return section(
                new H3(getTranslation("tasks.paper")),
                row(box, boxed, rest),
                grid,
                row(pages, signatures, agrees, note, record));
    }
}
