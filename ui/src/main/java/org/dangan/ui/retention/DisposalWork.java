package org.dangan.ui.retention;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.retention.Disposals;

/**
 * The work on one disposal list, as the list view and the inbox's task panels both show it: its
 * files (tick the ones to keep, with a reason), the archivist's appraisal, the supervisors'
 * approval, which asks first and names how many files will be destroyed, and the certificate.
 */
class DisposalWork extends VerticalLayout {

    private final Disposals disposals;
    private final Runnable changed;
    private Disposals.DisposalView disposal;

    final Grid<Disposals.FileView> listFiles = new Grid<>();
    final TextField reason = new TextField();
    final Button appraise = new Button();
    final Button approve = new Button();
    final Button reject = new Button();
    final Anchor certificate = new Anchor();

    DisposalWork(Disposals disposals, Runnable changed) {
        this.disposals = disposals;
        this.changed = changed;
        setPadding(false);
        setWidthFull();
        listFiles.setId("disposal-files");
        listFiles.setSelectionMode(Grid.SelectionMode.MULTI);
        listFiles
                .addColumn(Disposals.FileView::fileNumber)
                .setHeader(getTranslation("disposals.file"))
                .setAutoWidth(true);
        listFiles
                .addColumn(Disposals.FileView::disposalDate)
                .setHeader(getTranslation("disposals.date"))
                .setAutoWidth(true);
        listFiles
                .addColumn(f -> f.disposed()
                        ? getTranslation("disposals.gone")
                        : f.keptBecause() == null ? "" : getTranslation("disposals.kept", f.keptBecause()))
                .setHeader(getTranslation("disposals.outcome"))
                .setFlexGrow(2);
        listFiles.setHeight("14em");
        certificate.setId("disposal-certificate");
        certificate.setText(getTranslation("disposals.certificate"));
        certificate.setTarget("_blank");
        certificate.setVisible(false);

        reason.setId("disposal-reason");
        reason.setLabel(getTranslation("disposals.reason"));
        appraise.setText(getTranslation("disposals.appraise"));
        appraise.setId("disposal-appraise");
        appraise.addClickListener(e -> step(
                () -> {
                    Map<String, Object> keep = new HashMap<>();
                    listFiles.getSelectedItems().forEach(f -> keep.put(f.fileNumber(), reason.getValue()));
                    disposals.complete(disposal.id(), "appraise", Map.of("keep", keep));
                },
                "disposals.appraisedDone"));
        appraise.setVisible(disposals.mayDo("appraise"));
        approve.setText(getTranslation("disposals.approve"));
        approve.setId("disposal-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(e -> askToApprove());
        reject.setText(getTranslation("disposals.reject"));
        reject.setId("disposal-reject");
        reject.addClickListener(e -> step(() -> decide(false), "disposals.rejectedDone"));
        approve.setVisible(disposals.mayDo("approve"));
        reject.setVisible(disposals.mayDo("approve"));
        FlexLayout actions = new FlexLayout(reason, appraise, approve, reject, certificate);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        add(actions, listFiles);
    }

    void show(Disposals.DisposalView d) {
        this.disposal = d;
        listFiles.deselectAll();
        reason.clear();
        if (d == null) {
            listFiles.setItems();
            certificate.setVisible(false);
            return;
        }
        listFiles.setItems(d.files());
        certificate.setVisible(d.state().equals("DISPOSED"));
        if (certificate.isVisible()) {
            long id = d.id();
            certificate.setHref(new StreamResource(
                    "disposal-" + id + ".pdf", () -> new ByteArrayInputStream(disposals.certificate(id))));
        }
    }

    /** Approving sends the list on to destruction: say how many files go, and which, before. */
    private void askToApprove() {
        if (disposal == null) {
            Notification.show(getTranslation("disposals.pick"));
            return;
        }
        Disposals.Consequence c = disposals.consequenceOfApproval(disposal.id());
        String files = String.join(
                        "、",
                        c.goingFiles().subList(0, Math.min(20, c.goingFiles().size())))
                + (c.goingFiles().size() > 20
                        ? getTranslation("disposals.andMore", c.goingFiles().size() - 20)
                        : "");
        Confirm.ask(
                "disposal-approve-confirm",
                getTranslation("disposals.approveConfirm.header", disposal.id()),
                getTranslation(
                        disposal.state().equals("APPROVED")
                                ? "disposals.approveConfirm.county"
                                : "disposals.approveConfirm.institution",
                        c.institutionName(),
                        c.going(),
                        c.kept(),
                        files),
                getTranslation("disposals.approve"),
                () -> step(() -> decide(true), "disposals.approvedDone"));
    }

    /** A supervisor decides the step the list waits for: the institution's approval, then the county's. */
    private void decide(boolean approved) {
        String step = disposal.state().equals("APPROVED") ? "countyApprove" : "approve";
        Map<String, Object> decision = new HashMap<>();
        decision.put("approved", approved);
        decision.put("reason", reason.getValue());
        disposals.complete(disposal.id(), step, decision);
    }

    private void step(Runnable action, String doneKey) {
        if (disposal == null) {
            Notification.show(getTranslation("disposals.pick"));
            return;
        }
        long id = disposal.id();
        if (Attempt.run(action).isEmpty()) {
            Refusals.done(getTranslation(doneKey, id));
            changed.run();
        }
    }
}
