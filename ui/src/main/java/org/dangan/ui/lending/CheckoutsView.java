package org.dangan.ui.lending;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.DatePickers;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.ui.support.ScanField;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.registry.PaperFileOwners;
import org.dangan.workflow.security.UserAccounts;

/**
 * Check-out and return of paper files (调阅): a request made by scanning the files' labels, the
 * supervisor's decision, the archivist taking the files back; every check-out of the user's
 * institutions with its state, overdue ones marked.
 */
@Route("checkouts")
@PageTitle("调阅")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR"})
public class CheckoutsView extends VerticalLayout implements BeforeEnterObserver {

    private final Checkouts checkouts;
    final ScanField scan;
    final List<String> picked = new ArrayList<>();
    private final Span pickedFiles = new Span();
    final TextField purpose = new TextField();
    final DatePicker until = new DatePicker();
    private final UserAccounts users;
    /** The display names of the people the list shows, by user name. */
    private Map<String, String> names = new HashMap<>();
    /** The residents the listed files belong to, by file number. */
    private Map<String, String> owners = new HashMap<>();

    private final PaperFileOwners paperFileOwners;
    final Grid<Checkouts.CheckoutView> grid = new Grid<>();
    final TextField reason = new TextField();
    final Span status = new Span();

    public CheckoutsView(Checkouts checkouts, UserAccounts users, PaperFileOwners paperFileOwners) {
        this.paperFileOwners = paperFileOwners;
        this.checkouts = checkouts;
        this.users = users;
        add(new H2(getTranslation("checkouts.title")));

        scan = new ScanField("checkout-scan", getTranslation("checkouts.scan"), this::scanned);
        scan.setWidth("18em");
        pickedFiles.setId("checkout-files");
        purpose.setId("checkout-purpose");
        purpose.setLabel(getTranslation("checkouts.purpose"));
        purpose.setWidth("20em");
        until.setId("checkout-until");
        until.setLabel(getTranslation("checkouts.until"));
        until.setMin(checkouts.earliestReturn());
        DatePickers.translated(until);
        Button request = new Button(getTranslation("checkouts.request"), e -> request());
        request.setId("checkout-request");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button(getTranslation("checkouts.clear"), e -> {
            picked.clear();
            pickedFiles.setText("");
        });
        HorizontalLayout form = Rows.wrapping(scan, purpose, until, request, clear);
        add(new H3(getTranslation("checkouts.new")), form, pickedFiles);

        grid.setId("checkouts-grid");
        grid.setEmptyStateText(getTranslation("checkouts.none"));
        grid.addColumn(Checkouts.CheckoutView::id).setHeader("#").setAutoWidth(true);
        grid.addColumn(c -> getTranslation("checkoutState." + c.state())
                        + (c.overdue() && c.state().equals("OUT") ? " · " + getTranslation("checkouts.overdue") : ""))
                .setHeader(getTranslation("checkouts.state"))
                .setAutoWidth(true);
        // each file with the resident it belongs to, through the registry's scoped, audited read
        grid.addColumn(c -> String.join(
                        "，",
                        c.files().stream()
                                .map(f -> owners.get(f.fileNumber()) == null
                                        ? f.fileNumber()
                                        : f.fileNumber() + " " + owners.get(f.fileNumber()))
                                .toList()))
                .setHeader(getTranslation("checkouts.files"))
                .setFlexGrow(2);
        grid.addColumn(c -> names.get(c.requestedBy())).setHeader(getTranslation("checkouts.requestedBy"));
        grid.addColumn(Checkouts.CheckoutView::purpose).setHeader(getTranslation("checkouts.purpose"));
        grid.addColumn(Checkouts.CheckoutView::until).setHeader(getTranslation("checkouts.until"));
        grid.addColumn(c -> c.decidedBy() == null
                        ? ""
                        : names.get(c.decidedBy()) + (c.refusalReason() == null ? "" : "：" + c.refusalReason()))
                .setHeader(getTranslation("checkouts.decidedBy"));
        grid.setClassNameGenerator(c -> c.overdue() && c.state().equals("OUT") ? "overdue" : null);

        reason.setId("checkout-reason");
        reason.setLabel(getTranslation("checkouts.reason"));
        Button approve = new Button(
                getTranslation("checkouts.approve"),
                e -> onSelected(c -> checkouts.decide(c.id(), true, null), "checkouts.approvedDone"));
        approve.setId("checkout-approve");
        Button refuse = new Button(
                getTranslation("checkouts.refuse"),
                e -> onSelected(c -> checkouts.decide(c.id(), false, reason.getValue()), "checkouts.refusedDone"));
        refuse.setId("checkout-refuse");
        Button giveBack = new Button(
                getTranslation("checkouts.return"),
                e -> onSelected(c -> checkouts.giveBack(c.id()), "checkouts.returnedDone"));
        giveBack.setId("checkout-return");
        boolean decides = checkouts.mayDecide();
        approve.setVisible(decides);
        refuse.setVisible(decides);
        reason.setVisible(decides);
        giveBack.setVisible(checkouts.mayTakeBack());
        HorizontalLayout actions = Rows.wrapping(reason, approve, refuse, giveBack);
        status.setId("checkout-status");
        add(new H3(getTranslation("checkouts.list")), actions, status, grid);
        refresh();
    }

    /** Each file label scanned joins the request. */
    void scanned(String file) {
        if (!picked.contains(file)) {
            picked.add(file);
        }
        pickedFiles.setText(getTranslation("checkouts.picked", picked.size(), String.join(", ", picked)));
    }

    private void request() {
        Attempt.run(() -> {
                    Checkouts.Started started = checkouts.request(
                            new Checkouts.Request(List.copyOf(picked), purpose.getValue(), until.getValue()));
                    status.setText(getTranslation("checkouts.requested", started.id()));
                    Refusals.done(status.getText());
                    picked.clear();
                    pickedFiles.setText("");
                    purpose.clear();
                })
                .ifPresent(status::setText);
        refresh();
    }

    /** Runs the step on the picked check-out and says what was done ("已批准调阅 #1"); the list shows its new state. */
    private void onSelected(Consumer<Checkouts.CheckoutView> step, String doneKey) {
        Attempt.onSelected(grid, status, getTranslation("checkouts.pick"), step, c -> {
            String done = getTranslation(doneKey, c.id());
            Refusals.done(done);
            return done;
        });
        refresh();
    }

    /**
     * {@code checkouts?id=N}: a resident's page links each check-out of their files here; it is
     * picked in the list (put first when it is older than the list reaches), ready to act on.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> id =
                event.getLocation().getQueryParameters().getParameters().get("id");
        if (id == null || id.isEmpty() || !id.get(0).matches("\\d{1,18}")) {
            return;
        }
        Attempt.run(() -> {
                    Checkouts.CheckoutView wanted = checkouts.read(Long.parseLong(id.get(0)));
                    List<Checkouts.CheckoutView> shown =
                            new ArrayList<>(grid.getListDataView().getItems().toList());
                    Optional<Checkouts.CheckoutView> listed =
                            shown.stream().filter(c -> c.id() == wanted.id()).findFirst();
                    if (listed.isEmpty()) {
                        shown.add(0, wanted);
                        grid.setItems(shown);
                    }
                    grid.select(listed.orElse(wanted));
                })
                .ifPresent(status::setText);
    }

    void refresh() {
        List<Checkouts.CheckoutView> all = checkouts.list();
        owners = paperFileOwners.names(all.stream()
                .flatMap(c -> c.files().stream())
                .map(Checkouts.FileView::fileNumber)
                .distinct()
                .limit(1000)
                .toList());
        names = users.displayNames(all.stream()
                .flatMap(c -> Stream.of(c.requestedBy(), c.decidedBy()))
                .toList());
        grid.setItems(all);
    }
}
