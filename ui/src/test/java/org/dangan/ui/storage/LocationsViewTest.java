package org.dangan.ui.storage;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.storage.LocationType;
import org.dangan.workflow.storage.Locations;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The locations screen: a room and a shelf added under the township's site, a box on the shelf, in the ledger. */
class LocationsViewTest extends KaribuTest {

    @Autowired
    CustodyLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RegistryAdministration registry;

    @Test
    void a_shelf_clicked_in_the_list_shows_its_boxes_each_with_its_contents_sheet() {
        Fixtures.County county = fixtures.county();
        Box box = fixtures.box(county.a(), 1);
        HealthRecord record = fixtures.record(county.a(), 1);
        login(county.user("archivist-a"));
        registry.store(record.getRecordNumber() + "-01", box.getBarcode());
        UI.getCurrent().navigate(LocationsView.class);
        LocationsView view = _get(LocationsView.class);
        assertThat(view.shelfBoxes.isVisible()).isFalse();

        List<Locations.Node> rows = view.grid.getListDataView().getItems().toList();
        int room = rows.indexOf(rows.stream()
                .filter(n -> n.type() == LocationType.ROOM)
                .findFirst()
                .orElseThrow());
        _clickItem(view.grid, room);
        assertThat(view.shelf.getValue()).as("a room holds no boxes").isNull();
        int shelf = rows.indexOf(rows.stream()
                .filter(n -> n.type() == LocationType.SHELF && n.boxes() == 1)
                .findFirst()
                .orElseThrow());
        _clickItem(view.grid, shelf);

        assertThat(view.shelf.getValue()).isEqualTo(rows.get(shelf));
        assertThat(view.shelfBoxes.isVisible()).isTrue();
        assertThat(view.shelfBoxes.getListDataView().getItems())
                .extracting(Locations.ShelfBox::barcode, Locations.ShelfBox::files)
                .containsExactly(Tuple.tuple(box.getBarcode().value(), 1));
        Anchor contents = (Anchor) GridKt._getCellComponent(view.shelfBoxes, 0, "contents");
        assertThat(contents.getId()).contains("box-contents-" + box.getBarcode().value());
        assertThat(contents.getText()).isEqualTo("打开目录");
        assertThat(contents.getHref()).isNotBlank();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_archivist_adds_a_room_a_shelf_and_a_box_which_the_ledger_receives_and_stores() {
        Fixtures.County county = fixtures.county();
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(LocationsView.class);
        LocationsView view = _get(LocationsView.class);
        Grid<Locations.Node> grid = _get(Grid.class, spec -> spec.withId("locations-grid"));
        int before = _size(grid);
        Locations.Node site = view.parent
                .getListDataView()
                .getItems()
                .filter(n -> n.type() == LocationType.SITE)
                .findFirst()
                .orElseThrow();
        view.parent.setValue(site);
        _get(TextField.class, spec -> spec.withId("location-name")).setValue("二楼库房");
        ((Select<LocationType>) _get(Select.class, spec -> spec.withId("location-type"))).setValue(LocationType.ROOM);
        _click(_get(Button.class, spec -> spec.withId("location-add")));
        Locations.Node room = view.parent
                .getListDataView()
                .getItems()
                .filter(n -> n.name().equals("二楼库房"))
                .findFirst()
                .orElseThrow();
        view.parent.setValue(room);
        _get(TextField.class, spec -> spec.withId("location-name")).setValue("B排");
        ((Select<LocationType>) _get(Select.class, spec -> spec.withId("location-type"))).setValue(LocationType.SHELF);
        _click(_get(Button.class, spec -> spec.withId("location-add")));
        assertThat(_size(grid)).isEqualTo(before + 2);

        Locations.Node shelf = view.shelf
                .getListDataView()
                .getItems()
                .filter(n -> n.name().equals("B排"))
                .findFirst()
                .orElseThrow();
        assertThat(shelf.place()).isEqualTo(site.place() + " / 二楼库房 / B排");
        view.shelf.setValue(shelf);
        _click(_get(Button.class, spec -> spec.withId("box-add")));
        String barcode = jdbc.queryForObject("select barcode from box where location_id = ?", String.class, shelf.id());
        assertThat(ledger.entriesOf(CustodySubject.BOX, barcode))
                .extracting(e -> e.event())
                .isEqualTo(List.of(CustodyEvent.RECEIVED, CustodyEvent.STORED));
        assertThat(ledger.currentPlace(CustodySubject.BOX, barcode)).contains(shelf.place());
        assertThat(view.grid
                        .getListDataView()
                        .getItems()
                        .filter(n -> n.id() == shelf.id())
                        .findFirst()
                        .orElseThrow()
                        .boxes())
                .isOne();
        _click(_get(Button.class, spec -> spec.withId("box-add")));
        assertThat(view.shelfBoxes.getListDataView().getItems())
                .extracting(Locations.ShelfBox::position, Locations.ShelfBox::barcode)
                .first()
                .isEqualTo(Tuple.tuple(1, barcode));
        assertThat(view.shelfBoxes.getListDataView().getItems())
                .extracting(Locations.ShelfBox::position)
                .containsExactly(1, 2);
    }

    @Test
    void a_shelf_label_scanned_then_box_labels_moves_the_boxes_there() {
        Fixtures.County county = fixtures.county();
        Box box = fixtures.box(county.a(), 1);
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(LocationsView.class);
        LocationsView view = _get(LocationsView.class);
        Locations.Node room = view.parent
                .getListDataView()
                .getItems()
                .filter(n -> n.type() == LocationType.ROOM)
                .findFirst()
                .orElseThrow();
        view.parent.setValue(room);
        _get(TextField.class, spec -> spec.withId("location-name")).setValue("C排");
        @SuppressWarnings("unchecked")
        Select<LocationType> type = _get(Select.class, spec -> spec.withId("location-type"));
        type.setValue(LocationType.SHELF);
        _click(_get(Button.class, spec -> spec.withId("location-add")));
        Locations.Node shelf = view.shelf
                .getListDataView()
                .getItems()
                .filter(n -> n.name().equals("C排"))
                .findFirst()
                .orElseThrow();

        view.scanned(box.getBarcode().value());
        assertThat(_get(Span.class, spec -> spec.withId("locations-scan-state")).getText())
                .isEqualTo("“" + box.getBarcode().value() + "”不是架签：请先扫描目标架或柜的标签（架签以 L 开头，见下表“架签”列）");
        // the code a shelf's label carries is on the screen too
        assertThat(shelf.labelCode()).contains("L" + shelf.id());
        view.scanned(shelf.labelCode().orElseThrow());
        view.scanned(box.getBarcode().value());
        assertThat(_get(Span.class, spec -> spec.withId("locations-scan-state")).getText())
                .isEqualTo(box.getBarcode().value() + " 已移至 " + shelf.place());
        assertThat(ledger.currentPlace(CustodySubject.BOX, box.getBarcode().value()))
                .contains(shelf.place());
        assertThat(jdbc.queryForObject(
                        "select location_id from box where barcode = ?",
                        Long.class,
                        box.getBarcode().value()))
                .isEqualTo(shelf.id());
    }
}
