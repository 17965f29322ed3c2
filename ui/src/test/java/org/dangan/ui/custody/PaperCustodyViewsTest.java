package org.dangan.ui.custody;

import org.dangan.ui.lending.CheckoutsView;
import org.dangan.ui.retention.DisposalsView;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.registry.Box;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.LocationType;
import org.dangan.workflow.registry.PaperFile;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.registry.StorageLocation;
import org.dangan.workflow.registry.Stocktakes;
import org.dangan.workflow.retention.Disposals;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The screens for check-out, legal holds and disposal, and stocktake, each driven as a person would. */
class PaperCustodyViewsTest extends KaribuTest {

    @Autowired
    RegistryAdministration registry;
    @Autowired
    CustodyLedger ledger;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    Box box;
    String first;
    String second;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        box = fixtures.box(county.a(), 21);
        HealthRecord record = fixtures.record(county.a(), 1);
        // an outpatient report whose 15 years ran out long ago
        jdbc.update("update health_record set last_service_date = ? where id = ?", LocalDate.of(2001, 5, 1), record.getId());
        first = record.getRecordNumber() + "-02";
        second = record.getRecordNumber() + "-03";
        for (String file : new String[] {first, second}) {
            registry.register(new PaperFile(file, record.getId(), Map.of(DocumentType.AUX_EXAM_REPORT, 2)));
            registry.store(file, box.getBarcode());
        }
    }

    private void as(String user) {
        newSession();
        login(county.user(user));
    }

    /** What a hand scanner does: types the code, then Enter. */
    private static void scan(com.vaadin.flow.component.textfield.TextField field, String code) {
        field.setValue(code);
        com.vaadin.flow.component.ComponentUtil.fireEvent(field,
                new com.vaadin.flow.component.KeyPressEvent(field, com.vaadin.flow.component.Key.ENTER.getKeys().get(0)));
    }

    private String state(String file) {
        return jdbc.queryForObject("select state from paper_file where file_number = ?", String.class, file);
    }

    @Test
    void a_room_counted_by_scanning_reports_each_box_and_offers_the_report() {
        StorageLocation shelf = registry.location(box.getLocationId()).orElseThrow();
        long roomId = shelf.getParentId();
        Box elsewhere = fixtures.box(county.a(), 22);
        StorageLocation site = registry.location(registry.location(roomId).orElseThrow().getParentId()).orElseThrow();
        StorageLocation store = registry.register(new StorageLocation("库房", LocationType.ROOM, site, county.a().getId()));
        registry.register(new StorageLocation("A排", LocationType.SHELF, store, county.a().getId()));

        as("archivist-a");
        UI.getCurrent().navigate(StocktakeView.class);
        StocktakeView view = _get(StocktakeView.class);
        view.room.setValue(view.room.getListDataView().getItems().filter(n -> n.id() == store.getId()).findFirst()
                .orElseThrow());
        view.scanned(elsewhere.getBarcode().value());
        view.scanned("B00000000");
        assertThat(view.count.getText()).isEqualTo("已扫描 2 盒");
        _click(_get(Button.class, spec -> spec.withId("stocktake-finish")));
        assertThat(view.result.getListDataView().getItems()).extracting(Stocktakes.Item::outcome)
                .containsExactlyInAnyOrder(Stocktakes.Outcome.MISPLACED, Stocktakes.Outcome.UNEXPECTED);
        assertThat(view.report.isVisible()).isTrue();
        assertThat(ledger.currentPlace(CustodySubject.BOX, elsewhere.getBarcode().value())).contains("甲镇卫生院 / 库房 / A排");
    }
}
