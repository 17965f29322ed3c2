package org.dangan.ui.inbox;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.dangan.ui.home.TasksCard;
import org.dangan.ui.shell.HomeView;
import org.dangan.ui.support.PaperFilesTest;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.registry.CivilRegistration;
import org.dangan.workflow.registry.HealthRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 我的任务 over every process: the check-out approval reaches the head of the institution keeping
 * the files (it never did while the inbox listed campaign tasks only), the menu counts it, and the
 * check-out's own panels approve, refuse with a reason and take the files back by scanning.
 */
class InboxViewTest extends PaperFilesTest {

    @Autowired
    Checkouts checkouts;

    @Autowired
    CivilRegistration civilRegistration;

    long checkout;

    @BeforeEach
    void requested() {
        as("archivist-a");
        checkout = checkouts
                .request(new Checkouts.Request(
                        List.of(first, second),
                        "医疗纠纷核查",
                        LocalDate.now(ChinaTime.ZONE).plusDays(7)))
                .id();
    }

    @SuppressWarnings("unchecked")
    private Grid<Inbox.Item> tasks() {
        return _get(Grid.class, spec -> spec.withId("task-grid"));
    }

    private String count() {
        Span badge = (Span) _find(SideNavItem.class).stream()
                .filter(i -> i.getLabel().equals("我的任务"))
                .findFirst()
                .orElseThrow()
                .getSuffixComponent();
        return badge.isVisible() ? badge.getText() : "";
    }

    private void open(int row) {
        Grid<Inbox.Item> grid = tasks();
        grid.asSingleSelect().setValue(GridKt._get(grid, row));
    }

    @Test
    void the_head_approves_the_check_out_from_the_inbox_and_the_count_drops() {
        as("head-a");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(count()).isEqualTo("1");

        UI.getCurrent().navigate(TasksView.class);
        assertThat(GridKt._size(tasks())).isEqualTo(1);
        List<String> row = GridKt._getFormattedRow(tasks(), 0);
        assertThat(row.subList(0, 3)).containsExactly("审批调阅", "调阅 #" + checkout, "甲镇卫生院");
        assertThat(row.get(3)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        open(0);
        assertThat(_get(Grid.class, spec -> spec.withId("checkout-task-files"))
                        .getListDataView()
                        .getItemCount())
                .isEqualTo(2);
        assertThat(GridKt._getFormattedRow(_get(Grid.class, spec -> spec.withId("checkout-task-files")), 0))
                .contains("测试1");
        _click(_get(Button.class, spec -> spec.withId("checkout-task-approve")));

        NotificationsKt.expectNotifications("已批准调阅 #" + checkout);
        assertThat(GridKt._size(tasks())).isZero();
        assertThat(count()).isEmpty();
        assertThat(state(first)).isEqualTo("CHECKED_OUT");

        // the archivist now has the return, and takes the files back by scanning both labels
        as("archivist-a");
        UI.getCurrent().navigate(TasksView.class);
        assertThat(count()).isEqualTo("1");
        open(0);
        Button takeBack = _get(Button.class, spec -> spec.withId("checkout-task-take-back"));
        TextField scan = _get(TextField.class, spec -> spec.withId("checkout-task-scan"));
        scan(scan, first);
        assertThat(takeBack.isEnabled()).isFalse();
        scan(scan, "不相干的号码");
        assertThat(_get(Span.class, spec -> spec.withId("checkout-task-progress"))
                        .getText())
                .contains("不属于调阅");
        scan(scan, second);
        _click(takeBack);
        NotificationsKt.expectNotifications("已收回调阅 #" + checkout + " 的 2 份档案");
        assertThat(state(first)).isEqualTo("STORED");
        assertThat(GridKt._size(tasks())).isZero();
    }

    @Test
    void a_task_about_one_resident_names_them_beside_the_number_in_the_inbox_and_on_the_home_page() {
        HealthRecord dies = fixtures.record(county.a(), 5);
        as("archivist-a");
        civilRegistration.apply(
                new StringReader("idNumber,event,date\n" + dies.getIdNumber() + ",DECEASED,2025-03-01\n"));
        UI.getCurrent().navigate(TasksView.class);
        assertThat(GridKt._size(tasks())).isEqualTo(1); // the check-out waits for the head, not for her
        List<String> followUp = GridKt._getFormattedRow(tasks(), 0);
        assertThat(followUp.get(0)).isEqualTo("核实死亡并结案");
        assertThat(followUp.get(1)).isEqualTo("档案 " + dies.getRecordNumber() + " · " + dies.getName());
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(_get(TasksCard.class), Span.class).stream().map(Span::getText))
                .contains(" · 档案 " + dies.getRecordNumber() + " · " + dies.getName() + " · 甲镇卫生院");
    }

    @Test
    void a_refusal_asks_for_the_reason_and_the_requester_of_the_own_check_out_cannot_approve() {
        as("head-b");
        UI.getCurrent().navigate(TasksView.class);
        assertThat(GridKt._size(tasks())).isZero();

        as("head-a");
        UI.getCurrent().navigate(TasksView.class);
        open(0);
        _click(_get(Button.class, spec -> spec.withId("checkout-task-refuse")));
        _click(_get(Button.class, spec -> spec.withId("checkout-task-refuse-confirm")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("checkout-task-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(GridKt._size(tasks())).isEqualTo(1);
        reason.setValue("用途不明");
        _click(_get(Button.class, spec -> spec.withId("checkout-task-refuse-confirm")));
        NotificationsKt.expectNotifications("已驳回调阅 #" + checkout);
        assertThat(GridKt._size(tasks())).isZero();
        assertThat(checkouts.read(checkout).state()).isEqualTo("REFUSED");
        assertThat(_find(TextArea.class, spec -> spec.withId("checkout-task-reason")))
                .isEmpty();
    }
}
