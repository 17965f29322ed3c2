package org.dangan.ui.transfer;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.transfer.RecordTransfers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The handover and transfer screens, driven as the people on each side would. */
class TransfersViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecordTransfers transfers;

    @Autowired
    TransferTaskPanels panels;

    @Autowired
    TaskService taskService;

    Fixtures.County county;

    private void as(String user) {
        newSession();
        login(county.user(user));
    }

    @Test
    void a_transfer_asked_on_one_side_is_accepted_on_the_other_and_a_registration_file_marks_a_death() {
        county = fixtures.county();
        HealthRecord moving = fixtures.record(county.a(), 1);
        HealthRecord dying = fixtures.record(county.a(), 2);

        as("archivist-a");
        UI.getCurrent().navigate(TransfersView.class);
        TransfersView view = _get(TransfersView.class);
        // the resident is picked by number (or name) from the suggestions, never typed whole
        ComboBoxKt.setUserInput(view.recordNumber, moving.getRecordNumber());
        view.recordNumber.setValue(
                ComboBoxKt.getSuggestionItems(view.recordNumber).get(0));
        view.to.setValue(county.b());
        view.reason.setValue("居民迁居乙镇");
        _click(_get(Button.class, spec -> spec.withId("transfer-request")));
        assertThat(view.grid.getListDataView().getItems())
                .extracting(t -> t.state())
                .containsExactly("REQUESTED");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains(moving.getName() + " · " + moving.getRecordNumber());
        // the help names the columns and events in Chinese, and a file written as it says is taken
        assertThat(_get(
                                Paragraph.class,
                                spec -> spec.withText(UI.getCurrent().getTranslation("transfers.registrationHelp")))
                        .getText())
                .contains("身份证号,事件,日期")
                .contains("事件：死亡 或 迁出")
                .doesNotContain("DECEASED")
                .doesNotContain("idNumber");
        String wrong = "身份证号,事件,日期\n" + dying.getIdNumber() + ",去世,2025-03-01\n";
        UploadKt._upload(view.upload, "deaths.csv", "text/csv", wrong.getBytes(StandardCharsets.UTF_8));
        assertThat(view.registration.getText()).isEqualTo("1 行有误，整份未导入：第 2 行“事件”应为“死亡”或“迁出”");
        String csv = "身份证号,事件,日期\n" + dying.getIdNumber() + ",死亡,2025-03-01\n";
        UploadKt._upload(view.upload, "deaths.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(view.registration.getText()).isEqualTo("共 1 行：记录死亡 1 份，迁出结案 0 份，未变 0 份，本辖区无此人 0 个；1 份待档案员核实结案（见下表）");
        assertThat(jdbc.queryForObject(
                        "select deceased_on from health_record where id = ?", LocalDate.class, dying.getId()))
                .isEqualTo(LocalDate.of(2025, 3, 1));
        // the death waits for the archivist's confirmation, given here
        view.followUps
                .asSingleSelect()
                .setValue(view.followUps
                        .getListDataView()
                        .getItems()
                        .filter(f -> f.recordNumber().equals(dying.getRecordNumber()))
                        .findFirst()
                        .orElseThrow());
        view.confirmation.setValue("见死亡医学证明");
        _click(_get(Button.class, spec -> spec.withId("follow-up-confirm")));
        assertThat(view.registration.getText()).isEqualTo(dying.getRecordNumber() + " 已核实结案");
        assertThat(view.followUps.getListDataView().getItems())
                .noneMatch(f -> f.recordNumber().equals(dying.getRecordNumber()));

        as("archivist-b");
        UI.getCurrent().navigate(TransfersView.class);
        view = _get(TransfersView.class);
        view.grid
                .asSingleSelect()
                .setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("transfer-accept")));
        assertThat(view.grid.getListDataView().getItems())
                .extracting(t -> t.state())
                .containsExactly("ACCEPTED");
        assertThat(jdbc.queryForObject(
                        "select institution_id from health_record where id = ?", Long.class, moving.getId()))
                .isEqualTo(county.b().getId());
    }

    @Test
    void the_receivers_task_panel_names_the_transfer_and_takes_the_record_in() {
        county = fixtures.county();
        HealthRecord moving = fixtures.record(county.a(), 1);
        as("archivist-a");
        RecordTransfers.Started started = transfers.request(
                new RecordTransfers.Request(moving.getRecordNumber(), county.b().getCode(), "居民迁居乙镇"));

        as("archivist-b");
        boolean[] done = {false};
        String taskId = taskService
                .createTaskQuery()
                .processInstanceId(started.processInstanceId())
                .singleResult()
                .getId();
        UI.getCurrent().add(panels.open(taskId, TaskKind.TRANSFER_ACCEPTANCE, () -> done[0] = true));
        _get(Span.class, spec -> spec.withText("甲镇卫生院 → 乙镇卫生院"));
        _click(_get(Button.class, spec -> spec.withId("transfer-accept")));
        assertThat(done[0]).isTrue();
        assertThat(jdbc.queryForObject(
                        "select institution_id from health_record where id = ?", Long.class, moving.getId()))
                .isEqualTo(county.b().getId());
    }
}
