package org.dangan.ui.registry;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.StringReader;
import org.camunda.bpm.engine.TaskService;
import org.dangan.ui.document.DocumentsView;
import org.dangan.ui.shell.MainLayout;
import org.dangan.ui.support.KaribuTest;
import org.dangan.ui.support.ResidentField;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.CivilRegistration;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordSummary;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.SelfChecks;
import org.dangan.workflow.verification.Findings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class RecordViewsTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    CivilRegistration civilRegistration;

    @Autowired
    TaskService tasks;

    @Autowired
    SelfChecks selfChecks;

    @Autowired
    Findings findings;

    @Autowired
    Documents documents;

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
        assertThat(_get(grid, 0).idNumber())
                .isEqualTo(inA.getMaskedIdNumber())
                .isEqualTo(inA.getIdNumber().charAt(0) + "*".repeat(17));
        assertThat(_get(Span.class, spec -> spec.withId("record-total")).getText())
                .isEqualTo("共2份档案");
    }

    @Test
    void the_key_population_filter_hides_the_severe_mental_disorder_tag_without_restricted_documents() {
        login(county.user("head-a"));
        UI.getCurrent().navigate(RecordListView.class);
        @SuppressWarnings("unchecked")
        Select<KeyPopulation> filter = _get(Select.class, spec -> spec.withId("record-key-population"));
        assertThat(filter.getListDataView().getItems())
                .doesNotContain(KeyPopulation.SEVERE_MENTAL_DISORDER)
                .contains(KeyPopulation.HYPERTENSION);
        // empty, each filter still says which it is: the caption takes the placeholder's place
        assertThat(filter.getEmptySelectionCaption()).isEqualTo("重点人群：全部");
        assertThat(_get(Select.class, spec -> spec.withId("record-status")).getEmptySelectionCaption())
                .isEqualTo("状态：全部");
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
        assertThat(_get(Span.class, spec -> spec.withId("record-total")).getText())
                .contains("查看完整身份证号")
                .doesNotContain("FULL_ID_NUMBER");

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
        // a kind registered with no pages is no content to list
        jdbc.update(
                "insert into paper_file_content (paper_file_id, document_type, pages)"
                        + " select id, 'FOLLOW_UP', 0 from paper_file where file_number = ?",
                inA.getRecordNumber() + "-01");
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, inA.getRecordNumber());

        assertThat(_get(Span.class, spec -> spec.withId("record-id-number")).getText())
                .isEqualTo(inA.getMaskedIdNumber());
        Grid<?> files = _get(Grid.class, spec -> spec.withId("paper-files"));
        assertThat(_size(files)).isEqualTo(1);
        assertThat(String.join(" | ", GridKt._getFormattedRow(files, 0)))
                .contains("个人基本信息表 2；健康体检表 4")
                .doesNotContain("随访服务记录表");
        Grid<?> trail = _get(Grid.class, spec -> spec.withId("record-trail"));
        assertThat(_size(trail)).isEqualTo(1);
    }

    @Test
    void revealing_the_whole_id_number_needs_the_permission_and_is_audited() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, inA.getRecordNumber());
        _get(Button.class, spec -> spec.withId("reveal-id")).click();

        assertThat(_get(Span.class, spec -> spec.withId("record-id-number")).getText())
                .isEqualTo(inA.getIdNumber());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'RECORD_ID_REVEALED' and subject_id = ?",
                        Long.class,
                        inA.getRecordNumber()))
                .isEqualTo(1);

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
        assertThat(_get(Span.class, spec -> spec.withId("record-not-found")).getText())
                .contains(inB.getRecordNumber());
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

    /**
     * The merge's question counts the scans that move, restricted ones too; shown to an archivist
     * who may not see those, comparing it with the record's scan list would tell whose record has
     * severe-mental-disorder files. So the merge is not offered, and the count is refused.
     */
    @Test
    void an_archivist_without_restricted_documents_is_offered_no_merge_and_no_scan_count() {
        fixtures.record(county.b(), 501); // the same ID number as serial 1 (inB): a merge candidate
        login(county.user("archivist-b"));
        UI.getCurrent().navigate(RecordDetailView.class, inB.getRecordNumber());
        assertThat(_find(Button.class, spec -> spec.withId("merge-run"))).isEmpty();
        assertThat(_find(RecordMergePanel.class)).isEmpty();
        assertThatThrownBy(() -> documents.countOfRecord(inB.getRecordNumber()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("document.count.restricted"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_duplicate_is_compared_side_by_side_and_merged_into_the_record_shown() {
        // serial 501 gives the same ID number as serial 1: the same resident registered twice
        HealthRecord twin = fixtures.record(county.a(), 501);
        jdbc.update("update health_record set phone = '13911112222' where id = ?", twin.getId());
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, inA.getRecordNumber());
        ComboBox<String> candidates = _get(ComboBox.class, spec -> spec.withId("merge-duplicate"));
        assertThat(candidates.getListDataView().getItems()).containsExactly(twin.getRecordNumber());
        candidates.setValue(twin.getRecordNumber());
        Grid<RecordMergePanel.Row> fields = _get(Grid.class, spec -> spec.withId("merge-fields"));
        assertThat(fields.getListDataView()
                        .getItems()
                        .filter(r -> r.field().equals("phone"))
                        .findFirst()
                        .orElseThrow()
                        .there())
                .isEqualTo("13911112222");
        _get(RecordMergePanel.class).take.add("phone");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("merge-run")));
        // nothing moves before the archivist confirms what the merge does, in numbers
        ConfirmDialog ask = _get(ConfirmDialog.class, spec -> spec.withId("merge-confirm"));
        assertThat(jdbc.queryForObject("select status from health_record where id = ?", String.class, twin.getId()))
                .isNotEqualTo("DUPLICATE");
        assertThat(ask.getElement().getProperty("message"))
                .isEqualTo("重复档案 " + twin.getRecordNumber()
                        + " 的纸质档案 1 份、扫描件 0 份将转入 " + inA.getRecordNumber() + "，" + twin.getRecordNumber()
                        + " 随即关闭为重复档案。合并后不能撤销。");
        ConfirmDialogKt._fireConfirm(ask);
        assertThat(_size(_get(Grid.class, spec -> spec.withId("paper-files")))).isEqualTo(2);
        assertThat(jdbc.queryForObject("select phone from health_record where id = ?", String.class, inA.getId()))
                .isEqualTo("13911112222");
        assertThat(jdbc.queryForObject("select status from health_record where id = ?", String.class, twin.getId()))
                .isEqualTo("DUPLICATE");
        UI.getCurrent().navigate(RecordDetailView.class, twin.getRecordNumber());
        assertThat(_get(Span.class, spec -> spec.withId("record-duplicate-of")).getText())
                .isEqualTo("重复档案，已合并入 " + inA.getRecordNumber());
    }

    @Test
    void the_resident_page_lists_the_findings_of_its_record_in_words_and_only_its_own() {
        long campaign = jdbc.queryForObject(
                "select id from verification_campaign where process_instance_id = ?",
                Long.class,
                selfChecks.open(county, county.a(), county.b()));
        jdbc.update("delete from finding where campaign_id = ?", campaign);
        String insert = """
                insert into finding (campaign_id, record_id, record_number, rule, severity, detail, status)
                values (?, ?, ?, ?, ?, '', ?)""";
        jdbc.update(insert, campaign, inA.getId(), inA.getRecordNumber(), "ELDERLY_TAG_AGE", "WARNING", "WAIVED");
        jdbc.update(insert, campaign, inB.getId(), inB.getRecordNumber(), "REQUIRED_FIELDS", "ERROR", "OPEN");

        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, inA.getRecordNumber());
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("record-findings"));
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0).subList(1, 4)).containsExactly("老年人标记与年龄不符", "警告", "已豁免");
        // the campaign opens where the finding was made
        var link = (Anchor) GridKt._getCellComponent(grid, 0, "campaign");
        assertThat(link.getText()).isEqualTo("#" + campaign);
        assertThat(link.getHref()).isEqualTo("campaigns?id=" + campaign);
        // township B's finding is not township A's to read, even asked for by number
        assertThat(findings.ofRecord(inB.getRecordNumber())).isEmpty();

        UI.getCurrent()
                .navigate(RecordDetailView.class, fixtures.record(county.a(), 3).getRecordNumber());
        assertThat(_get(Span.class, spec -> spec.withId("record-findings-empty"))
                        .getText())
                .isEqualTo("历次核查活动没有发现这份档案的问题。");
    }

    @Test
    void the_resident_page_says_where_the_paper_stands_and_explains_what_is_empty() {
        Box box = fixtures.box(county.a(), 7);
        registry.store(inA.getRecordNumber() + "-01", box.getBarcode());
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, inA.getRecordNumber());

        assertThat(_get(H2.class, spec -> spec.withId("record-heading")).getText())
                .isEqualTo(inA.getName() + " · " + inA.getRecordNumber());
        assertThat(GridKt._getFormattedRow(_get(Grid.class, spec -> spec.withId("paper-files")), 0))
                .contains("甲镇卫生院 / 档案室 / 1号架", "第 1 位");
        assertThat(_get(Span.class, spec -> spec.withId("record-scans-empty")).getText())
                .isEqualTo("这位居民暂无扫描件。");
        assertThat(_get(Span.class, spec -> spec.withId("record-checkouts-empty"))
                        .getText())
                .isEqualTo("这位居民的纸质档案没有调阅记录。");
        // storing the file into the box is in its custody
        assertThat(_size(_get(Grid.class, spec -> spec.withId("record-custody"))))
                .isGreaterThanOrEqualTo(1);

        // the place in the box is the file's, counted as the box's contents sheet lists them (by file
        // number), not the box's own place on the shelf
        HealthRecord second = fixtures.record(county.a(), 3);
        registry.store(second.getRecordNumber() + "-01", box.getBarcode());
        UI.getCurrent().navigate(RecordDetailView.class, second.getRecordNumber());
        assertThat(box.getPosition()).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(_get(Grid.class, spec -> spec.withId("paper-files")), 0))
                .contains(box.getBarcode().value(), "第 2 位");
    }

    @Test
    void a_resident_is_picked_by_name_among_the_townships_own_and_the_lookup_is_audited() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(DocumentsView.class);
        ResidentField picker = _get(ResidentField.class, spec -> spec.withId("document-record"));
        long before = jdbc.queryForObject("select count(*) from audit_entry where action = 'RECORD_LIST'", Long.class);

        ComboBoxKt.setUserInput(picker, inA.getName());
        assertThat(ComboBoxKt.getSuggestions(picker)).containsExactly(inA.getName() + " · " + inA.getRecordNumber());
        picker.setValue(ComboBoxKt.getSuggestionItems(picker).get(0)); // the user clicks the suggestion
        assertThat(picker.recordNumber()).isEqualTo(inA.getRecordNumber());
        // the other township's resident of the same name is not offered
        assertThat(inB.getName()).isEqualTo(inA.getName());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'RECORD_LIST'", Long.class))
                .isGreaterThan(before);
    }

    @Test
    void a_death_reported_by_the_civil_registration_is_confirmed_in_its_panel_after_a_question() throws Exception {
        login(county.user("archivist-a"));
        civilRegistration.apply(
                new StringReader("idNumber,event,date\n" + inA.getIdNumber() + ",DECEASED,2025-03-01\n"));
        String task = tasks.createTaskQuery()
                .processDefinitionKey(CivilRegistration.FOLLOW_UP)
                .processInstanceBusinessKey(inA.getRecordNumber())
                .singleResult()
                .getId();

        // the county's checker sees township A's records but does not close them
        newSession();
        login(county.user("county-checker"));
        UI.getCurrent().navigate(FollowUpView.class, task);
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-missing")).getText())
                .isEqualTo("没有找到这项核实任务，或它不属于您的机构");
        newSession();
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(FollowUpView.class, task);

        assertThat(_get(H2.class, spec -> spec.withId("follow-up-heading")).getText())
                .isEqualTo("核实死亡并结案 · " + inA.getName() + " · " + inA.getRecordNumber());
        _get(Button.class, spec -> spec.withId("follow-up-panel-confirm")).click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(tasks.createTaskQuery().taskId(task).count()).isOne(); // no note, no closing
        _get(TextArea.class, spec -> spec.withId("follow-up-panel-note")).setValue("已见死亡医学证明");
        _get(Button.class, spec -> spec.withId("follow-up-panel-confirm")).click();
        ConfirmDialogKt._fireConfirm(
                _find(ConfirmDialog.class).get(_find(ConfirmDialog.class).size() - 1));

        assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
        assertThat(_get(H2.class, spec -> spec.withId("record-heading")).getText())
                .contains(inA.getName());

        // another township's archivist cannot open it
        newSession();
        login(county.user("archivist-b"));
        UI.getCurrent().navigate(FollowUpView.class, task);
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-missing")).getText())
                .isEqualTo("没有找到这项核实任务，或它不属于您的机构");
    }
}
