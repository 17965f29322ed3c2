package org.dangan.ui.storage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.ui.support.ScanField;
import org.dangan.workflow.storage.Labelling;
import org.dangan.workflow.storage.LocationType;
import org.dangan.workflow.storage.Locations;
import org.dangan.workflow.storage.Stocktakes;
import org.dangan.workflow.storage.StorageLocation;

/**
 * The institution's storage locations: site > room > cabinet or shelf, the boxes on them, new
 * locations and boxes, and the box labels of a shelf to print.
 */
@Route("locations")
@PageTitle("库位")
@RolesAllowed("ARCHIVIST")
public class LocationsView extends VerticalLayout {

    private final Locations locations;
    private final Stocktakes stocktakes;
    private final Labelling labelling;
    final Grid<Locations.Node> grid = new Grid<>();
    final ComboBox<Locations.Node> parent = new ComboBox<>();
    final TextField name = new TextField();
    final Select<LocationType> type = new Select<>();
    final ComboBox<Locations.Node> shelf = new ComboBox<>();
    final IntegerField capacity = new IntegerField();
    private final Anchor labels = new Anchor();
    final ScanField scan;
    private final Span scanState = new Span();
    private Locations.Node target;
    final Grid<Locations.ShelfBox> shelfBoxes = new Grid<>();

    public LocationsView(Locations locations, Labelling labelling, Stocktakes stocktakes) {
        this.locations = locations;
        this.stocktakes = stocktakes;
        this.labelling = labelling;
        grid.setId("locations-grid");
        grid.setEmptyStateText(getTranslation("locations.none"));
        grid.addColumn(Locations.Node::place)
                .setHeader(getTranslation("locations.place"))
                .setFlexGrow(3);
        grid.addColumn(n -> getTranslation("locationType." + n.type().name()))
                .setHeader(getTranslation("locations.type"));
        grid.addColumn(Locations.Node::boxes).setHeader(getTranslation("locations.boxes"));
        // the code on the label, so a shelf can be picked by typing it when its label is not at hand
        grid.addColumn(n -> n.labelCode().orElse("")).setHeader(getTranslation("locations.labelCode"));
        // a shelf or cabinet clicked in the list is the one whose boxes show, as if picked below
        grid.addItemClickListener(e -> {
            if (e.getItem().holdsBoxes()) {
                shelf.setValue(e.getItem());
            }
        });
        parent.setId("location-parent");
        parent.setLabel(getTranslation("locations.parent"));
        parent.setItemLabelGenerator(Locations.Node::place);
        parent.setClearButtonVisible(true);
        name.setId("location-name");
        name.setLabel(getTranslation("locations.name"));
        type.setId("location-type");
        type.setLabel(getTranslation("locations.type"));
        type.setItems(LocationType.values());
        type.setItemLabelGenerator(t -> getTranslation("locationType." + t.name()));
        Button add = new Button(
                getTranslation("locations.add"),
                e -> act(() -> locations.add(
                        parent.getValue() == null ? null : parent.getValue().id(), name.getValue(), type.getValue())));
        add.setId("location-add");
        shelf.setId("box-location");
        shelf.setLabel(getTranslation("locations.shelf"));
        shelf.setItemLabelGenerator(Locations.Node::place);
        capacity.setId("box-capacity");
        capacity.setLabel(getTranslation("locations.capacity"));
        capacity.setValue(200);
        capacity.setMin(1);
        Button addBox = new Button(
                getTranslation("locations.addBox"),
                e -> act(() -> locations.addBox(
                        shelf.getValue().id(), capacity.getValue() == null ? 0 : capacity.getValue())));
        addBox.setId("box-add");
        addBox.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        labels.setId("box-labels");
        labels.setText(getTranslation("locations.labels"));
        labels.setTarget("_blank");
        labels.setVisible(false);
        shelfBoxes.setId("shelf-boxes");
        shelfBoxes.setEmptyStateText(getTranslation("locations.boxes.none"));
        shelfBoxes
                .addColumn(Locations.ShelfBox::position)
                .setHeader(getTranslation("locations.position"))
                .setAutoWidth(true);
        shelfBoxes.addColumn(Locations.ShelfBox::barcode).setHeader(getTranslation("locations.box"));
        shelfBoxes.addColumn(b -> b.files() + " / " + b.capacity()).setHeader(getTranslation("locations.filled"));
        shelfBoxes
                .addComponentColumn(this::contentsLink)
                .setHeader(getTranslation("locations.contents"))
                .setKey("contents");
        shelfBoxes.setAllRowsVisible(true);
        shelfBoxes.setVisible(false);
        shelf.addValueChangeListener(e -> {
            labels.setVisible(e.getValue() != null);
            if (labels.isVisible()) {
                long on = e.getValue().id();
                labels.setHref(
                        new StreamResource("档案盒标签.pdf", () -> new ByteArrayInputStream(labelling.shelfLabels(on))));
            }
            showShelf();
        });
        // a hand scanner types a code and Enter: a shelf's label (L and its number) picks where to,
        // each box scanned after it moves there
        scan = new ScanField("locations-scan", getTranslation("locations.scan"), this::scanned);
        scan.setWidth("20em");
        scanState.setId("locations-scan-state");
        HorizontalLayout newLocation = Rows.wrapping(parent, name, type, add);
        HorizontalLayout newBox = Rows.wrapping(shelf, capacity, addBox, labels);
        HorizontalLayout scanning = Rows.wrapping(scan, scanState);
        add(new H2(getTranslation("locations.title")), newLocation, newBox, shelfBoxes, scanning, grid);
        refresh();
    }

    /** What a scan means: a shelf or cabinet label picks the target, a box barcode moves the box there. */
    void scanned(String code) {
        Optional<Long> label = StorageLocation.idOfLabel(code);
        if (label.isPresent()) {
            long id = label.get();
            target = grid.getListDataView()
                    .getItems()
                    .filter(n -> n.id() == id && n.holdsBoxes())
                    .findFirst()
                    .orElse(null);
            scanState.setText(
                    target == null
                            ? getTranslation("locations.scanUnknown", code)
                            : getTranslation("locations.scanTarget", target.place()));
        } else if (target == null) {
            scanState.setText(getTranslation("locations.scanFirst", code));
        } else {
            try {
                stocktakes.move(target.id(), List.of(code));
                scanState.setText(getTranslation("locations.scanMoved", code, target.place()));
                refresh();
            } catch (RuntimeException e) {
                scanState.setText(Refusals.message(e));
            }
        }
    }

    private void act(Runnable change) {
        try {
            change.run();
            refresh();
        } catch (NullPointerException e) {
            // a field left empty: the form names none of them, so the notification says to fill it in
            Notification.show(getTranslation("locations.incomplete"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (RuntimeException e) {
            Refusals.show(e);
        }
    }

    void refresh() {
        var nodes = locations.ofMyInstitution();
        grid.setItems(nodes);
        parent.setItems(nodes);
        Long picked = shelf.getValue() == null ? null : shelf.getValue().id();
        var shelves = nodes.stream().filter(Locations.Node::holdsBoxes).toList();
        shelf.setItems(shelves);
        shelves.stream()
                .filter(n -> Long.valueOf(n.id()).equals(picked))
                .findFirst()
                .ifPresent(shelf::setValue);
    }

    /** The box's contents sheet, the one laid into it: its files, their records, residents and pages. */
    private Anchor contentsLink(Locations.ShelfBox box) {
        String barcode = box.barcode();
        Anchor link = new Anchor(
                new StreamResource(
                        "盒内目录-" + barcode + ".pdf", () -> new ByteArrayInputStream(labelling.boxContents(barcode))),
                getTranslation("locations.contentsOpen"));
        link.setTarget("_blank");
        link.setId("box-contents-" + barcode);
        return link;
    }

    /** The boxes of the shelf picked, by position. */
    private void showShelf() {
        shelfBoxes.setVisible(shelf.getValue() != null);
        shelfBoxes.setItems(
                shelf.getValue() == null
                        ? List.of()
                        : locations.boxesOn(shelf.getValue().id()));
    }
}
