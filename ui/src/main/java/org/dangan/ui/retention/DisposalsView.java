package org.dangan.ui.retention;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.ui.support.ScanField;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.retention.Disposals;
import org.dangan.workflow.retention.Retention;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.UserAccounts;

/**
 * Retention and disposal (鉴定销毁): a file's disposal date and legal holds, picked by scanning its
 * label; the files of the institution that may go now; disposal lists through appraisal (files kept
 * with a reason), the institution's and the county's approval, to the certificate.
 */
@Route("disposals")
@PageTitle("鉴定销毁")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR"})
public class DisposalsView extends VerticalLayout {

    private final Retention retention;
    private final Disposals disposals;
    private final DanganUser user = CurrentUser.require();
    final ScanField scan;
    final Span fileRetention = new Span();
    final Grid<Retention.Hold> holds = new Grid<>();
    final TextField holdReason = new TextField();
    private String file;
    final Grid<Retention.FileRetention> eligible = new Grid<>();
    final Grid<Disposals.DisposalSummary> lists = new Grid<>();
    final DisposalWork work;
    final Grid<Disposals.FileView> listFiles;
    final TextField reason;
    final Anchor certificate;
    final Span status = new Span();
    private final String institutionCode;
    private final UserAccounts users;
    /** The display names of the people the lists show, by user name. */
    private Map<String, String> names = new HashMap<>();

    public DisposalsView(Retention retention, Disposals disposals, Institutions institutions, UserAccounts users) {
        this.users = users;
        this.retention = retention;
        this.disposals = disposals;
        this.institutionCode = institutions.require(user.institutionId()).getCode();
        add(new H2(getTranslation("disposals.title")));
        status.setId("disposal-status");

        scan = new ScanField("retention-scan", getTranslation("disposals.scan"), this::showFile);
        scan.setWidth("18em");
        fileRetention.setId("retention-file");
        holds.setId("holds-grid");
        holds.setEmptyStateText(getTranslation("disposals.holds.none"));
        holds.addColumn(Retention.Hold::id).setHeader("#").setAutoWidth(true);
        holds.addColumn(Retention.Hold::reason)
                .setHeader(getTranslation("disposals.holdReason"))
                .setFlexGrow(2);
        holds.addColumn(h -> names.getOrDefault(h.placedBy(), h.placedBy()))
                .setHeader(getTranslation("disposals.placedBy"));
        holds.setAllRowsVisible(true);
        holdReason.setId("hold-reason");
        holdReason.setLabel(getTranslation("disposals.holdReason"));
        Button place = new Button(
                getTranslation("disposals.placeHold"), e -> onFile(f -> retention.placeHold(f, holdReason.getValue())));
        place.setId("hold-place");
        Button release = new Button(getTranslation("disposals.releaseHold"), e -> {
            Retention.Hold hold = holds.asSingleSelect().getValue();
            if (hold != null) {
                onFile(f -> retention.releaseHold(f, hold.id()));
            }
        });
        release.setId("hold-release");
        HorizontalLayout holding = Rows.wrapping(holdReason, place, release);
        holding.setVisible(retention.mayHold());
        add(new H3(getTranslation("disposals.retention")), scan, fileRetention, holds, holding);

        if (disposals.mayPropose()) {
            eligible.setId("eligible-grid");
            eligible.setEmptyStateText(getTranslation("disposals.eligible.none"));
            eligible.addColumn(Retention.FileRetention::fileNumber).setHeader(getTranslation("disposals.file"));
            eligible.addColumn(Retention.FileRetention::disposalDate).setHeader(getTranslation("disposals.date"));
            eligible.addColumn(f -> f.rules().stream()
                            .map(r -> getTranslation("documentType." + r.documentType()))
                            .collect(Collectors.joining(", ")))
                    .setHeader(getTranslation("disposals.kinds"))
                    .setFlexGrow(2);
            eligible.setHeight("14em");
            Button propose = new Button(
                    getTranslation("disposals.propose"),
                    e -> Attempt.run(() -> {
                                Disposals.Started started = disposals.propose(institutionCode);
                                status.setText(getTranslation("disposals.proposed", started.id(), started.files()));
                                Refusals.done(status.getText());
                            })
                            .ifPresentOrElse(status::setText, this::refresh));
            propose.setId("disposal-propose");
            propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new H3(getTranslation("disposals.eligible")), eligible, propose);
        }

        lists.setId("disposals-grid");
        lists.setEmptyStateText(getTranslation("disposals.lists.none"));
        lists.addColumn(Disposals.DisposalSummary::id).setHeader("#").setAutoWidth(true);
        lists.addColumn(d -> getTranslation("disposalState." + d.state())).setHeader(getTranslation("disposals.state"));
        lists.addColumn(Disposals.DisposalSummary::institution).setHeader(getTranslation("disposals.institution"));
        lists.addColumn(d -> names.get(d.proposedBy())).setHeader(getTranslation("disposals.proposedBy"));
        lists.addColumn(Disposals.DisposalSummary::files).setHeader(getTranslation("disposals.files"));
        lists.setHeight("12em");
        work = new DisposalWork(disposals, this::refresh);
        listFiles = work.listFiles;
        reason = work.reason;
        certificate = work.certificate;
        lists.asSingleSelect().addValueChangeListener(e -> showList(e.getValue()));

        add(new H3(getTranslation("disposals.lists")), lists, status, work);
        refresh();
    }

    void showFile(String fileNumber) {
        Attempt.run(() -> {
                    Retention.FileRetention r = retention.of(fileNumber);
                    file = fileNumber;
                    fileRetention.setText(getTranslation(
                            "disposals.fileRetention",
                            fileNumber,
                            r.disposalDate() == null
                                    ? getTranslation("disposals.forLife")
                                    : r.disposalDate().toString(),
                            getTranslation(r.eligible() ? "disposals.mayGo" : "disposals.stays")));
                    names = users.displayNames(Stream.concat(
                                    names.keySet().stream(), r.holds().stream().map(Retention.Hold::placedBy))
                            .toList());
                    holds.setItems(r.holds());
                })
                .ifPresent(message -> {
                    file = null;
                    fileRetention.setText(message);
                    holds.setItems();
                });
    }

    private void onFile(Consumer<String> step) {
        if (file == null) {
            status.setText(getTranslation("disposals.scanFirst"));
            return;
        }
        Attempt.run(() -> step.accept(file)).ifPresent(status::setText);
        showFile(file);
        refresh();
    }

    private void showList(Disposals.DisposalSummary d) {
        work.show(d == null ? null : disposals.read(d.id()));
    }

    void refresh() {
        if (disposals.mayPropose()) {
            eligible.setItems(retention.eligible(institutionCode));
        }
        Long selected = lists.asSingleSelect().getValue() == null
                ? null
                : lists.asSingleSelect().getValue().id();
        var all = disposals.list();
        names = users.displayNames(
                Stream.concat(names.keySet().stream(), all.stream().map(Disposals.DisposalSummary::proposedBy))
                        .toList());
        lists.setItems(all);
        all.stream()
                .filter(d -> Long.valueOf(d.id()).equals(selected))
                .findFirst()
                .ifPresentOrElse(d -> lists.asSingleSelect().setValue(d), () -> showList(null));
    }
}
