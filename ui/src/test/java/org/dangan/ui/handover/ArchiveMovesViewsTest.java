package org.dangan.ui.handover;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.handover.ChangeKind;
import org.dangan.workflow.handover.Handovers;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The handover and transfer screens, driven as the people on each side would. */
class ArchiveMovesViewsTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Handovers handovers;

    @Autowired
    HandoverTaskPanels panels;

    @Autowired
    TaskService taskService;

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
        assertThat(view.grid.getListDataView().getItems())
                .extracting(h -> h.state())
                .containsExactly("CHECKING");
        assertThat(view.grid.getListDataView().getItems())
                .extracting(h -> h.fromName() + " → " + h.toName())
                .containsExactly(county.b().getName() + " → " + county.a().getName());

        as("archivist-a");
        UI.getCurrent().navigate(HandoversView.class);
        view = _get(HandoversView.class);
        view.grid
                .asSingleSelect()
                .setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        view.scanned(boxes.get(0).getBarcode().value());
        view.scanned(boxes.get(1).getBarcode().value());
        view.scanned(boxes.get(1).getBarcode().value());
        assertThat(view.work.scannedCount.getText()).isEqualTo("已扫描 2 盒");
        assertThat(view.work.scans.getComponentCount())
                .as("two taken, one said twice")
                .isEqualTo(3);
        _click(_get(Button.class, spec -> spec.withId("handover-check")));
        assertThat(view.grid.asSingleSelect().getValue().state()).isEqualTo("CHECKED");
        assertThat(view.work.deciding.isVisible())
                .as("an archivist does not decide")
                .isFalse();

        as("head-b");
        UI.getCurrent().navigate(HandoversView.class);
        view = _get(HandoversView.class);
        view.grid
                .asSingleSelect()
                .setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        long id = view.grid.asSingleSelect().getValue().id();
        assertThat(view.startForm.isVisible())
                .as("a township head does not start handovers")
                .isFalse();
        _click(_get(Button.class, spec -> spec.withId("handover-approve")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("handover-approve-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm))
                .contains("2 盒", "1 份健康档案", county.a().getName());
        ConfirmDialogKt._fireConfirm(confirm);
        // the giving institution is merged: its head sees its handovers no more, and is told why
        assertThat(view.grid.getListDataView().getItems()).isEmpty();
        assertThat(view.empty.getText()).contains("已合并", county.a().getName());
        assertThat(jdbc.queryForObject("select state from handover where id = ?", String.class, id))
                .isEqualTo("TRANSFERRED");
        assertThat(jdbc.queryForObject(
                        "select institution_id from health_record where id = ?", Long.class, record.getId()))
                .isEqualTo(county.a().getId());
    }

    @Test
    void the_receivers_task_panel_checks_the_delivery_and_the_heads_panel_approves_it() {
        county = fixtures.county();
        Box box = fixtures.box(county.b(), 1);
        as("county-supervisor");
        Handovers.Started started = handovers.start(
                new Handovers.Request(county.b().getCode(), county.a().getCode(), "乙镇卫生院撤销", ChangeKind.CLOSURE));

        as("archivist-a");
        boolean[] done = {false};
        UI.getCurrent().add(panels.open(openTask(started), TaskKind.HANDOVER_DELIVERY_CHECK, () -> done[0] = true));
        HandoverWork work = _get(HandoverWork.class);
        // what the task is about, by name
        _get(Span.class, spec -> spec.withText("移交 #" + started.id() + "：乙镇卫生院 → 甲镇卫生院"));
        assertThat(work.resolving.isVisible())
                .as("the panel offers only its own step")
                .isFalse();
        work.scanned(box.getBarcode().value());
        _click(_get(Button.class, spec -> spec.withId("handover-check")));
        assertThat(done[0]).isTrue();

        as("head-b");
        done[0] = false;
        UI.getCurrent().add(panels.open(openTask(started), TaskKind.HANDOVER_APPROVAL, () -> done[0] = true));
        _click(_get(Button.class, spec -> spec.withId("handover-approve")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("handover-approve-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("1 盒", "已撤销");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(done[0]).isTrue();
        assertThat(jdbc.queryForObject("select state from handover where id = ?", String.class, started.id()))
                .isEqualTo("TRANSFERRED");
    }

    private String openTask(Handovers.Started started) {
        return taskService
                .createTaskQuery()
                .processInstanceId(started.processInstanceId())
                .singleResult()
                .getId();
    }
}
