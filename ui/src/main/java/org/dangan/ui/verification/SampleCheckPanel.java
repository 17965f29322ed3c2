package org.dangan.ui.verification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSingleSelectionModel;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.SampleChecks;
import org.dangan.workflow.verification.SampleChecks.SampleItem;

/**
 * The county's check of the sample drawn from an institution's records: a verdict per record, the
 * record's data beside the list. Keys 1 (合格) and 2 (不合格, with the reason typed) judge the selected
 * row and move on to the next; "其余全部合格" passes the rest once the failures are judged.
 */
class SampleCheckPanel extends CampaignTaskPanel {

    private final SampleChecks samples;
    private final Records records;
    private final long institutionId;
    private final Grid<SampleItem> grid = new Grid<>();
    private final Span judged = new Span();
    private final VerticalLayout record = new VerticalLayout();
    private final TextField reason = new TextField();

    SampleCheckPanel(
            WorkItem task,
            CampaignInbox inbox,
            CampaignReports reports,
            Runnable completed,
            SampleChecks samples,
            Institutions institutions,
            Records records) {
        super(task, inbox, reports, completed);
        this.samples = samples;
        this.records = records;
        this.institutionId =
                institutions.byCode(task.institutionCode()).orElseThrow().getId();
        add(samplePanel());
        add(completeButton(getTranslation("tasks.finishSample"), Map.of()));
    }

    private Component samplePanel() {
        grid.setId("sample-grid");
        grid.addColumn(SampleItem::recordNumber)
                .setHeader(getTranslation("record.recordNumber"))
                .setAutoWidth(true);
        grid.addColumn(SampleItem::name)
                .setHeader(getTranslation("record.name"))
                .setAutoWidth(true);
        grid.addColumn(s -> "NONE".equals(s.stratum()) ? "" : getTranslation("population." + s.stratum()))
                .setHeader(getTranslation("sample.stratum"));
        grid.addColumn(s -> s.verdict() == null
                        ? ""
                        : getTranslation("verdict." + s.verdict().name()))
                .setHeader(getTranslation("sample.verdict"));
        grid.addColumn(s -> s.reason() == null ? "" : s.reason()).setHeader(getTranslation("finding.reason"));
        grid.setHeight("400px");
        // a click on the selected row keeps it selected: a checker never loses the row silently
        ((GridSingleSelectionModel<SampleItem>) grid.getSelectionModel()).setDeselectAllowed(false);
        grid.asSingleSelect().addValueChangeListener(e -> showRecord(e.getValue()));
        judged.setId("sample-progress");
        reason.setLabel(getTranslation("finding.reason"));
        reason.setId("sample-reason");
        reason.setMaxLength(200);
        Button pass = new Button(getTranslation("sample.passKey"), e -> judge(SampleChecks.Verdict.PASS));
        pass.setId("sample-pass");
        pass.addClickShortcut(Key.DIGIT_1).listenOn(grid);
        Button fail = new Button(getTranslation("sample.failKey"), e -> judge(SampleChecks.Verdict.FAIL));
        fail.setId("sample-fail");
        fail.addThemeVariants(ButtonVariant.LUMO_ERROR);
        fail.addClickShortcut(Key.DIGIT_2).listenOn(grid);
        reason.addKeyPressListener(Key.ENTER, e -> judge(SampleChecks.Verdict.FAIL));
        Button rest = new Button(getTranslation("sample.restPass"), e -> passRest());
        rest.setId("sample-rest-pass");
        record.setId("sample-record");
        record.setPadding(false);
        record.setWidth(null);
        reload(null);
        grid.getListDataView().getItems().findFirst().ifPresent(grid::select);
        return section(
                new H3(getTranslation("tasks.sample", mine == null ? 0 : mine.round())),
                judged,
                new Paragraph(getTranslation("sample.keys")),
                beside(grid, record, "520px"),
                row(pass, reason, fail, rest));
    }

    private List<SampleItem> reload(String keepRecord) {
        List<SampleItem> items = samples.items(task.campaignId(), institutionId);
        grid.setItems(items);
        judged.setText(getTranslation(
                "sample.judged", items.stream().filter(i -> i.verdict() != null).count(), items.size()));
        if (keepRecord != null) {
            items.stream()
                    .filter(i -> i.recordNumber().equals(keepRecord))
                    .findFirst()
                    .ifPresent(grid::select);
        }
        return items;
    }

    /** Judges the selected row and selects the next, so a checker goes down the list with one key a row. */
    private void judge(SampleChecks.Verdict verdict) {
        SampleItem item = grid.asSingleSelect().getValue();
        if (item == null) {
            Refusals.show(Refused.invalid("sample.pickRecord"));
            return;
        }
        try {
            samples.judge(
                    task.campaignId(),
                    item.recordNumber(),
                    verdict,
                    verdict == SampleChecks.Verdict.FAIL ? reason.getValue() : null);
            reason.clear();
            List<SampleItem> items = reload(null);
            int at = indexOf(items, item.recordNumber());
            SampleItem next = items.get(Math.min(at + 1, items.size() - 1));
            grid.select(next);
            grid.scrollToIndex(items.indexOf(next));
            grid.focus();
        } catch (RuntimeException e) {
            Refusals.show(e);
            if (verdict == SampleChecks.Verdict.FAIL) {
                reason.focus();
            }
        }
    }

    private static int indexOf(List<SampleItem> items, String recordNumber) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).recordNumber().equals(recordNumber)) {
                return i;
            }
        }
        return 0;
    }

    private void passRest() {
        long open = grid.getListDataView()
                .getItems()
                .filter(i -> i.verdict() == null)
                .count();
        Confirm.ask(
                "sample-rest-confirm",
                getTranslation("sample.restPass"),
                getTranslation("sample.restPassConfirm", open),
                getTranslation("sample.restPass"),
                () -> {
                    try {
                        int n = samples.passRest(task.campaignId(), institutionId);
                        String selected = grid.asSingleSelect().getValue() == null
                                ? null
                                : grid.asSingleSelect().getValue().recordNumber();
                        reload(selected);
                        Refusals.done(getTranslation("sample.restPassed", n));
                    } catch (RuntimeException e) {
                        Refusals.show(e);
                    }
                });
    }

    /** The sampled record's data, to judge it without leaving the list (reading it is audited). */
    private void showRecord(SampleItem item) {
        record.removeAll();
        if (item == null) {
            return;
        }
        RecordDetail r;
        try {
            r = records.read(item.recordNumber());
        } catch (RuntimeException e) {
            Refusals.show(e);
            return;
        }
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addFormItem(new Span(r.recordNumber()), getTranslation("record.recordNumber"));
        form.addFormItem(
                new Span(
                        r.gender() == null
                                ? ""
                                : getTranslation("gender." + r.gender().name())),
                getTranslation("record.gender"));
        form.addFormItem(
                new Span(r.birthDate() == null ? "" : r.birthDate().toString()), getTranslation("record.birthDate"));
        form.addFormItem(
                new Span(r.keyPopulations().stream()
                        .map(p -> getTranslation("population." + p.name()))
                        .collect(Collectors.joining("、"))),
                getTranslation("record.keyPopulations"));
        form.addFormItem(
                new Span(r.lastServiceDate() == null ? "" : r.lastServiceDate().toString()),
                getTranslation("record.lastServiceDate"));
        form.addFormItem(new Span(r.phone() == null ? "" : r.phone()), getTranslation("record.phone"));
        form.addFormItem(new Span(r.address() == null ? "" : r.address()), getTranslation("record.address"));
        form.addFormItem(new Span(Integer.toString(r.paperFiles().size())), getTranslation("record.paperFiles"));
        H3 heading = new H3(r.name() + " · " + r.recordNumber());
        heading.setId("sample-record-name");
        record.add(heading, form);
    }
}
