package org.dangan.ui.lending;

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
class CheckoutsViewTest extends KaribuTest {

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
    void files_scanned_into_a_request_go_out_on_approval_and_come_back() {
        as("archivist-a");
        UI.getCurrent().navigate(CheckoutsView.class);
        CheckoutsView view = _get(CheckoutsView.class);
        scan(view.scan, first + " ");
        scan(view.scan, second);
        scan(view.scan, first);
        assertThat(view.picked).containsExactly(first, second);
        view.purpose.setValue("慢病随访核对");
        view.until.setValue(LocalDate.now().plusDays(7));
        _click(_get(Button.class, spec -> spec.withId("checkout-request")));
        Checkouts.CheckoutView requested = view.grid.getListDataView().getItems().findFirst().orElseThrow();
        assertThat(requested.state()).isEqualTo("REQUESTED");
        assertThat(view.status.getText()).isEqualTo("调阅申请 " + requested.id() + " 已提出，等待主管审批");
        assertThat(_find(Button.class, spec -> spec.withId("checkout-approve"))).isEmpty();

        as("head-a");
        UI.getCurrent().navigate(CheckoutsView.class);
        view = _get(CheckoutsView.class);
        view.grid.asSingleSelect().setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("checkout-approve")));
        assertThat(view.grid.getListDataView().getItems().findFirst().orElseThrow().state()).isEqualTo("OUT");
        assertThat(state(first)).isEqualTo("CHECKED_OUT");
        assertThat(ledger.currentPlace(CustodySubject.PAPER_FILE, first)).isEmpty();

        as("archivist-a");
        UI.getCurrent().navigate(CheckoutsView.class);
        view = _get(CheckoutsView.class);
        view.grid.asSingleSelect().setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("checkout-return")));
        assertThat(view.grid.getListDataView().getItems().findFirst().orElseThrow().state()).isEqualTo("RETURNED");
        assertThat(ledger.entriesOf(CustodySubject.PAPER_FILE, second)).extracting(e -> e.event())
                .endsWith(CustodyEvent.CHECKED_OUT, CustodyEvent.RETURNED);
    }

    @Test
    void a_supervisor_may_not_approve_the_own_request_and_is_told_why() {
        as("head-a");
        UI.getCurrent().navigate(CheckoutsView.class);
        CheckoutsView view = _get(CheckoutsView.class);
        view.scanned(first);
        view.purpose.setValue("复印");
        view.until.setValue(LocalDate.now().plusDays(1));
        _click(_get(Button.class, spec -> spec.withId("checkout-request")));
        view.grid.asSingleSelect().setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("checkout-approve")));
        assertThat(view.status.getText()).contains("four eyes");
        assertThat(view.grid.getListDataView().getItems().findFirst().orElseThrow().state()).isEqualTo("REQUESTED");
    }
}
