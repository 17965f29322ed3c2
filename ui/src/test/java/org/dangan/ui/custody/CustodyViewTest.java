package org.dangan.ui.custody;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The custody screen: a scanned file number shows where the file is and its events; auditors verify the ledger. */
class CustodyViewTest extends KaribuTest {

    @Autowired
    RegistryAdministration registry;

    Fixtures.County county;
    String file;
    Box box;

    @BeforeEach
    void world() {
        county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        file = record.getRecordNumber() + "-01";
        box = fixtures.box(county.a(), 1);
        registry.store(file, box.getBarcode());
    }

    @Test
    void a_scanned_file_number_shows_where_the_file_is_and_what_happened_to_it() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(CustodyView.class);
        _get(TextField.class, spec -> spec.withId("custody-scan")).setValue(file);
        _click(_get(Button.class, spec -> spec.withId("custody-show")));
        assertThat(_get(Span.class, spec -> spec.withId("custody-place")).getText())
                .isEqualTo("现在位置：甲镇卫生院 / 档案室 / 1号架 · 档案盒 " + box.getBarcode().value());
        Grid<?> events = _get(Grid.class, spec -> spec.withId("custody-events"));
        assertThat(_size(events)).isEqualTo(2);
        // registered by the application, to the township by its name, for a reason in words
        assertThat(GridKt._getFormattedRow(events, 0))
                .contains("接收", "系统", "甲镇卫生院", "登记")
                .doesNotContain(county.a().getCode(), "system", "registered");
        assertThat(_find(Button.class, spec -> spec.withId("custody-verify"))).isEmpty();

        newSession();
        login(county.user("archivist-b"));
        UI.getCurrent().navigate(CustodyView.class);
        _get(TextField.class, spec -> spec.withId("custody-scan")).setValue(file);
        _click(_get(Button.class, spec -> spec.withId("custody-show")));
        assertThat(_get(Span.class, spec -> spec.withId("custody-place")).getText())
                .startsWith("没有找到");
    }

    @Test
    void an_auditor_verifies_the_whole_ledger() {
        login(county.user("auditor"));
        UI.getCurrent().navigate(CustodyView.class);
        _click(_get(Button.class, spec -> spec.withId("custody-verify")));
        assertThat(_get(Span.class, spec -> spec.withId("custody-verdict")).getText())
                .startsWith("台账完整")
                .contains("登记与台账一致");
    }
}
