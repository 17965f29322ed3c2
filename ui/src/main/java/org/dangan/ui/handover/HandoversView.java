package org.dangan.ui.handover;

import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.ScanField;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.handover.ChangeKind;
import org.dangan.workflow.handover.Handovers;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionStatus;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;

/**
 * Handover of an archive (档案移交): the change recorded by an administrator or the county; the
 * receiving side scans every box delivered; the giving side resolves differences or takes the
 * handover back; a supervisor decides; the handover list to print and sign.
 */
@Route("handovers")
@PageTitle("档案移交 Handovers")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "ADMIN"})
public class HandoversView extends VerticalLayout {

    private final Handovers handovers;
    private final DanganUser user = CurrentUser.require();
    final ComboBox<Institution> from = new ComboBox<>();
    final ComboBox<Institution> to = new ComboBox<>();
    final Select<ChangeKind> kind = new Select<>();
    final TextField reason = new TextField();
    final Grid<Handovers.HandoverView> grid = new Grid<>();
    final Grid<Handovers.DifferenceView> differences = new Grid<>();
    final ScanField scan;
    final List<String> scanned = new ArrayList<>();
    final Span scannedCount = new Span();
    final TextField note = new TextField();
    final Anchor list = new Anchor();
    final Span status = new Span();

    public HandoversView(Handovers handovers, Institutions institutions) {
        this.handovers = handovers;
        add(new H2(getTranslation("handovers.title")));
        status.setId("handover-status");

        List<Institution> active = institutions.currentScope().institutions().stream()
                .filter(i -> i.getStatus() == InstitutionStatus.ACTIVE).toList();
        from.setId("handover-from");
        from.setLabel(getTranslation("handovers.from"));
        to.setId("handover-to");
        to.setLabel(getTranslation("handovers.to"));
        for (ComboBox<Institution> box : List.of(from, to)) {
            box.setItems(active);
            box.setItemLabelGenerator(i -> i.getName() + " (" + i.getCode() + ")");
            box.setWidth("18em");
        }
        kind.setId("handover-kind");
        kind.setLabel(getTranslation("handovers.kind"));
        kind.setItems(ChangeKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("changeKind." + k.name()));
        kind.setValue(ChangeKind.MERGER);
        reason.setId("handover-reason");
        reason.setLabel(getTranslation("handovers.reason"));
        Button start = new Button(getTranslation("handovers.start"), e -> Attempt.run(() -> {
            Handovers.Started started = handovers.start(new Handovers.Request(
                    from.getValue() == null ? null : from.getValue().getCode(),
                    to.getValue() == null ? null : to.getValue().getCode(), reason.getValue(), kind.getValue()));
            status.setText(getTranslation("handovers.started", started.id()));
        }).ifPresentOrElse(status::setText, this::refresh));
        start.setId("handover-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout startForm = new HorizontalLayout(from, to, kind, reason, start);
        startForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        boolean mayStart = user.is(Role.ADMIN) || user.is(Role.SUPERVISOR);
        startForm.setVisible(mayStart);

        grid.setId("handovers-grid");
        grid.addColumn(Handovers.HandoverView::id).setHeader("#").setAutoWidth(true);
        grid.addColumn(h -> h.from() + " → " + h.to()).setHeader(getTranslation("handovers.fromTo")).setAutoWidth(true);
        grid.addColumn(h -> getTranslation("handoverState." + h.state())).setHeader(getTranslation("handovers.state"));
        grid.addColumn(h -> getTranslation("handovers.counts", h.counts().records(), h.counts().paperFiles(),
                h.counts().boxes(), h.counts().documents())).setHeader(getTranslation("handovers.inventory")).setFlexGrow(2);
        grid.setHeight("14em");
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        // the receiving side scans each box label delivered, then submits the check
        scan = new ScanField("handover-scan", getTranslation("handovers.scan"), this::scanned);
        scannedCount.setId("handover-scanned");
        Button check = new Button(getTranslation("handovers.check"), e -> onSelected(h -> {
            handovers.check(h.id(), List.copyOf(scanned), Map.of());
            scanned.clear();
            scannedCount.setText("");
        }));
        check.setId("handover-check");
        note.setId("handover-note");
        note.setLabel(getTranslation("handovers.note"));
        Button recheck = new Button(getTranslation("handovers.recheck"),
                e -> onSelected(h -> handovers.resolve(h.id(), "RECHECK", note.getValue())));
        recheck.setId("handover-recheck");
        Button giveBack = new Button(getTranslation("handovers.return"),
                e -> onSelected(h -> handovers.resolve(h.id(), "RETURN", note.getValue())));
        giveBack.setId("handover-return");
        Button approve = new Button(getTranslation("handovers.approve"), e -> onSelected(h -> handovers.decide(h.id(), true, null)));
        approve.setId("handover-approve");
        Button refuse = new Button(getTranslation("handovers.refuse"),
                e -> onSelected(h -> handovers.decide(h.id(), false, note.getValue())));
        refuse.setId("handover-refuse");
        approve.setVisible(user.is(Role.SUPERVISOR));
        refuse.setVisible(user.is(Role.SUPERVISOR));
        list.setId("handover-list");
        list.setText(getTranslation("handovers.list"));
        list.setTarget("_blank");
        list.setVisible(false);
        HorizontalLayout checking = new HorizontalLayout(scan, scannedCount, check);
        checking.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout deciding = new HorizontalLayout(note, recheck, giveBack, approve, refuse, list);
        deciding.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        differences.setId("handover-differences");
        differences.addColumn(Handovers.DifferenceView::round).setHeader(getTranslation("handovers.round")).setAutoWidth(true);
        differences.addColumn(Handovers.DifferenceView::barcode).setHeader(getTranslation("handovers.box"));
        differences.addColumn(d -> getTranslation("handoverDifference." + d.kind())).setHeader(getTranslation("handovers.difference"));
        differences.addColumn(d -> d.note() == null ? "" : d.note()).setHeader(getTranslation("handovers.note")).setFlexGrow(2);
        differences.setAllRowsVisible(true);

        add(startForm, new H3(getTranslation("handovers.all")), grid, checking, deciding, status, differences);
        refresh();
    }

    /** Each box label scanned counts once. */
    void scanned(String barcode) {
        if (!scanned.contains(barcode)) {
            scanned.add(barcode);
        }
        scannedCount.setText(getTranslation("handovers.scannedCount", scanned.size()));
    }

    private void onSelected(java.util.function.Consumer<Handovers.HandoverView> step) {
        Attempt.onSelected(grid, status, getTranslation("handovers.pick"), step,
                h -> getTranslation("handovers.done", h.id()));
        refresh();
    }

    private void show(Handovers.HandoverView h) {
        differences.setItems(h == null ? List.of() : h.differences());
        list.setVisible(h != null);
        if (h != null) {
            long id = h.id();
            list.setHref(new StreamResource("handover-" + id + ".pdf",
                    () -> new ByteArrayInputStream(handovers.handoverList(id))));
        }
    }

    void refresh() {
        Long selected = grid.asSingleSelect().getValue() == null ? null : grid.asSingleSelect().getValue().id();
        var all = handovers.list();
        grid.setItems(all);
        all.stream().filter(h -> Long.valueOf(h.id()).equals(selected)).findFirst()
                .ifPresentOrElse(grid.asSingleSelect()::setValue, () -> show(null));
    }
}
