package org.dangan.ui.backup;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Path;
import java.util.Set;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.fixity.FixityAudit;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An administrator backs up from the screen, following the progress, and checks every stored file. */
class OperationsViewTest extends KaribuTest {

    @Autowired
    FixityAudit fixity;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path backups;

    @Test
    void an_administrator_backs_up_and_audits_the_files_from_the_operations_screen() throws Exception {
        Fixtures.County county = fixtures.county();
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());
        login(county.user("admin"));
        UI.getCurrent().navigate(OperationsView.class);
        OperationsView view = _get(OperationsView.class);

        _get(TextField.class, spec -> spec.withId("operations-backup-directory"))
                .setValue(backups.toString());
        _click(_get(Button.class, spec -> spec.withId("operations-backup")));
        view.backupThread().join();
        view.refresh();
        assertThat(_get(Span.class, spec -> spec.withId("operations-backup-text"))
                        .getText())
                .startsWith("备份 ")
                .contains("已完成");
        assertThat(view.snapshots.getGenericDataView().getItems().count()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'BACKUP' and username = ?",
                        Long.class,
                        county.user("admin")))
                .isEqualTo(1);

        long runsBefore = fixity.runs(100).size();
        fixity.run(county.user("admin"), line -> {});
        view.refreshLists();
        assertThat(view.runs.getGenericDataView().getItems().count()).isEqualTo(Math.min(10, runsBefore + 1));
        assertThat(_get(Span.class, spec -> spec.withId("operations-fixity-alarm"))
                        .getText())
                .isEqualTo(
                        fixity.failures().isEmpty()
                                ? "所有文件与入库时一致"
                                : "告警：" + fixity.failures().size() + " 个文件已改变或缺失（不会自动修复，请从备份恢复后重新核验）");
    }
}
