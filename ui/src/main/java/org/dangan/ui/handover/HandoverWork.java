package org.dangan.ui.handover;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangan.ui.custody.ScanHistory;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.ScanField;
import org.dangan.workflow.handover.Handovers;
import org.dangan.workflow.handover.Handovers.HandoverView;
import org.dangan.workflow.platform.TaskKind;

/**
 * The work on one handover, as the list view and the inbox's task panels both show it: what is
 * handed over (names, kind, state, the counts), the differences of every check, and the step the
 * user may work now (the domain says which): the receiver's scan of the boxes, the giving side's
 * answer to differences, the supervisor's decision, which asks first and says what it will do.
 */
class HandoverWork extends VerticalLayout {

    private final Handovers handovers;
    private final Runnable changed;
    private HandoverView handover;

    final FormLayout summary = new FormLayout();
    final Grid<Handovers.DifferenceView> differences = new Grid<>();
    final ScanField scan;
    final Span scannedCount = new Span();
    final ScanHistory scans = new ScanHistory("handover-scans");
    final Button check = new Button();
    final TextField note = new TextField();
    final Button recheck = new Button();
    final Button giveBack = new Button();
    final Button approve = new Button();
    final Button refuse = new Button();
    final Anchor list = new Anchor();
    final VerticalLayout checking;
    final FlexLayout resolving;
    final FlexLayout deciding;

    /** @param changed after a step was done, so that the caller refreshes its list or closes the task */
    HandoverWork(Handovers handovers, Runnable changed) {
        this.handovers = handovers;
        this.changed = changed;
        setPadding(false);
        setWidthFull();
        summary.setId("handover-summary");
        summary.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));

        // the receiving side scans each box label delivered, then submits the check
        scan = new ScanField("handover-scan", getTranslation("handovers.scan"), this::scanned);
        scannedCount.setId("handover-scanned");
        scans.onCount(() -> scannedCount.setText(
                scans.codes().isEmpty()
                        ? ""
                        : getTranslation("handovers.scannedCount", scans.codes().size())));
        check.setText(getTranslation("handovers.check"));
        check.setId("handover-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(
                e -> step(() -> handovers.check(handover.id(), scans.codes(), Map.of()), "handovers.checkedDone"));
        FlexLayout scanRow = row(scan, scannedCount, check);
        checking = new VerticalLayout(scanRow, scans);
        checking.setPadding(false);

        note.setId("handover-note");
        note.setLabel(getTranslation("handovers.note"));
        note.setWidth("min(22em, 100%)");
        recheck.setText(getTranslation("handovers.recheck"));
        recheck.setId("handover-recheck");
        recheck.addClickListener(
                e -> step(() -> handovers.resolve(handover.id(), "RECHECK", note.getValue()), "handovers.recheckDone"));
        giveBack.setText(getTranslation("handovers.return"));
        giveBack.setId("handover-return");
        giveBack.addClickListener(
                e -> step(() -> handovers.resolve(handover.id(), "RETURN", note.getValue()), "handovers.returnDone"));
        approve.setText(getTranslation("handovers.approve"));
        approve.setId("handover-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(e -> askToApprove());
        refuse.setText(getTranslation("handovers.refuse"));
        refuse.setId("handover-refuse");
        refuse.addClickListener(
                e -> step(() -> handovers.decide(handover.id(), false, note.getValue()), "handovers.refuseDone"));
        resolving = row(recheck, giveBack);
        deciding = row(approve, refuse);

        list.setId("handover-list");
        list.setText(getTranslation("handovers.list"));
        list.setTarget("_blank");

        differences.setId("handover-differences");
        differences
                .addColumn(Handovers.DifferenceView::round)
                .setHeader(getTranslation("handovers.round"))
                .setAutoWidth(true);
        differences
                .addColumn(Handovers.DifferenceView::barcode)
                .setHeader(getTranslation("handovers.box"))
                .setAutoWidth(true);
        differences
                .addColumn(d -> getTranslation("handoverDifference." + d.kind()))
                .setHeader(getTranslation("handovers.difference"))
                .setAutoWidth(true);
        differences
                .addColumn(d -> d.note() == null ? "" : d.note())
                .setHeader(getTranslation("handovers.note"))
                .setFlexGrow(2);
        differences.setAllRowsVisible(true);

        add(summary, checking, note, resolving, deciding, list, differences);
        show(null, null);
    }

    private static FlexLayout row(Component... parts) {
        FlexLayout row = new FlexLayout(parts);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    /**
     * Shows the handover and the steps the user may work on it now.
     *
     * @param only the steps this place offers (a task panel offers its own); null for all
     */
    void show(HandoverView h, Set<TaskKind> only) {
        this.handover = h;
        summary.removeAll();
        scans.clear();
        note.clear();
        Set<TaskKind> steps = h == null ? Set.of() : new HashSet<>(handovers.openSteps(h.id()));
        if (only != null) {
            steps.retainAll(only);
        }
        checking.setVisible(steps.contains(TaskKind.HANDOVER_DELIVERY_CHECK));
        resolving.setVisible(steps.contains(TaskKind.HANDOVER_DIFFERENCES));
        deciding.setVisible(steps.contains(TaskKind.HANDOVER_APPROVAL));
        note.setVisible(resolving.isVisible() || deciding.isVisible());
        differences.setItems(h == null ? List.of() : h.differences());
        differences.setVisible(h != null && !h.differences().isEmpty());
        list.setVisible(h != null);
        if (h == null) {
            return;
        }
        summary.addFormItem(new Span(h.fromName() + " → " + h.toName()), getTranslation("handovers.fromTo"));
        summary.addFormItem(new Span(getTranslation("changeKind." + h.kind())), getTranslation("handovers.kind"));
        summary.addFormItem(new Span(getTranslation("handoverState." + h.state())), getTranslation("handovers.state"));
        summary.addFormItem(new Span(counts(h)), getTranslation("handovers.inventory"));
        summary.addFormItem(new Span(h.reason()), getTranslation("handovers.reason"));
        long id = h.id();
        list.setHref(new StreamResource(
                "handover-" + id + ".pdf", () -> new ByteArrayInputStream(handovers.handoverList(id))));
    }

    String counts(HandoverView h) {
        return h.counts().documents() == null
                ? getTranslation(
                        "handovers.countsNoScans",
                        h.counts().records(),
                        h.counts().paperFiles(),
                        h.counts().boxes())
                : getTranslation(
                        "handovers.counts",
                        h.counts().records(),
                        h.counts().paperFiles(),
                        h.counts().boxes(),
                        h.counts().documents());
    }

    /** Each box label scanned counts once; a second scan of the same label says so in red. */
    void scanned(String barcode) {
        scans.once(barcode, n -> getTranslation("scans.taken", n), getTranslation("scans.again"));
    }

    private void askToApprove() {
        if (handover == null) {
            return;
        }
        Handovers.Consequence c = handovers.consequenceOfApproval(handover.id());
        Confirm.ask(
                "handover-approve-confirm",
                getTranslation("handovers.approveConfirm.header", handover.id()),
                getTranslation(
                        "handovers.approveConfirm.text",
                        c.fromName(),
                        c.toName(),
                        c.records(),
                        c.paperFiles(),
                        c.boxes(),
                        c.accounts(),
                        getTranslation("institutionStatus." + c.kind().after().name())),
                getTranslation("handovers.approve"),
                () -> step(() -> handovers.decide(handover.id(), true, null), "handovers.approveDone"));
    }

    /** Runs a step; says what was done ("已批准移交 #4") and lets the caller refresh, or shows the refusal. */
    private void step(Runnable action, String doneKey) {
        if (handover == null) {
            return;
        }
        long id = handover.id();
        if (Attempt.run(action).isEmpty()) {
            Refusals.done(getTranslation(doneKey, id));
            changed.run();
        }
    }
}
