package org.dangan.ui.handover;


import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.List;
import org.dangan.workflow.registry.Box;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.Fixtures;
import org.dangan.ui.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The handover and transfer screens, driven as the people on each side would. */
class ArchiveMovesViewsTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;

    private void as(String user) {
        newSession();
        login(county.user(user));
    }

    @Test
    void the_county_starts_a_handover_the_receiver_scans_the_boxes_and_the_giving_head_approves() {
        county = fixtures.county();
        List<Box> boxes = List.of(fixtures.box(county.b(), 1), fixtures.box(county.b(), 2));
        HealthRecord record = fixtures.record(county.b(), 1);

        as("county-supervisor");
        UI.getCurrent().navigate(HandoversView.class);
        HandoversView view = _get(HandoversView.class);
        view.from.setValue(county.b());
        view.to.setValue(county.a());
        view.reason.setValue("乙镇卫生院并入甲镇卫生院");
        _click(_get(Button.class, spec -> spec.withId("handover-start")));
        assertThat(view.grid.getListDataView().getItems()).extracting(h -> h.state()).containsExactly("CHECKING");

        as("archivist-a");
        UI.getCurrent().navigate(HandoversView.class);
        view = _get(HandoversView.class);
        view.grid.asSingleSelect().setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        view.scanned(boxes.get(0).getBarcode().value());
        view.scanned(boxes.get(1).getBarcode().value());
        view.scanned(boxes.get(1).getBarcode().value());
        assertThat(view.scannedCount.getText()).isEqualTo("已扫描 2 盒");
        _click(_get(Button.class, spec -> spec.withId("handover-check")));
        assertThat(view.status.getText()).isEqualTo("移交 " + view.grid.getListDataView().getItems().findFirst().orElseThrow().id()
                + " 已办理");
        assertThat(view.grid.asSingleSelect().getValue().state()).isEqualTo("CHECKED");

        as("head-b");
        UI.getCurrent().navigate(HandoversView.class);
        view = _get(HandoversView.class);
        view.grid.asSingleSelect().setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        long id = view.grid.asSingleSelect().getValue().id();
        _click(_get(Button.class, spec -> spec.withId("handover-approve")));
        assertThat(view.status.getText()).isEqualTo("移交 " + id + " 已办理");
        // the giving institution is merged: its head sees its handovers no more
        assertThat(view.grid.getListDataView().getItems()).isEmpty();
        assertThat(jdbc.queryForObject("select state from handover where id = ?", String.class, id)).isEqualTo("TRANSFERRED");
        assertThat(jdbc.queryForObject("select institution_id from health_record where id = ?", Long.class, record.getId()))
                .isEqualTo(county.a().getId());
    }
}
