package org.dangan.ui.shell;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import org.dangan.ui.inbox.TasksView;
import org.dangan.ui.support.PaperFilesTest;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.ChinaTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bell: the unread count, the list, a notice read by opening it, and all read at once. */
class NotificationBellTest extends PaperFilesTest {

    @Autowired
    Checkouts checkouts;

    private long request(String file) {
        as("archivist-a");
        return checkouts
                .request(new Checkouts.Request(
                        List.of(file), "慢病随访核对", LocalDate.now(ChinaTime.ZONE).plusDays(7)))
                .id();
    }

    private Span count() {
        return _get(NotificationBell.class).count();
    }

    private Button item(long checkout) {
        return _find(Button.class, spec -> spec.withText("新任务：审批调阅（#" + checkout + "）"))
                .get(0);
    }

    @Test
    void a_new_task_shows_in_the_count_and_opening_it_reads_it_and_leads_to_the_tasks() {
        long id = request(first);
        as("head-a");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(count().isVisible()).isTrue();
        assertThat(count().getText()).isEqualTo("1");

        _click(_get(Button.class, spec -> spec.withId("notification-bell")));
        assertThat(_get(Dialog.class, spec -> spec.withId("notification-dialog"))
                        .isOpened())
                .isTrue();
        Button line = item(id);
        assertThat(line.getStyle().get("font-weight")).as("unread is bold").isEqualTo("bold");
        assertThat(((Span) line.getSuffixComponent()).getText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");

        _click(line);
        assertThat(_find(TasksView.class)).hasSize(1);
        assertThat(count().isVisible()).isFalse();
        assertThat(_find(Dialog.class, spec -> spec.withId("notification-dialog")))
                .allSatisfy(d -> assertThat(d.isOpened()).isFalse());

        _click(_get(Button.class, spec -> spec.withId("notification-bell")));
        assertThat(item(id).getStyle().get("font-weight"))
                .as("read is no longer bold")
                .isEqualTo("normal");
    }

    @Test
    void mark_all_read_clears_the_count_and_the_bold() {
        long one = request(first);
        long two = request(second);
        as("head-a");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(count().getText()).isEqualTo("2");

        _click(_get(Button.class, spec -> spec.withId("notification-bell")));
        assertThat(item(two).getStyle().get("font-weight")).isEqualTo("bold");
        _click(_get(Button.class, spec -> spec.withId("notification-read-all")));
        assertThat(count().isVisible()).isFalse();
        assertThat(List.of(item(one), item(two)))
                .allSatisfy(b -> assertThat(b.getStyle().get("font-weight")).isEqualTo("normal"));
    }

    @Test
    void someone_with_nothing_new_sees_no_count_and_an_empty_list() {
        as("head-b");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(count().isVisible()).isFalse();
        _click(_get(Button.class, spec -> spec.withId("notification-bell")));
        assertThat(_get(Span.class, spec -> spec.withId("notification-empty")).getText())
                .isEqualTo("暂无通知");
    }
}
