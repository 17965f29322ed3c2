package org.dangan.ui.verification;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.dangan.ui.inbox.TasksView;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.verification.Campaign;
import org.dangan.workflow.verification.Campaigns;
import org.dangan.workflow.verification.Findings.FindingView;
import org.dangan.workflow.verification.PaperChecks.PaperFileCheck;
import org.dangan.workflow.verification.SampleChecks.SampleItem;
import org.dangan.workflow.verification.WaiverReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A campaign worked from start to sign-off through the screens, each step by its own person. */
class CampaignViewsTest extends KaribuTest {

    @Autowired
    ManagementService management;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Campaigns campaigns;

    Fixtures.County county;
    String process;

    @BeforeEach
    void world() {
        county = fixtures.county();
        for (int serial = 1; serial <= 35; serial++) {
            fixtures.record(county.a(), serial);
        }
        // serial 501 has serial 1's ID number: the same resident registered twice
        fixtures.record(county.a(), 501);
        LocalDate child = LocalDate.now(ChinaTime.ZONE).minusYears(4);
        registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "00299999"),
                        "小明",
                        Gender.MALE,
                        child,
                        Fixtures.idNumber(county.county().getCode(), child, Gender.MALE, 77),
                        county.a().getId())
                .tagged(Set.of(KeyPopulation.ELDERLY))
                .servedOn(LocalDate.now(ChinaTime.ZONE)));
    }

    private void as(String user) {
        newSession();
        login(county.user(user));
    }

    /** This campaign's jobs only: on PostgreSQL the database holds other tests' processes too. */
    private void runJobs() {
        for (var jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list();
                !jobs.isEmpty();
                jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    /** Opens the inbox, picks the one task of this kind, and answers its grid of tasks. */
    private void openTask(String name) {
        UI.getCurrent().navigate(TasksView.class);
        Grid<Inbox.Item> tasks = grid("task-grid");
        assertThat(_size(tasks)).as("tasks of " + name).isEqualTo(1);
        tasks.asSingleSelect().setValue(_get(tasks, 0));
        assertThat(_get(tasks, 0).kind().taskKey()).isEqualTo(name);
        assertThat(_get(
                        H3.class,
                        spec -> spec.withText(UI.getCurrent()
                                .getTranslation(
                                        "TaskKind." + _get(tasks, 0).kind().name()))))
                .isNotNull();
    }

    private void completeTask() {
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(_size(grid("task-grid"))).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_campaign_goes_from_start_to_sign_off_through_the_screens() {
        as("county-supervisor");
        UI.getCurrent().navigate(CampaignsView.class);
        MultiSelectComboBox<Institution> which =
                _get(MultiSelectComboBox.class, spec -> spec.withId("campaign-institutions"));
        which.setValue(Set.of(county.a()));
        assertThat(_get(DatePicker.class, spec -> spec.withId("campaign-deadline"))
                        .getI18n()
                        .getToday())
                .isEqualTo("今天");
        _click(_get(Button.class, spec -> spec.withId("start-campaign")));
        // nothing starts before the supervisor confirms what will, in numbers
        assertThat(campaigns.visibleToCurrentUser()).isEmpty();
        ConfirmDialog question = _get(ConfirmDialog.class, spec -> spec.withId("campaign-start-confirm"));
        assertThat(question.getElement().getProperty("message"))
                .startsWith("将为 1 家机构（" + county.a().getName() + "）发起核查")
                .contains("抽查比例 5%");
        _fireConfirm(question);
        assertThat(_size(grid("campaign-grid"))).isEqualTo(1);
        process = campaigns.visibleToCurrentUser().get(0).getProcessInstanceId();
        runJobs();

        // the township archivist works the findings and the paper, then submits
        as("archivist-a");
        openTask("selfCheck");
        Grid<FindingView> findings = grid("finding-grid");
        // the twins are merged side by side from their finding, and both checked again
        String first = county.a().getCode() + "00100001";
        String twin = county.a().getCode() + "00100501";
        assertThat(_size(findings)).isEqualTo(3);
        int row = IntStream.range(0, 3)
                .filter(i -> _get(findings, i).recordNumber().equals(first))
                .findFirst()
                .orElseThrow();
        _clickItem(findings, row, 1, false, false, false, false);
        @SuppressWarnings("unchecked")
        ComboBox<String> duplicate = _get(ComboBox.class, spec -> spec.withId("merge-duplicate"));
        duplicate.setValue(twin);
        _click(_get(Button.class, spec -> spec.withId("merge-run")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("merge-confirm")));
        assertThat(_size(findings)).isEqualTo(1);
        assertThat(_get(findings, 0).recordNumber()).isEqualTo(county.a().getCode() + "00299999");
        _clickItem(findings, 0, 1, false, false, false, false);
        assertThat(_get(TextField.class, spec -> spec.withLabel("姓名")).getValue())
                .isEqualTo("小明");
        // a wrong ID number is refused with its reason; one whose birth date is not the record's names both dates
        NotificationsKt.clearNotifications();
        _get(TextField.class, spec -> spec.withId("record-id-number")).setValue("110105");
        _click(_get(Button.class, spec -> spec.withId("correct-record")));
        NotificationsKt.expectNotifications("身份证号应为18位，实际为6位");
        LocalDate child = jdbc.queryForObject(
                        "select birth_date from health_record where record_number = ?",
                        Date.class,
                        county.a().getCode() + "00299999")
                .toLocalDate();
        _get(TextField.class, spec -> spec.withId("record-id-number"))
                .setValue(Fixtures.idNumber(county.county().getCode(), LocalDate.of(1980, 3, 7), Gender.MALE, 78));
        _click(_get(Button.class, spec -> spec.withId("correct-record")));
        NotificationsKt.expectNotifications("身份证号中的出生日期 1980-03-07 与档案登记的出生日期 " + child + " 不一致，未保存：请核对身份证号或出生日期");
        assertThat(_size(findings)).isOne();
        assertThat(_get(
                                DatePicker.class,
                                spec -> spec.withLabel(UI.getCurrent().getTranslation("record.lastServiceDate")))
                        .getI18n()
                        .getToday())
                .isEqualTo("今天");
        ((Checkbox) GridKt._getCellComponent(findings, 0, "tick")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("waive-selected")));
        NotificationsKt.expectNotifications("请选择豁免理由");
        _get(ComboBox.class, spec -> spec.withId("waiver-kind")).setValue(WaiverReason.OTHER);
        _get(TextField.class, spec -> spec.withId("waiver-reason")).setValue("家属确认为老年人代管档案");
        _click(_get(Button.class, spec -> spec.withId("waive-selected")));
        assertThat(_size(findings)).isZero();
        Grid<PaperFileCheck> paper = grid("paper-grid");
        assertThat(_size(paper)).isEqualTo(36); // the twin's file is the survivor's now; the child has none
        PaperFileCheck checked = _get(paper, 0);
        paper.asSingleSelect().setValue(checked);
        IntegerField pages = _get(IntegerField.class, spec -> spec.withId("paper-pages"));
        assertThat(pages.getValue()).isEqualTo(checked.registeredPages());
        assertThat(pages.isAutoselect()).isTrue();
        // a count typed onto the registered one is recorded as found, and the archivist is told it disagrees
        pages.setValue(Integer.parseInt(checked.registeredPages() + "" + checked.registeredPages()));
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withId("record-paper-check")));
        NotificationsKt.expectNotifications("已记录纸质档案 " + checked.fileNumber() + " 的核对结果：与登记不一致，请复核页数、签字和内容");
        // recorded again with the right count, it agrees
        paper.asSingleSelect()
                .setValue(paper.getListDataView()
                        .getItems()
                        .filter(f -> f.fileNumber().equals(checked.fileNumber()))
                        .findFirst()
                        .orElseThrow());
        pages.setValue(checked.registeredPages());
        _click(_get(Button.class, spec -> spec.withId("record-paper-check")));
        assertThat(_get(this.<PaperFileCheck>grid("paper-grid"), 0).agrees()).isTrue();
        NotificationsKt.expectNotifications("已记录纸质档案 " + checked.fileNumber() + " 的核对结果");
        completeTask();

        // the head reads what is signed for (no finding open, 1 of 36 files checked) and is asked first
        as("head-a");
        openTask("headSignOff");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("head-open-findings"))
                        .getElement()
                        .getTextRecursively())
                .isEqualTo("没有未处理的问题");
        assertThat(_get(Paragraph.class, spec -> spec.withId("head-paper-status"))
                        .getText())
                .isEqualTo("纸网一致性核对：已核对 1/36 份，其中不一致 0 份；未核对 35 份");
        // the waiver the head signs for: its reason, and that its note is not for a reader without the permission
        Grid<FindingView> waived = grid("head-waived-findings");
        assertThat(_size(waived)).isOne();
        assertThat(GridKt._getFormattedRow(waived, 0)).contains("其他（另有说明，您无权查看）");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        ConfirmDialog headConfirm = _get(ConfirmDialog.class, spec -> spec.withId("head-sign-off-confirm"));
        assertThat(headConfirm.getElement().getProperty("message"))
                .isEqualTo("还有 0 项问题未处理，35 份纸质档案未做纸网一致性核对。签认后自查结束，交县级抽查，不能撤销。");
        _fireConfirm(headConfirm);
        assertThat(_size(grid("task-grid"))).isZero();
        runJobs();

        // the county checker judges the whole sample
        as("county-checker");
        openTask("sampleCheck");
        Grid<SampleItem> sample = grid("sample-grid");
        assertThat(_size(sample)).isEqualTo(30);
        // the first row is selected and judged, the next one is selected; the rest pass at once, asked first
        _click(_get(Button.class, spec -> spec.withId("sample-pass")));
        assertThat(sample.asSingleSelect().getValue()).isEqualTo(_get(sample, 1));
        assertThat(_get(Span.class, spec -> spec.withId("sample-progress")).getText())
                .isEqualTo("已判 1/30");
        _click(_get(Button.class, spec -> spec.withId("sample-rest-pass")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("sample-rest-confirm")));
        assertThat(_get(sample, 29).verdict()).isNotNull();
        assertThat(_get(Span.class, spec -> spec.withId("sample-progress")).getText())
                .isEqualTo("已判 30/30");
        completeTask();
        runJobs();

        // the city returns it once without a reason (refused, the task stays), then accepts
        as("city-supervisor");
        openTask("cityAcceptance");
        _click(_get(Button.class, spec -> spec.withId("return-campaign")));
        assertThat(_size(grid("task-grid"))).isOne();
        _get(TextArea.class, spec -> spec.withId("return-reason")).setValue("");
        _click(_get(Button.class, spec -> spec.withId("accept-campaign")));
        // accepting freezes the report: asked first, in its figures (37 records, no sample failure)
        ConfirmDialog accept = _get(ConfirmDialog.class, spec -> spec.withId("accept-confirm"));
        assertThat(accept.getElement().getProperty("message")).isEqualTo("验收后报告的数字冻结，不再改变：37 份档案，抽查差错率 0.00%。此操作不能撤销。");
        _fireConfirm(accept);
        assertThat(_size(grid("task-grid"))).isZero();

        as("county-checker");
        openTask("checkerSignOff");
        // the screen says what the sign-off does, and the confirmation repeats it in numbers
        // ... including that 35 of the files retired had no paper check
        assertThat(_get(Paragraph.class, spec -> spec.withId("sign-off-retire")).getText())
                .contains("36 份")
                .endsWith("其中 35 份未做纸网一致性核对。");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("sign-off-confirm"));
        assertThat(confirm.getElement().getProperty("message"))
                .contains("将停用并装盒 36 份")
                .contains("将停用的 36 份中有 35 份未做纸网一致性核对");
        _fireConfirm(confirm);
        assertThat(_size(grid("task-grid"))).isZero();
        runJobs();

        as("county-supervisor");
        UI.getCurrent().navigate(CampaignsView.class);
        Grid<Campaign> campaigns = grid("campaign-grid");
        campaigns.asSingleSelect().setValue(_get(campaigns, 0));
        assertThat(_get(
                        H3.class,
                        spec -> spec.withText("核查活动 #" + _get(campaigns, 0).getId() + " · 已完成")))
                .isNotNull();
        assertThat(_get(Anchor.class, spec -> spec.withId("campaign-report-pdf"))
                        .getHref())
                .isNotBlank();
        assertThat(_get(Span.class, spec -> spec.withId("campaign-frozen"))).isNotNull();
        // all 36 paper files (the twin's among the survivor's) signed off into one new box, whose sign-off sheet is
        // offered
        assertThat(jdbc.queryForObject(
                        "select count(*) from checker_sign_off s join health_record r on r.id = s.record_id"
                                + " where r.institution_id = ?",
                        Long.class,
                        county.a().getId()))
                .isEqualTo(36);
        assertThat(_find(
                        Anchor.class,
                        spec -> spec.withPredicate(a -> a.getText().contains("36 份"))))
                .hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_start_form_offers_what_the_domain_allows_and_a_second_start_names_the_open_campaign() {
        as("county-supervisor");
        UI.getCurrent().navigate(CampaignsView.class);
        MultiSelectComboBox<Institution> which =
                _get(MultiSelectComboBox.class, spec -> spec.withId("campaign-institutions"));
        // village clinics too (the domain accepts them), by name
        assertThat(which.getListDataView().getItems().map(Institution::getId).toList())
                .contains(county.a().getId(), county.village().getId());
        // the sample rate in per cent, as the report prints it; no random seed to fill in
        assertThat(_get(BigDecimalField.class, spec -> spec.withId("campaign-sample-rate"))
                        .getValue())
                .isEqualByComparingTo("5");
        assertThat(_find(TextField.class, spec -> spec.withLabel("随机种子"))).isEmpty();
        which.setValue(Set.of(county.a()));
        Button start = _get(Button.class, spec -> spec.withId("start-campaign"));
        _click(start);
        // the second click of a double click finds the button off while the question is open
        assertThat(start.isEnabled()).isFalse();
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("campaign-start-confirm")));
        assertThat(start.isEnabled()).isTrue();
        // a second start for the same township is asked, then refused, naming the open campaign
        long first = campaigns.visibleToCurrentUser().get(0).getId();
        NotificationsKt.clearNotifications();
        _click(start);
        List<ConfirmDialog> asked = _find(ConfirmDialog.class, spec -> spec.withId("campaign-start-confirm"));
        _fireConfirm(asked.get(asked.size() - 1));
        NotificationsKt.expectNotifications(county.a().getName() + "已在进行中的核查活动 #" + first + " 中，不能重复发起");
        assertThat(campaigns.visibleToCurrentUser().get(0).getSampleRate()).isEqualByComparingTo("0.05");
        assertThat(_size(grid("campaign-grid"))).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from campaign_institution where institution_id = ?",
                        Long.class,
                        county.a().getId()))
                .isOne();

        // an archivist sees no start form at all
        as("archivist-a");
        UI.getCurrent().navigate(CampaignsView.class);
        assertThat(_find(Button.class, spec -> spec.withId("start-campaign"))).isEmpty();
    }
}
