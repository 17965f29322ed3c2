package org.dangan.ui.resident;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.dangan.ui.inbox.TasksView;
import org.dangan.ui.registry.RecordListView;
import org.dangan.ui.shell.LoginView;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.document.FileStore;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.resident.ResidentCorrection;
import org.dangan.workflow.resident.ResidentSettings;
import org.dangan.workflow.support.ArchivedDocuments;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Residents;
import org.dangan.workflow.support.Residents.Resident;
import org.dangan.workflow.support.SmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The resident site's two views on the real services: sign-in with the code the tests' gateway
 * got, the resident's own page with reports, access trail and correction requests, never another
 * resident's report, and the staff routes still closed to a signed-in resident.
 */
class ResidentSiteTest extends KaribuTest {

    @Autowired
    Residents residents;

    @Autowired
    ResidentSettings settings;

    @Autowired
    ArchivedDocuments archived;

    @Autowired
    FileStore files;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AsUser asUser;

    @Autowired
    Records records;

    Fixtures.County county;
    Resident resident;
    Resident other;
    long report;
    long othersReport;

    @BeforeEach
    void aPilotResidentWithAReport() {
        forgetLocalCodes(jdbc);
        county = fixtures.county();
        residents.openPilotTo(county.a());
        resident = residents.register(county.a(), 1);
        other = residents.register(county.a(), 2);
        report = withPdf(archived.archive(resident.record(), DocumentType.HEALTH_EXAM, "体检"));
        othersReport = withPdf(archived.archive(other.record(), DocumentType.HEALTH_EXAM, "体检"));
    }

    @AfterEach
    void siteOn() {
        settings.setEnabled(true);
        AsUser.logout();
    }

    /**
     * Every test signs in from this machine, which may ask three codes an hour: the codes asked
     * earlier (other tests, an earlier run on the same database) are moved out of the hour.
     */
    static void forgetLocalCodes(JdbcTemplate jdbc) {
        jdbc.update(
                "update resident_code set created_at = ? where client_address in ('127.0.0.1', '0:0:0:0:0:0:0:1')",
                Timestamp.from(Instant.now().minus(2, ChronoUnit.HOURS)));
    }

    private long withPdf(long document) {
        return withPdf(files, jdbc, document);
    }

    /** The archived document gets a searchable PDF of its own (a few bytes naming it). */
    static long withPdf(FileStore files, JdbcTemplate jdbc, long document) {
        String sha = files.put(
                new ByteArrayInputStream(("%PDF-1.4 report " + document).getBytes(StandardCharsets.US_ASCII)));
        jdbc.update("update scanned_document set pdf_sha256 = ? where id = ?", sha, document);
        return document;
    }

    private Component shown() {
        return (Component)
                UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    private void signIn(Resident r) {
        UI.getCurrent().navigate(ResidentSignInView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("resident-id-number")), r.idNumber());
        _setValue(_get(TextField.class, spec -> spec.withId("resident-phone")), r.phone());
        _click(_get(Button.class, spec -> spec.withId("resident-request-code")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("resident-code-sent"))
                        .getText())
                .contains("验证码已发送")
                .contains("卫生院");
        _setValue(_get(TextField.class, spec -> spec.withId("resident-code")), residents.lastCode(r));
        _click(_get(Button.class, spec -> spec.withId("resident-sign-in-button")));
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void a_resident_signs_in_and_reads_their_record_reports_and_trail_and_files_a_correction() {
        asUser.login(county.user("archivist-a"));
        records.read(resident.record().getRecordNumber());
        AsUser.logout();

        signIn(resident);

        assertThat(shown()).isInstanceOf(ResidentView.class);
        String basics = text("resident-basics");
        assertThat(basics)
                .contains(
                        resident.record().getName(),
                        county.a().getName(),
                        resident.phone().substring(0, 3) + "****")
                .doesNotContain(resident.phone(), resident.idNumber());
        assertThat(text("resident-services")).contains("老年人", "上次服务");
        assertThat(text("resident-custody")).contains("没有纸质档案", "当面查看");
        assertThat(text("resident-reports")).contains("健康体检表");
        assertThat(_find(Div.class, spec -> spec.withId("resident-report-" + report)))
                .hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("resident-report-" + othersReport)))
                .isEmpty();
        Anchor download = _get(Anchor.class, spec -> spec.withId("resident-report-download-" + report));
        assertThat(download.getHref()).isNotBlank();
        assertThat(text("resident-access")).contains(county.a().getName(), "档案员");
        assertThat(text("resident-access")).doesNotContain("resident:", "archivist");

        _setValue(_get(Select.class, spec -> spec.withId("resident-request-field")), ResidentCorrection.Field.ADDRESS);
        _setValue(_get(TextArea.class, spec -> spec.withId("resident-request-note")), "门牌号写错了");
        _setValue(_get(TextField.class, spec -> spec.withId("resident-request-value")), "测试路9号");
        _click(_get(Button.class, spec -> spec.withId("resident-request-submit")));
        assertThat(text("resident-requests"))
                .contains("地址", "门牌号写错了", "您提出的新内容", "测试路9号", "已提交，待卫生院核对", "提交，编号 ")
                .doesNotContain("#");
    }

    @Test
    void a_page_left_open_after_signing_out_elsewhere_files_nothing_and_goes_back_to_the_sign_in() {
        signIn(resident);
        assertThat(shown()).isInstanceOf(ResidentView.class);
        // signed out in another tab: the session is gone, this page is still on screen
        jdbc.update(
                "delete from resident_session where record_id = ?",
                resident.record().getId());
        _setValue(_get(Select.class, spec -> spec.withId("resident-request-field")), ResidentCorrection.Field.OTHER);
        _setValue(_get(TextArea.class, spec -> spec.withId("resident-request-note")), "别人在我手机上提交");
        _click(_get(Button.class, spec -> spec.withId("resident-request-submit")));
        assertThat(shown()).isInstanceOf(ResidentSignInView.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from resident_correction where record_id = ?",
                        Integer.class,
                        resident.record().getId()))
                .isZero();
    }

    @Test
    void another_residents_report_is_never_reachable_through_the_views() throws Exception {
        signIn(resident);
        ResidentView view = (ResidentView) shown();
        String token = (String) UI.getCurrent().getSession().getAttribute(ResidentSite.TOKEN);
        try (InputStream mine = view.opened(token, report)) {
            assertThat(new String(mine.readAllBytes(), StandardCharsets.US_ASCII))
                    .contains("report " + report);
        }
        for (long id : new long[] {othersReport, 987_654_321L}) {
            try (InputStream theirs = view.opened(token, id)) {
                assertThat(theirs.readAllBytes()).as("document " + id).isEmpty();
            }
        }
        // no anchor on the page names another's document
        List<String> hrefs = _find(Anchor.class).stream().map(Anchor::getHref).toList();
        assertThat(hrefs).noneMatch(h -> h.contains("report-" + othersReport));
        try (InputStream ended = view.opened("no-such-token", report)) {
            assertThat(ended.readAllBytes()).isEmpty();
        }
    }

    @Test
    void the_staff_routes_still_ask_for_a_staff_login_after_a_resident_signs_in() {
        signIn(resident);
        assertThat(shown()).isInstanceOf(ResidentView.class);
        for (Class<? extends Component> staff : List.of(RecordListView.class, TasksView.class)) {
            UI.getCurrent().navigate(staff);
            assertThat(_find(LoginView.class)).as(staff.getSimpleName()).hasSize(1);
        }
        UI.getCurrent().navigate("records");
        assertThat(_find(LoginView.class)).hasSize(1);
    }

    @Test
    void a_wrong_code_is_refused_in_chinese_and_the_page_needs_a_sign_in() {
        UI.getCurrent().navigate(ResidentView.class);
        assertThat(shown()).isInstanceOf(ResidentSignInView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("resident-id-number")), resident.idNumber());
        _setValue(_get(TextField.class, spec -> spec.withId("resident-phone")), resident.phone());
        _click(_get(Button.class, spec -> spec.withId("resident-request-code")));
        String code = residents.lastCode(resident);
        _setValue(
                _get(TextField.class, spec -> spec.withId("resident-code")),
                code.equals("000000") ? "111111" : "000000");
        _click(_get(Button.class, spec -> spec.withId("resident-sign-in-button")));
        assertThat(shown()).isInstanceOf(ResidentSignInView.class);
        assertThat(text("resident-sign-in-refused")).startsWith("身份证号或验证码不正确").contains("输错5次后失效");
        // said once, under the button: no notification repeats it
        assertThat(_find(Notification.class)).isEmpty();
    }

    @Test
    void a_mistyped_id_number_or_phone_is_flagged_at_its_field_and_no_code_goes_out() {
        UI.getCurrent().navigate(ResidentSignInView.class);
        TextField id = _get(TextField.class, spec -> spec.withId("resident-id-number"));
        TextField phone = _get(TextField.class, spec -> spec.withId("resident-phone"));
        String wrongCheck =
                resident.idNumber().substring(0, 17) + (resident.idNumber().charAt(17) == '1' ? "2" : "1");
        _setValue(id, wrongCheck);
        _setValue(phone, resident.phone().substring(0, 10));
        _click(_get(Button.class, spec -> spec.withId("resident-request-code")));
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).contains("18位");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(_find(Paragraph.class, spec -> spec.withId("resident-code-sent")))
                .as("the sent line stays hidden")
                .isEmpty();
        assertThat(SmsGateway.to(resident.phone())).isEmpty();
    }

    @Test
    void a_code_already_received_signs_in_after_the_page_is_opened_again() {
        UI.getCurrent().navigate(ResidentSignInView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("resident-id-number")), resident.idNumber());
        _setValue(_get(TextField.class, spec -> spec.withId("resident-phone")), resident.phone());
        _click(_get(Button.class, spec -> spec.withId("resident-request-code")));
        String code = residents.lastCode(resident);

        // the resident leaves, comes back to a fresh page and types the code from their phone
        UI.getCurrent().navigate("login");
        UI.getCurrent().navigate(ResidentSignInView.class);
        assertThat(_get(TextField.class, spec -> spec.withId("resident-code")).isEnabled())
                .isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("resident-id-number")), resident.idNumber());
        _setValue(_get(TextField.class, spec -> spec.withId("resident-code")), code);
        _click(_get(Button.class, spec -> spec.withId("resident-sign-in-button")));
        assertThat(shown()).isInstanceOf(ResidentView.class);
    }

    @Test
    void signing_out_or_an_ended_session_leads_back_to_the_sign_in() {
        signIn(resident);
        _click(_get(Button.class, spec -> spec.withId("resident-sign-out")));
        assertThat(shown()).isInstanceOf(ResidentSignInView.class);
        UI.getCurrent().navigate(ResidentView.class);
        assertThat(shown()).isInstanceOf(ResidentSignInView.class);

        signIn(resident);
        jdbc.update(
                "delete from resident_session where record_id = ?",
                resident.record().getId());
        UI.getCurrent().navigate(ResidentView.class);
        assertThat(shown()).isInstanceOf(ResidentSignInView.class);
    }

    @Test
    void with_the_county_switch_off_both_routes_say_the_site_is_not_open() {
        settings.setEnabled(false);
        for (Class<? extends Component> route : List.of(ResidentSignInView.class, ResidentView.class)) {
            UI.getCurrent().navigate(route);
            assertThat(text("resident-closed")).contains("暂未开放");
            assertThat(_find(TextField.class)).isEmpty();
        }
    }
}
