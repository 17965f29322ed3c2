package org.dangan.ui.assessment;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.dangan.ui.inbox.TasksView;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.assessment.Milestone;
import org.dangan.workflow.assessment.Milestones;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The county supervisor's work on 绩效考核 that the browser test leaves out: entering a population,
 * setting a milestone, marking one reached after the question, and answering an overdue one from
 * the inbox; a township head sees the figures but none of these controls.
 */
class IndicatorsViewTest extends KaribuTest {

    @Autowired
    Milestones milestones;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    Fixtures.County county;
    LocalDate today;

    @BeforeEach
    void world() {
        county = fixtures.county();
        fixtures.record(county.a(), 1);
        fixtures.record(county.b(), 1);
        today = LocalDate.now(ChinaTime.ZONE);
    }

    private void open(String code) {
        UI.getCurrent().navigate(IndicatorsView.class, QueryParameters.simple(Map.of("institution", code)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_county_supervisor_enters_a_population_and_sets_and_reaches_milestones() {
        login(county.user("county-supervisor"));
        open(county.county().getCode());
        _click(_get(Button.class, spec -> spec.withId("indicators-compute")));
        NotificationsKt.clearNotifications();

        _setValue(_get(ComboBox.class, spec -> spec.withId("population-institution")), county.a());
        _setValue(_get(IntegerField.class, spec -> spec.withId("population-year")), today.getYear());
        _setValue(_get(TextField.class, spec -> spec.withId("population-value")), "4");
        _click(_get(Button.class, spec -> spec.withId("population-save")));
        // every entry asks first, with the record rate it would give (A manages 1 record)
        ConfirmDialog first = _get(ConfirmDialog.class, spec -> spec.withId("population-confirm-dialog"));
        assertThat(first.getElement().getProperty("message"))
                .contains("将录入 甲镇卫生院 " + today.getYear() + "年常住人口 4 人", "建档率将约为 25.0%");
        ConfirmDialogKt._fireConfirm(first);
        NotificationsKt.expectNotifications("已保存 甲镇卫生院 " + today.getYear() + "年常住人口 4 人。看板上的建档率在下次计算（每晚或点“重新计算”）后变化。");
        _click(_get(Button.class, spec -> spec.withId("indicators-compute")));
        NotificationsKt.clearNotifications();

        // a second figure for the same year asks first, and so does one below the records managed
        _setValue(_get(ComboBox.class, spec -> spec.withId("population-institution")), county.a());
        _setValue(_get(IntegerField.class, spec -> spec.withId("population-year")), today.getYear());
        _setValue(_get(TextField.class, spec -> spec.withId("population-value")), "3");
        _click(_get(Button.class, spec -> spec.withId("population-save")));
        ConfirmDialog replace = _get(ConfirmDialog.class, spec -> spec.withId("population-confirm-dialog"));
        assertThat(replace.getElement().getProperty("message")).contains("已录入 4 人，将改为 3 人", "下次计算");
        ConfirmDialogKt._fireConfirm(replace);
        NotificationsKt.clearNotifications();
        _setValue(_get(ComboBox.class, spec -> spec.withId("population-institution")), county.b());
        _setValue(_get(IntegerField.class, spec -> spec.withId("population-year")), today.getYear());
        _setValue(_get(TextField.class, spec -> spec.withId("population-value")), "0");
        _click(_get(Button.class, spec -> spec.withId("population-save")));
        NotificationsKt.expectNotifications("常住人口应为1至100,000,000之间的整数");
        // a decimal point is refused, never dropped (1900.5 was once saved as 19005)
        _setValue(_get(TextField.class, spec -> spec.withId("population-value")), "1900.5");
        _click(_get(Button.class, spec -> spec.withId("population-save")));
        NotificationsKt.expectNotifications("常住人口请填写整数（不带小数点），例如 1900");
        // one entered by mistake is deleted, after a question that says how many
        Grid<?> entered = _get(Grid.class, spec -> spec.withId("population-grid"));
        assertThat(GridKt._size(entered)).isOne();
        Button remove = (Button) GridKt._getCellComponent(entered, 0, "remove");
        assertThat(remove.getId()).contains("population-remove-" + county.a().getCode() + "-" + today.getYear());
        _click(remove);
        ConfirmDialog removal = _get(ConfirmDialog.class, spec -> spec.withId("population-remove-dialog"));
        assertThat(removal.getElement().getProperty("message")).contains("甲镇卫生院", "3 人（1 条）");
        ConfirmDialogKt._fireConfirm(removal);
        NotificationsKt.expectNotifications("已删除 甲镇卫生院 " + today.getYear() + "年的常住人口");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("population-grid"))))
                .isZero();
        assertThat(GridKt._getFormattedRow(_get(Grid.class, spec -> spec.withId("indicators-grid")), 0))
                .contains("甲镇卫生院");

        _setValue(_get(ComboBox.class, spec -> spec.withId("milestone-institution")), county.b());
        _setValue(_get(Select.class, spec -> spec.withId("milestone-kind")), Milestone.Kind.PAPER_STOPPED);
        _setValue(_get(DatePicker.class, spec -> spec.withId("milestone-day")), today.plusDays(30));
        _click(_get(Button.class, spec -> spec.withId("milestone-save")));
        NotificationsKt.expectNotifications("已设定 乙镇卫生院 的“纸质档案停用”计划完成日期：" + ChinaTime.day(today.plusDays(30)));
        Grid<Milestones.View> grid = _get(Grid.class, spec -> spec.withId("milestones-grid"));
        assertThat(GridKt._size(grid)).isOne();
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("乙镇卫生院", "纸质档案停用");

        long id = GridKt._get(grid, 0).id();
        Button reached = (Button) GridKt._getCellComponent(grid, 0, "reached");
        assertThat(reached.getId()).contains("milestone-reached-" + id);
        _click(reached);
        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("milestone-reached-dialog"));
        // it says where the figure stands before anyone overrides it
        assertThat(dialog.getElement().getProperty("message"))
                .contains("乙镇卫生院", "纸质档案停用", "纸质档案停用进度目前为 0.0%（0 / 1）", "1 项");
        ConfirmDialogKt._fireConfirm(dialog);
        assertThat(milestones.of(county.b().getCode()).get(0).state()).isEqualTo(Milestone.State.REACHED);
        grid = _get(Grid.class, spec -> spec.withId("milestones-grid"));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("0.0%（0 / 1）");
        assertThat(((com.vaadin.flow.component.html.Span) GridKt._getCellComponent(grid, 0, "state")).getText())
                .isEqualTo("已完成（手动标记）");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_county_supervisor_sets_a_target_that_colours_the_townships() {
        login(county.user("county-supervisor"));
        open(county.county().getCode());
        _click(_get(Button.class, spec -> spec.withId("indicators-compute")));
        NotificationsKt.clearNotifications();
        _setValue(_get(Select.class, spec -> spec.withId("target-figure")), "dynamicUseRate");
        assertThat(_get(NumberField.class, spec -> spec.withId("target-green")).getValue())
                .isEqualTo(60.0);
        _setValue(_get(NumberField.class, spec -> spec.withId("target-green")), 100.0);
        _setValue(_get(NumberField.class, spec -> spec.withId("target-amber")), 99.5);
        _click(_get(Button.class, spec -> spec.withId("target-save")));
        NotificationsKt.expectNotifications("已设定“健康档案动态使用率”的达标线：达标 100%，接近 99.5%");
        Grid<?> targets = _get(Grid.class, spec -> spec.withId("targets-grid"));
        int row = 0;
        while (!GridKt._getFormattedRow(targets, row).toString().contains("健康档案动态使用率")) {
            row++;
        }
        assertThat(GridKt._getFormattedRow(targets, row)).contains("100%", "99.5%", "本级设定");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_overdue_milestone_is_answered_from_the_inbox_with_what_was_done() {
        login(county.user("county-supervisor"));
        Milestones.View set = milestones.set(county.a().getCode(), Milestone.Kind.SCANNING_FINISHED, today);
        String instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(Milestones.PROCESS)
                .processInstanceBusinessKey(Long.toString(set.id()))
                .singleResult()
                .getId();
        List<Job> timers =
                management.createJobQuery().processInstanceId(instance).timers().list();
        management.executeJob(timers.get(0).getId());

        UI.getCurrent().navigate(TasksView.class);
        Grid<Inbox.Item> tasks = _get(Grid.class, spec -> spec.withId("task-grid"));
        int row = 0;
        while (!GridKt._getFormattedRow(tasks, row).toString().contains("逾期里程碑 #" + set.id())) {
            row++;
        }
        tasks.asSingleSelect().setValue(GridKt._get(tasks, row));
        _get(Button.class, spec -> spec.withId("milestone-done")).click();
        TextArea note = _get(TextArea.class, spec -> spec.withId("milestone-note"));
        assertThat(note.isInvalid()).isTrue();
        note.setValue("已督促甲镇，下月底前完成");
        _get(Button.class, spec -> spec.withId("milestone-done")).click();
        NotificationsKt.expectNotifications("已办结 甲镇卫生院 的逾期里程碑“扫描归档完成”");
        assertThat(milestones.of(county.a().getCode()).get(0).handledNote()).isEqualTo("已督促甲镇，下月底前完成");
    }

    @Test
    void the_records_behind_a_figure_drop_the_condition_from_the_address_and_say_when_a_link_reaches_too_far() {
        login(county.user("head-a"));
        UI.getCurrent()
                .navigate(
                        org.dangan.ui.registry.RecordListView.class,
                        QueryParameters.simple(Map.of(
                                "institution", county.a().getCode(),
                                "notServedSince", today.minusDays(365).toString(),
                                "from", "indicators")));
        assertThat(_get(Span.class, spec -> spec.withId("record-not-served")).isVisible())
                .isTrue();
        _click(_get(Button.class, spec -> spec.withId("record-not-served-clear")));
        String address = UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
        assertThat(address).contains("institution=" + county.a().getCode()).doesNotContain("notServedSince");
        assertThat(_find(Span.class, spec -> spec.withId("record-not-served"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("record-back"))
                        .getHref())
                .isEqualTo("indicators?institution=" + county.a().getCode());

        // township B lies outside head-a's scope: said, not quietly replaced by their own records
        UI.getCurrent()
                .navigate(
                        org.dangan.ui.registry.RecordListView.class,
                        QueryParameters.simple(Map.of("institution", county.b().getCode())));
        assertThat(_get(Span.class, spec -> spec.withId("record-institution-outside"))
                        .getText())
                .contains(county.b().getCode(), "不在您的范围内");
    }

    @Test
    void a_city_supervisor_sets_targets_at_the_city_even_before_the_first_computation() {
        login(county.user("city-supervisor"));
        open(county.county().getCode().substring(0, 4) + "00");
        assertThat(_get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("targets-form"))
                        .getSummaryText())
                .isEqualTo("达标线（本级设定，对下级所有机构有效）");
        _setValue(_get(Select.class, spec -> spec.withId("target-figure")), "recordRate");
        _setValue(_get(NumberField.class, spec -> spec.withId("target-green")), 95.0);
        _setValue(_get(NumberField.class, spec -> spec.withId("target-amber")), 80.0);
        _click(_get(Button.class, spec -> spec.withId("target-save")));
        NotificationsKt.expectNotifications("已设定“建档率”的达标线：达标 95%，接近 80%");
    }

    @Test
    void a_township_head_reads_the_figures_without_the_county_controls() {
        login(county.user("county-supervisor"));
        open(county.county().getCode());
        _click(_get(Button.class, spec -> spec.withId("indicators-compute")));
        login(county.user("head-a"));
        open(county.a().getCode());
        assertThat(_find(Button.class, spec -> spec.withId("indicators-compute")))
                .isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("milestone-save"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("population-save"))).isEmpty();
        assertThat(_get(H2.class, spec -> spec.withId("indicators-heading")).getText())
                .contains("甲镇卫生院");
        // another township is not found: the page says so instead of showing figures
        open(county.b().getCode());
        assertThat(_find(H2.class, spec -> spec.withId("indicators-heading"))).isEmpty();
    }
}
