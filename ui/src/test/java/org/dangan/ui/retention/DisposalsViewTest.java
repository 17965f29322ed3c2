package org.dangan.ui.retention;

import org.dangan.ui.lending.CheckoutsView;

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
class DisposalsViewTest extends KaribuTest {

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
    void a_hold_keeps_a_file_off_the_list_which_goes_through_appraisal_and_two_approvals_to_its_certificate() {
        as("head-a");
        UI.getCurrent().navigate(DisposalsView.class);
        DisposalsView view = _get(DisposalsView.class);
        view.showFile(second);
        assertThat(view.fileRetention.getText()).isEqualTo(second + "：到期日 2016-05-01，现在可以销毁");
        view.holdReason.setValue("诉讼保全");
        _click(_get(Button.class, spec -> spec.withId("hold-place")));
        assertThat(view.fileRetention.getText()).endsWith("现在不可销毁");
        assertThat(view.holds.getListDataView().getItems()).extracting(h -> h.reason()).containsExactly("诉讼保全");

        as("archivist-a");
        UI.getCurrent().navigate(DisposalsView.class);
        view = _get(DisposalsView.class);
        assertThat(view.eligible.getListDataView().getItems()).extracting(f -> f.fileNumber()).containsExactly(first);
        _click(_get(Button.class, spec -> spec.withId("disposal-propose")));
        Disposals.DisposalSummary list = view.lists.getListDataView().getItems().findFirst().orElseThrow();
        assertThat(list.files()).isOne();
        view.lists.asSingleSelect().setValue(list);
        _click(_get(Button.class, spec -> spec.withId("disposal-appraise")));
        assertThat(view.lists.getListDataView().getItems().findFirst().orElseThrow().state()).isEqualTo("APPRAISED");

        for (String supervisor : List.of("head-a", "county-supervisor")) {
            as(supervisor);
            UI.getCurrent().navigate(DisposalsView.class);
            view = _get(DisposalsView.class);
            view.lists.asSingleSelect().setValue(view.lists.getListDataView().getItems().findFirst().orElseThrow());
            _click(_get(Button.class, spec -> spec.withId("disposal-approve")));
        }
        assertThat(view.lists.asSingleSelect().getValue().state()).isEqualTo("DISPOSED");
        assertThat(view.certificate.isVisible()).isTrue();
        assertThat(view.listFiles.getListDataView().getItems()).extracting(f -> f.disposed()).containsExactly(true);
        assertThat(state(first)).isEqualTo("DISPOSED");
        assertThat(state(second)).isEqualTo("STORED");
    }
}
