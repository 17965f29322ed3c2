package org.dangan.ui.resident;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.dangan.ui.inbox.TasksView;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.resident.ResidentCorrection;
import org.dangan.workflow.resident.ResidentCorrections;
import org.dangan.workflow.resident.ResidentPrincipal;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The archivist answers a resident's correction request in the inbox's work panel, asked first. */
class ResidentCorrectionPanelTest extends KaribuTest {

    @Autowired
    ResidentCorrections corrections;

    @Autowired
    Records records;

    @Autowired
    TaskService tasks;

    Fixtures.County county;
    HealthRecord record;

    @BeforeEach
    void world() {
        county = fixtures.county();
        record = fixtures.record(county.a(), 1);
    }

    /** Files a request as the record's resident would, signed in on the resident's API. */
    static long filed(
            HealthRecord record,
            ResidentCorrections corrections,
            ResidentCorrection.Field field,
            String note,
            String value) {
        var saved = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        new ResidentPrincipal(record.getId(), record.getRecordNumber(), record.getInstitutionId()),
                        null,
                        List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"))));
        try {
            return corrections.submit(field, note, value).id();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(saved);
        }
    }

    @SuppressWarnings("unchecked")
    private void openTheRequest() {
        UI.getCurrent().navigate(TasksView.class);
        Grid<Inbox.Item> grid = _get(Grid.class, spec -> spec.withId("task-grid"));
        assertThat(GridKt._size(grid)).isOne();
        grid.asSingleSelect().setValue(GridKt._get(grid, 0));
    }

    private long openTasks(long id) {
        return tasks.createTaskQuery()
                .processDefinitionKey(ResidentCorrections.PROCESS)
                .processInstanceBusinessKey(Long.toString(id))
                .count();
    }

    @Test
    void the_archivist_corrects_the_address_with_the_value_after_a_question() {
        long id = filed(record, corrections, ResidentCorrection.Field.ADDRESS, "门牌号错了", "测试路9号");
        login(county.user("archivist-a"));
        openTheRequest();

        assertThat(_get(H2.class, spec -> spec.withId("resident-correction-heading"))
                        .getText())
                .isEqualTo("居民更正申请（编号 " + id + "）· " + record.getName() + " · " + record.getRecordNumber());
        assertThat(_get(Span.class, spec -> spec.withId("resident-correction-current"))
                        .getText())
                .isEqualTo("测试地址1");
        assertThat(_get(Span.class, spec -> spec.withId("resident-correction-field"))
                        .getText())
                .isEqualTo("地址");
        assertThat(_get(Span.class, spec -> spec.withId("resident-correction-note"))
                        .getText())
                .isEqualTo("门牌号错了");
        assertThat(_get(Span.class, spec -> spec.withId("resident-correction-proposed"))
                        .getText())
                .isEqualTo("测试路9号");
        _get(TextField.class, spec -> spec.withId("resident-correction-value")).setValue("测试路19号");
        _get(Button.class, spec -> spec.withId("resident-correction-correct")).click();
        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("resident-correction-correct-dialog"));
        assertThat(dialog.getElement().getProperty("message")).contains("1 项", "由“测试地址1”改为“测试路19号”");
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(openTasks(id)).isZero();
        assertThat(records.read(record.getRecordNumber()).address()).isEqualTo("测试路19号");
        NotificationsKt.expectNotifications("已答复更正申请 #" + id);
    }

    @Test
    void refusing_needs_a_reason_and_cancelling_changes_nothing() {
        long id = filed(record, corrections, ResidentCorrection.Field.NAME, "名字写错", "测试一");
        login(county.user("archivist-a"));
        openTheRequest();

        // without a reason it is said at the field, before any question
        _get(Button.class, spec -> spec.withId("resident-correction-refuse")).click();
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        TextArea reason = _get(TextArea.class, spec -> spec.withId("resident-correction-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).startsWith("请写明不予更正的理由");
        assertThat(openTasks(id)).isOne();

        reason.setValue("与身份证一致");
        _get(Button.class, spec -> spec.withId("resident-correction-refuse")).click();
        ConfirmDialogKt._fireCancel(
                _get(ConfirmDialog.class, spec -> spec.withId("resident-correction-refuse-dialog")));
        assertThat(openTasks(id)).isOne();

        _get(Button.class, spec -> spec.withId("resident-correction-refuse")).click();
        ConfirmDialogKt._fireConfirm(
                _find(ConfirmDialog.class).get(_find(ConfirmDialog.class).size() - 1));
        assertThat(openTasks(id)).isZero();
        assertThat(records.read(record.getRecordNumber()).name()).isEqualTo(record.getName());
    }

    @Test
    void another_townships_archivist_does_not_see_it() {
        filed(record, corrections, ResidentCorrection.Field.ADDRESS, "错了", "");
        login(county.user("archivist-b"));
        UI.getCurrent().navigate(TasksView.class);
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("task-grid"))))
                .isZero();
    }
}
