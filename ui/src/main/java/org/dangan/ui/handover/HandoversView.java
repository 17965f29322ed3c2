package org.dangan.ui.handover;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.handover.ChangeKind;
import org.dangan.workflow.handover.Handovers;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionStatus;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;

/**
 * Handover of an archive (档案移交): the change recorded by an administrator or the county; the
 * receiving side scans every box delivered; the giving side resolves differences or takes the
 * handover back; a supervisor decides; the handover list to print and sign.
 */
@Route("handovers")
@PageTitle("档案移交")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "ADMIN"})
public class HandoversView extends VerticalLayout {

    private final Handovers handovers;
    private final Institutions institutions;
    final ComboBox<Institution> from = new ComboBox<>();
    final ComboBox<Institution> to = new ComboBox<>();
    final Select<ChangeKind> kind = new Select<>();
    final TextField reason = new TextField();
    final FlexLayout startForm;
    final Grid<Handovers.HandoverView> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final HandoverWork work;
    final Span status = new Span();

    public HandoversView(Handovers handovers, Institutions institutions) {
        this.handovers = handovers;
        this.institutions = institutions;
        setWidthFull();
        setMaxWidth("100%");
        getStyle().set("box-sizing", "border-box");
        add(new H2(getTranslation("handovers.title")));
        status.setId("handover-status");

        // the domain says who may start a handover and between which institutions
        List<Institution> eligible = handovers.eligibleInstitutions();
        from.setId("handover-from");
        from.setLabel(getTranslation("handovers.from"));
        to.setId("handover-to");
        to.setLabel(getTranslation("handovers.to"));
        for (ComboBox<Institution> box : List.of(from, to)) {
            box.setItems(eligible);
            box.setItemLabelGenerator(Institution::getName);
            box.setWidth("min(16em, 100%)");
        }
        kind.setId("handover-kind");
        kind.setLabel(getTranslation("handovers.kind"));
        kind.setItems(ChangeKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("changeKind." + k.name()));
        kind.setValue(ChangeKind.MERGER);
        kind.setWidth("9em");
        reason.setId("handover-reason");
        reason.setLabel(getTranslation("handovers.reason"));
        reason.setWidth("min(18em, 100%)");
        Button start = new Button(getTranslation("handovers.start"), e -> start());
        start.setId("handover-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        startForm = new FlexLayout(from, to, kind, reason, start);
        startForm.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        startForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        startForm.getStyle().set("gap", "var(--lumo-space-m)");
        startForm.setWidthFull();
        startForm.setVisible(!eligible.isEmpty());

        work = new HandoverWork(handovers, this::refresh);
        grid.setId("handovers-grid");
        grid.setEmptyStateText(getTranslation("handovers.none"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(h -> "#" + h.id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> h.fromName() + " → " + h.toName())
                .setHeader(getTranslation("handovers.fromTo"))
                .setFlexGrow(3);
        grid.addColumn(h -> getTranslation("changeKind." + h.kind()))
                .setHeader(getTranslation("handovers.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(h -> getTranslation("handoverState." + h.state()))
                .setHeader(getTranslation("handovers.state"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(h -> work.counts(h))
                .setHeader(getTranslation("handovers.inventory"))
                .setFlexGrow(3);
        grid.setHeight("14em");
        grid.setWidthFull();
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        empty.setId("handovers-empty");

        add(startForm, status, new H3(getTranslation("handovers.all")), grid, empty, work);
        refresh();
    }

    private void start() {
        Attempt.run(() -> {
                    Handovers.Started started = handovers.start(new Handovers.Request(
                            from.getValue() == null ? null : from.getValue().getCode(),
                            to.getValue() == null ? null : to.getValue().getCode(),
                            reason.getValue(),
                            kind.getValue()));
                    String text = getTranslation("handovers.started", started.id());
                    status.setText(text);
                    Refusals.done(text);
                    reason.clear();
                })
                .ifPresentOrElse(status::setText, this::refresh);
    }

    /** Each box label scanned counts once. */
    void scanned(String barcode) {
        work.scanned(barcode);
    }

    private void show(Handovers.HandoverView h) {
        work.show(h, null);
    }

    void refresh() {
        Long selected = grid.asSingleSelect().getValue() == null
                ? null
                : grid.asSingleSelect().getValue().id();
        var all = handovers.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        empty.setText(all.isEmpty() ? whyEmpty() : "");
        all.stream()
                .filter(h -> Long.valueOf(h.id()).equals(selected))
                .findFirst()
                .ifPresentOrElse(
                        h -> {
                            grid.asSingleSelect().setValue(h);
                            show(h);
                        },
                        () -> show(null));
    }

    /** An empty list says why: a merged or closed institution's handovers went with its archive. */
    private String whyEmpty() {
        DanganUser user = CurrentUser.require();
        if (user.institutionId() != null) {
            Institution mine = institutions.require(user.institutionId());
            if (mine.getStatus() != InstitutionStatus.ACTIVE) {
                String successor = mine.getSuccessorId() == null
                        ? ""
                        : institutions.require(mine.getSuccessorId()).getName();
                return getTranslation(
                        "handovers.empty.retired",
                        mine.getName(),
                        getTranslation("institutionStatus." + mine.getStatus().name()),
                        successor);
            }
        }
        return getTranslation("handovers.empty");
    }
}
