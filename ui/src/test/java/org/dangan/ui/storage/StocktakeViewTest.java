package org.dangan.ui.storage;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.dangan.ui.support.PaperFilesTest;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.storage.LocationType;
import org.dangan.workflow.storage.Stocktakes;
import org.dangan.workflow.storage.StorageAdministration;
import org.dangan.workflow.storage.StorageLocation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The stocktake screen, driven as a person would. */
class StocktakeViewTest extends PaperFilesTest {

    @Autowired
    StorageAdministration storage;

    @Test
    void a_room_counted_by_scanning_reports_each_box_and_offers_the_report() {
        StorageLocation shelf = storage.location(box.getLocationId()).orElseThrow();
        long roomId = shelf.getParentId();
        Box elsewhere = fixtures.box(county.a(), 22);
        StorageLocation site = storage.location(
                        storage.location(roomId).orElseThrow().getParentId())
                .orElseThrow();
        StorageLocation store = storage.register(
                new StorageLocation("库房", LocationType.ROOM, site, county.a().getId()));
        storage.register(
                new StorageLocation("A排", LocationType.SHELF, store, county.a().getId()));

        as("archivist-a");
        UI.getCurrent().navigate(StocktakeView.class);
        StocktakeView view = _get(StocktakeView.class);
        view.room.setValue(view.room
                .getListDataView()
                .getItems()
                .filter(n -> n.id() == store.getId())
                .findFirst()
                .orElseThrow());
        view.scanned(elsewhere.getBarcode().value());
        view.scanned("B00000000");
        assertThat(view.count.getText()).isEqualTo("已扫描 2 盒");
        _click(_get(Button.class, spec -> spec.withId("stocktake-finish")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("stocktake-finish-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("已扫描的 2 个盒", "库房");
        assertThat(view.result.getListDataView().getItems()).isEmpty();
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(view.result.getListDataView().getItems())
                .extracting(Stocktakes.Item::outcome)
                .containsExactlyInAnyOrder(Stocktakes.Outcome.MISPLACED, Stocktakes.Outcome.UNEXPECTED);
        assertThat(view.report.isVisible()).isTrue();
        assertThat(ledger.currentPlace(
                        CustodySubject.BOX, elsewhere.getBarcode().value()))
                .contains("甲镇卫生院 / 库房 / A排");
    }
}
