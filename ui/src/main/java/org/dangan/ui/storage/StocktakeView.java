package org.dangan.ui.storage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import org.dangan.ui.custody.ScanHistory;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.ui.support.ScanField;
import org.dangan.workflow.storage.LocationType;
import org.dangan.workflow.storage.Locations;
import org.dangan.workflow.storage.Stocktakes;

/**
 * Stocktake (盘点): pick the room, scan every box label in it, finish; the screen lists what was
 * found, misplaced (the ledger is corrected), missing or unexpected, with the printable report.
 */
@Route("stocktake")
@PageTitle("盘点")
@RolesAllowed("ARCHIVIST")
public class StocktakeView extends VerticalLayout {

    private final Stocktakes stocktakes;
    final ComboBox<Locations.Node> room = new ComboBox<>();
    final ScanField scan;
    final ScanHistory scans = new ScanHistory("stocktake-scans");
    final Span count = new Span();
    final Grid<Stocktakes.Item> result = new Grid<>();
    final Span summary = new Span();
    final Anchor report = new Anchor();

    public StocktakeView(Stocktakes stocktakes, Locations locations) {
        this.stocktakes = stocktakes;
        add(new H2(getTranslation("stocktake.title")));
        room.setId("stocktake-room");
        room.setLabel(getTranslation("stocktake.room"));
        room.setItemLabelGenerator(Locations.Node::place);
        room.setItems(locations.ofMyInstitution().stream()
                .filter(n -> n.type() == LocationType.ROOM)
                .toList());
        room.setWidth("24em");
        room.addValueChangeListener(e -> restart());
        scan = new ScanField("stocktake-scan", getTranslation("stocktake.scan"), this::scanned);
        count.setId("stocktake-count");
        scans.onCount(() ->
                count.setText(getTranslation("stocktake.count", scans.codes().size())));
        Button finish = new Button(getTranslation("stocktake.finish"), e -> finish());
        finish.setId("stocktake-finish");
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button again = new Button(getTranslation("stocktake.restart"), e -> restart());
        HorizontalLayout bar = Rows.wrapping(room, scan, count, finish, again);
        result.setId("stocktake-result");
        result.setEmptyStateText(getTranslation("stocktake.none"));
        result.addColumn(Stocktakes.Item::barcode).setHeader(getTranslation("stocktake.box"));
        result.addColumn(i -> getTranslation("stocktakeOutcome." + i.outcome().name()))
                .setHeader(getTranslation("stocktake.outcome"));
        result.addColumn(i -> i.ledgerPlace() == null ? "" : i.ledgerPlace())
                .setHeader(getTranslation("stocktake.ledgerPlace"))
                .setFlexGrow(3);
        summary.setId("stocktake-summary");
        report.setId("stocktake-report");
        report.setText(getTranslation("stocktake.report"));
        report.setTarget("_blank");
        report.setVisible(false);
        add(bar, scans, Rows.wrapping(summary, report), result);
        restart();
    }

    /** Each box label scanned counts once; the last scans show, green, with undo. */
    void scanned(String barcode) {
        scans.once(barcode, n -> getTranslation("scans.taken", n), getTranslation("scans.again"));
    }

    private void finish() {
        if (room.getValue() == null) {
            summary.setText(getTranslation("stocktake.pickRoom"));
            return;
        }
        // the ledger is corrected by what was scanned, and a stocktake stays on record: ask first
        Confirm.ask(
                "stocktake-finish-confirm",
                getTranslation("stocktake.finish"),
                getTranslation(
                        "stocktake.finishConsequence",
                        scans.codes().size(),
                        room.getValue().place()),
                getTranslation("stocktake.finish"),
                this::take);
    }

    private void take() {
        Attempt.run(() -> {
                    Stocktakes.Result taken = stocktakes.take(room.getValue().id(), scans.codes());
                    result.setItems(taken.items());
                    long found = taken.items().stream()
                            .filter(i -> i.outcome() == Stocktakes.Outcome.FOUND)
                            .count();
                    summary.setText(getTranslation(
                            "stocktake.summary",
                            taken.id(),
                            taken.expected(),
                            found,
                            taken.items().size() - found));
                    report.setHref(new StreamResource(
                            "stocktake-" + taken.id() + ".pdf",
                            () -> new ByteArrayInputStream(stocktakes.report(taken.id()))));
                    report.setVisible(true);
                    scans.clear();
                    Refusals.done(summary.getText());
                })
                .ifPresent(summary::setText);
    }

    private void restart() {
        scans.clear();
        result.setItems();
        summary.setText("");
        report.setVisible(false);
    }
}
