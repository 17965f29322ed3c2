package org.dangan.ui.registry;

import org.dangan.ui.shell.MainLayout;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordSummary;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class RecordViewsTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    HealthRecord inA;
    HealthRecord inB;

    @BeforeEach
    void world() {
        county = fixtures.county();
        inA = fixtures.record(county.a(), 1);
        fixtures.record(county.a(), 2);
        inB = fixtures.record(county.b(), 1);
    }

    @Test
    void the_record_list_shows_the_township_records_with_masked_id_numbers() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordListView.class);

        @SuppressWarnings("unchecked")
        Grid<RecordSummary> grid = _get(Grid.class, spec -> spec.withId("record-grid"));
        assertThat(_size(grid)).isEqualTo(2);
        assertThat(_get(grid, 0).recordNumber()).isEqualTo(inA.getRecordNumber());
        assertThat(_get(grid, 0).idNumber()).isEqualTo(inA.getMaskedIdNumber())
                .isEqualTo(inA.getIdNumber().charAt(0) + "*".repeat(17));
        assertThat(_get(Span.class, spec -> spec.withId("record-total")).getText()).isEqualTo("共2份档案");
    }

    @Test
    void the_key_population_filter_hides_the_severe_mental_disorder_tag_without_restricted_documents() {
        login(county.user("head-a"));
        UI.getCurrent().navigate(RecordListView.class);
        @SuppressWarnings("unchecked")
        Select<KeyPopulation> filter = _get(Select.class, spec -> spec.withId("record-key-population"));
        assertThat(filter.getListDataView().getItems()).doesNotContain(KeyPopulation.SEVERE_MENTAL_DISORDER)
                .contains(KeyPopulation.HYPERTENSION);
    }

    @Test
    void the_key_population_filter_offers_the_severe_mental_disorder_tag_to_a_permitted_archivist() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordListView.class);
        @SuppressWarnings("unchecked")
        Select<KeyPopulation> permitted = _get(Select.class, spec -> spec.withId("record-key-population"));
        assertThat(permitted.getListDataView().getItems()).contains(KeyPopulation.SEVERE_MENTAL_DISORDER);
    }

    @Test
    void a_whole_id_number_typed_without_full_id_number_is_refused_in_words_and_the_list_stays_usable() {
        login(county.user("head-a"));
        UI.getCurrent().navigate(RecordListView.class);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("record-grid"));

        _get(TextField.class, spec -> spec.withId("record-search")).setValue(inA.getIdNumber());
        assertThat(_size(grid)).isZero();
        assertThat(_get(Span.class, spec -> spec.withId("record-total")).getText()).contains("查看完整身份证号").doesNotContain("FULL_ID_NUMBER");

        _get(TextField.class, spec -> spec.withId("record-search")).setValue("");
        assertThat(_size(grid)).isEqualTo(2);
    }

    @Test
    void searching_by_record_number_narrows_the_list() {
        login(county.user("county-supervisor"));
        UI.getCurrent().navigate(RecordListView.class);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("record-grid"));
        assertThat(_size(grid)).isEqualTo(3);

        _get(TextField.class, spec -> spec.withId("record-search")).setValue(inB.getRecordNumber());
        assertThat(_size(grid)).isEqualTo(1);
    }

    @Test
    void the_detail_shows_paper_files_and_its_own_access_trail() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, inA.getRecordNumber());

        assertThat(_get(Span.class, spec -> spec.withId("record-id-number")).getText())
                .isEqualTo(inA.getMaskedIdNumber());
        Grid<?> files = _get(Grid.class, spec -> spec.withId("paper-files"));
        assertThat(_size(files)).isEqualTo(1);
        Grid<?> trail = _get(Grid.class, spec -> spec.withId("record-trail"));
        assertThat(_size(trail)).isEqualTo(1);
    }

    @Test
    void revealing_the_whole_id_number_needs_the_permission_and_is_audited() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, inA.getRecordNumber());
        _get(Button.class, spec -> spec.withId("reveal-id")).click();

        assertThat(_get(Span.class, spec -> spec.withId("record-id-number")).getText()).isEqualTo(inA.getIdNumber());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'RECORD_ID_REVEALED' and subject_id = ?",
                Long.class, inA.getRecordNumber())).isEqualTo(1);

        newSession();
        login(county.user("county-supervisor"));
        UI.getCurrent().navigate(RecordDetailView.class, inA.getRecordNumber());
        assertThat(_find(Button.class, spec -> spec.withId("reveal-id"))).isEmpty();
    }

    @Test
    void another_townships_record_is_not_shown_through_the_ui_either() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, inB.getRecordNumber());

        assertThat(_find(Span.class, spec -> spec.withId("record-id-number"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("record-not-found")).getText()).contains(inB.getRecordNumber());
    }

    @Test
    void a_searcher_may_not_open_the_record_list() {
        login(county.user("searcher-a"));
        // Karibu either throws the access denial or renders it as an error view, depending on what ran before
        Throwable denied = catchThrowable(() -> UI.getCurrent().navigate(RecordListView.class));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(RecordListView.class::isInstance)
                .noneMatch(MainLayout.class::isInstance);
        if (denied != null) {
            assertThat(denied).hasStackTraceContaining("Access is denied");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_duplicate_is_compared_side_by_side_and_merged_into_the_record_shown() {
        // serial 501 gives the same ID number as serial 1: the same resident registered twice
        HealthRecord twin = fixtures.record(county.a(), 501);
        jdbc.update("update health_record set phone = '13911112222' where id = ?", twin.getId());
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, inA.getRecordNumber());
        com.vaadin.flow.component.combobox.ComboBox<String> candidates = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withId("merge-duplicate"));
        assertThat(candidates.getListDataView().getItems()).containsExactly(twin.getRecordNumber());
        candidates.setValue(twin.getRecordNumber());
        Grid<RecordMergePanel.Row> fields = _get(Grid.class, spec -> spec.withId("merge-fields"));
        assertThat(fields.getListDataView().getItems().filter(r -> r.field().equals("phone")).findFirst().orElseThrow()
                .there()).isEqualTo("13911112222");
        _get(RecordMergePanel.class).take.add("phone");
        com.github.mvysny.kaributesting.v10.ButtonKt._click(_get(Button.class, spec -> spec.withId("merge-run")));
        assertThat(_size(_get(Grid.class, spec -> spec.withId("paper-files")))).isEqualTo(2);
        assertThat(jdbc.queryForObject("select phone from health_record where id = ?", String.class, inA.getId()))
                .isEqualTo("13911112222");
        assertThat(jdbc.queryForObject("select status from health_record where id = ?", String.class, twin.getId()))
                .isEqualTo("DUPLICATE");
        UI.getCurrent().navigate(RecordDetailView.class, twin.getRecordNumber());
        assertThat(_get(Span.class, spec -> spec.withId("record-duplicate-of")).getText())
                .isEqualTo("重复档案，已合并入 " + inA.getRecordNumber());
    }
}
