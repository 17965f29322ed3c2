package org.dangan.ui.retention;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.List;
import org.dangan.ui.support.PaperFilesTest;
import org.dangan.workflow.retention.Disposals;
import org.junit.jupiter.api.Test;

/** The screens for check-out, legal holds and disposal, and stocktake, each driven as a person would. */
class DisposalsViewTest extends PaperFilesTest {

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
        assertThat(view.holds.getListDataView().getItems())
                .extracting(h -> h.reason())
                .containsExactly("诉讼保全");
        assertThat(GridKt._getFormattedRow(view.holds, 0)).contains("甲院长");

        as("archivist-a");
        UI.getCurrent().navigate(DisposalsView.class);
        view = _get(DisposalsView.class);
        assertThat(view.eligible.getListDataView().getItems())
                .extracting(f -> f.fileNumber())
                .containsExactly(first);
        _click(_get(Button.class, spec -> spec.withId("disposal-propose")));
        Disposals.DisposalSummary list =
                view.lists.getListDataView().getItems().findFirst().orElseThrow();
        assertThat(list.files()).isOne();
        assertThat(GridKt._getFormattedRow(view.lists, 0)).contains("甲档案员").doesNotContain(county.user("archivist-a"));
        view.lists.asSingleSelect().setValue(list);
        _click(_get(Button.class, spec -> spec.withId("disposal-appraise")));
        assertThat(view.lists
                        .getListDataView()
                        .getItems()
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo("APPRAISED");

        for (String supervisor : List.of("head-a", "county-supervisor")) {
            as(supervisor);
            UI.getCurrent().navigate(DisposalsView.class);
            view = _get(DisposalsView.class);
            view.lists
                    .asSingleSelect()
                    .setValue(
                            view.lists.getListDataView().getItems().findFirst().orElseThrow());
            _click(_get(Button.class, spec -> spec.withId("disposal-approve")));
            ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("disposal-approve-confirm"));
            // the approver reads how many files go, and which, before they are destroyed
            assertThat(ConfirmDialogKt._getText(confirm)).contains("1 份纸质档案", first);
            ConfirmDialogKt._fireConfirm(confirm);
        }
        assertThat(view.lists.asSingleSelect().getValue().state()).isEqualTo("DISPOSED");
        assertThat(view.certificate.isVisible()).isTrue();
        assertThat(view.listFiles.getListDataView().getItems())
                .extracting(f -> f.disposed())
                .containsExactly(true);
        assertThat(state(first)).isEqualTo("DISPOSED");
        assertThat(state(second)).isEqualTo("STORED");
    }
}
