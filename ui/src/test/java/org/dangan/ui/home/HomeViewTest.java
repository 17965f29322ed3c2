package org.dangan.ui.home;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dangan.ui.shell.HomeView;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.support.Dashboards;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 16, item 7: each role's home page holds its own parts, with the figures of its institutions. */
class HomeViewTest extends KaribuTest {

    @Autowired
    Dashboards dashboards;

    Fixtures.County county;
    long campaign;

    @BeforeEach
    void world() {
        county = fixtures.county();
        campaign = dashboards.campaign(county);
        HealthRecord scanned = fixtures.record(county.a(), 1);
        dashboards.scans(scanned, new int[] {5, 0}, new int[] {7, 1});
        dashboards.overdueCheckout(county.a(), county.user("archivist-a"), scanned, 4);
        dashboards.dueForDisposal(county.a(), 2, 3);
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "系统管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());
    }

    private void home(String user) {
        newSession();
        login(county.user(user));
        UI.getCurrent().navigate(HomeView.class);
    }

    private List<String> parts() {
        return _get(HomeView.class)
                .getChildren()
                .map(Component::getId)
                .flatMap(Optional::stream)
                .toList();
    }

    private static String svg(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getProperty("innerHTML");
    }

    private static String text(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void the_county_supervisor_follows_the_campaign_by_charts_of_each_township() throws Exception {
        home("county-supervisor");
        assertThat(parts()).containsExactly("home-tasks", "home-campaigns", "home-custody");
        String findings = svg("home-campaign-" + campaign + "-findings");
        assertThat(SvgChartsTest.texts(findings)).contains("甲镇卫生院", "乙镇卫生院", "已纠正", "已豁免", "未处理");
        assertThat(findings).contains("甲镇卫生院：已纠正 3 项，已豁免 1 项，未处理 2 项").contains("乙镇卫生院：已纠正 1 项，已豁免 0 项，未处理 4 项");
        assertThat(SvgChartsTest.texts(svg("home-campaign-" + campaign + "-rates")))
                .contains("10.0%", "3.3%", "允许上限 5.0%");
        assertThat(text("home-campaigns")).contains("还有 30 天");
    }

    @Test
    void the_township_archivist_sees_the_self_check_task_by_its_deadline_scanning_and_the_paper_to_follow()
            throws Exception {
        home("archivist-a");
        assertThat(parts()).containsExactly("home-tasks", "home-scanning", "home-custody");
        assertThat(text("home-tasks"))
                .contains("机构自查")
                .contains("核查活动 #" + campaign)
                .contains("甲镇卫生院")
                .contains("还有 30 天");
        assertThat(_find(RouterLink.class, spec -> spec.withId("home-tasks-link")))
                .hasSize(1);
        assertThat(SvgChartsTest.texts(svg("home-pages-per-day"))).contains("5", "7");
        assertThat(text("home-backlog-queued")).contains("2 份").contains("等待识别");
        assertThat(text("home-backlog-review")).contains("3 份");
        assertThat(text("home-overdue")).contains("甲档案员").contains("已逾期 4 天");
        assertThat(text("home-disposal")).contains("甲镇卫生院：1 份");
    }

    @Test
    void searchers_auditors_and_administrators_get_their_own_parts_and_no_link_they_could_not_open() {
        home("searcher-a");
        assertThat(parts()).containsExactly("home-tasks", "home-scanning");
        assertThat(_find(RouterLink.class, spec -> spec.withId("home-tasks-link")))
                .isEmpty();

        home("auditor");
        assertThat(parts()).containsExactly("home-tasks", "home-links");
        assertThat(_find(RouterLink.class, spec -> spec.withId("home-audit-link")))
                .hasSize(1);
        assertThat(_find(RouterLink.class, spec -> spec.withId("home-operations-link")))
                .isEmpty();

        home("admin");
        assertThat(parts()).containsExactly("home-tasks", "home-links");
        assertThat(_find(RouterLink.class, spec -> spec.withId("home-operations-link")))
                .hasSize(1);
        assertThat(_find(RouterLink.class, spec -> spec.withId("home-audit-link")))
                .isEmpty();
    }
}
