package org.dangan.ui.lending;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import org.dangan.ui.registry.RecordDetailView;
import org.dangan.ui.support.PaperFilesTest;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The screens for check-out, legal holds and disposal, and stocktake, each driven as a person would. */
class CheckoutsViewTest extends PaperFilesTest {

    @Autowired
    UserAccounts users;

    @Autowired
    Checkouts checkouts;

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
        assertThat(view.until.getI18n().getToday()).isEqualTo("今天");
        assertThat(view.until.getI18n().getMonthNames().get(0)).isEqualTo("一月");
        view.until.setValue(LocalDate.now(ChinaTime.ZONE).plusDays(7));
        _click(_get(Button.class, spec -> spec.withId("checkout-request")));
        Checkouts.CheckoutView requested =
                view.grid.getListDataView().getItems().findFirst().orElseThrow();
        assertThat(requested.state()).isEqualTo("REQUESTED");
        // people by name, not by account; an account gone keeps its user name
        assertThat(GridKt._getFormattedRow(view.grid, 0))
                .contains(first + " 测试1，" + second + " 测试1")
                .contains("甲档案员")
                .doesNotContain(county.user("archivist-a"));
        assertThat(users.displayNames(List.of(county.user("archivist-a"), "gone-user")))
                .containsEntry(county.user("archivist-a"), "甲档案员")
                .containsEntry("gone-user", "gone-user");
        assertThat(view.status.getText()).isEqualTo("调阅申请 " + requested.id() + " 已提出，等待主管审批");
        assertThat(_find(Button.class, spec -> spec.withId("checkout-approve"))).isEmpty();

        as("head-a");
        UI.getCurrent().navigate(CheckoutsView.class);
        view = _get(CheckoutsView.class);
        view.grid
                .asSingleSelect()
                .setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("checkout-approve")));
        assertThat(view.grid
                        .getListDataView()
                        .getItems()
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo("OUT");
        assertThat(state(first)).isEqualTo("CHECKED_OUT");
        assertThat(ledger.currentPlace(CustodySubject.PAPER_FILE, first)).isEmpty();

        as("archivist-a");
        UI.getCurrent().navigate(CheckoutsView.class);
        view = _get(CheckoutsView.class);
        view.grid
                .asSingleSelect()
                .setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("checkout-return")));
        assertThat(view.grid
                        .getListDataView()
                        .getItems()
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo("RETURNED");
        assertThat(ledger.entriesOf(CustodySubject.PAPER_FILE, second))
                .extracting(e -> e.event())
                .endsWith(CustodyEvent.CHECKED_OUT, CustodyEvent.RETURNED);
    }

    @Test
    void the_residents_page_links_each_check_out_and_each_files_ledger_to_its_entry() {
        as("archivist-a");
        long id = checkouts
                .request(new Checkouts.Request(
                        List.of(first), "复诊查阅", LocalDate.now(ChinaTime.ZONE).plusDays(7)))
                .id();
        String record = first.substring(0, first.lastIndexOf('-'));
        UI.getCurrent().navigate(RecordDetailView.class, record);

        var checkoutLink = (Anchor)
                GridKt._getCellComponent(_get(Grid.class, spec -> spec.withId("record-checkouts")), 0, "number");
        assertThat(checkoutLink.getHref()).isEqualTo("checkouts?id=" + id);
        var fileLink =
                (Anchor) GridKt._getCellComponent(_get(Grid.class, spec -> spec.withId("record-custody")), 0, "file");
        assertThat(fileLink.getHref()).startsWith("custody?file=" + record);

        // following the links picks the check-out, and shows the file's ledger at once
        UI.getCurrent().navigate("checkouts", QueryParameters.of("id", Long.toString(id)));
        assertThat(_get(CheckoutsView.class).grid.asSingleSelect().getValue().id())
                .isEqualTo(id);
        UI.getCurrent().navigate("custody", QueryParameters.of("file", first));
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("custody-events"))))
                .isGreaterThanOrEqualTo(1);
        // a check-out of another township is not picked, and the screen says it was not found
        as("archivist-b");
        UI.getCurrent().navigate("checkouts", QueryParameters.of("id", Long.toString(id)));
        assertThat(_get(CheckoutsView.class).grid.asSingleSelect().getValue()).isNull();
        assertThat(_get(CheckoutsView.class).status.getText())
                .doesNotContain(first)
                .isNotBlank();
        // and her empty list says what would fill it
        assertThat(_get(CheckoutsView.class).grid.getListDataView().getItemCount())
                .isZero();
        assertThat(_get(CheckoutsView.class).grid.getEmptyStateText()).isEqualTo("还没有调阅申请：扫描纸质档案标签即可提出。");
    }

    @Test
    void a_supervisor_may_not_approve_the_own_request_and_is_told_why() {
        as("head-a");
        UI.getCurrent().navigate(CheckoutsView.class);
        CheckoutsView view = _get(CheckoutsView.class);
        view.scanned(first);
        view.purpose.setValue("复印");
        view.until.setValue(LocalDate.now(ChinaTime.ZONE).plusDays(1));
        _click(_get(Button.class, spec -> spec.withId("checkout-request")));
        view.grid
                .asSingleSelect()
                .setValue(view.grid.getListDataView().getItems().findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("checkout-approve")));
        assertThat(view.status.getText()).contains("双人原则");
        assertThat(view.grid
                        .getListDataView()
                        .getItems()
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo("REQUESTED");
    }
}
