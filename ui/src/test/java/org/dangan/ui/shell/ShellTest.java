package org.dangan.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dangan.ui.institution.InstitutionView;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellTest extends KaribuTest {

    Fixtures.County county;

    @BeforeEach
    void world() {
        county = fixtures.county();
    }

    private List<String> navigation() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void an_anonymous_visitor_lands_on_the_login_view() {
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(LoginView.class)).hasSize(1);
    }

    @Test
    void a_signed_in_user_sent_to_the_login_view_lands_on_the_home_view() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(LoginView.class);
        assertThat(_find(LoginView.class)).isEmpty();
        assertThat(_find(HomeView.class)).hasSize(1);

        // someone else's failed sign-in on the same browser is shown as failed, not as the desk
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(_find(HomeView.class)).isEmpty();
        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    @Test
    void navigation_follows_the_role() {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(HomeView.class);
        assertThat(navigation())
                .containsExactly(
                        "首页", "健康档案", "我的任务", "核查活动", "扫描件", "检索", "机构", "导入", "库位", "盘点", "调阅", "鉴定销毁", "转入转出", "档案移交",
                        "保管");

        newSession();
        login(county.user("auditor"));
        UI.getCurrent().navigate(HomeView.class);
        assertThat(navigation()).containsExactly("首页", "机构", "审计日志", "保管");

        newSession();
        login(county.user("searcher-a"));
        UI.getCurrent().navigate(HomeView.class);
        assertThat(navigation()).containsExactly("首页", "扫描件", "检索", "机构");
    }

    /** The routes a role may open, as Vaadin's navigation decides: those the user lands on when going there. */
    private Set<String> routesOpenTo(String user) {
        newSession();
        login(user);
        Set<String> open = new TreeSet<>();
        for (var route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            Class<? extends Component> target = route.getNavigationTarget();
            if (route.getTemplate().contains(":") || target == LoginView.class) {
                continue;
            }
            UI.getCurrent().navigate(route.getTemplate());
            var shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
            if (!shown.isEmpty() && shown.get(0).getClass() == target) {
                open.add(route.getTemplate());
            }
        }
        return open;
    }

    private Set<String> menuPaths() {
        return _find(SideNavItem.class).stream()
                .map(SideNavItem::getPath)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void for_each_role_the_menu_lists_exactly_the_routes_the_role_may_open() {
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());
        for (String user : List.of("archivist-a", "head-a", "searcher-a", "auditor", "admin")) {
            Set<String> open = routesOpenTo(county.user(user));
            UI.getCurrent().navigate(HomeView.class);
            assertThat(menuPaths()).as(user).isEqualTo(open);
        }
        // the inbox is for those the processes offer tasks to
        assertThat(routesOpenTo(county.user("head-a"))).contains("tasks");
        assertThat(routesOpenTo(county.user("archivist-a"))).contains("tasks");
        assertThat(routesOpenTo(county.user("searcher-a"))).doesNotContain("tasks");
        assertThat(routesOpenTo(county.user("auditor"))).doesNotContain("tasks");
    }

    @Test
    void the_shell_speaks_english_when_the_session_does() {
        VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(HomeView.class);
        assertThat(navigation())
                .containsExactly(
                        "Home",
                        "Health records",
                        "My tasks",
                        "Verification campaigns",
                        "Scans",
                        "Search",
                        "Institutions",
                        "Import",
                        "Locations",
                        "Stocktake",
                        "Check-outs",
                        "Disposal",
                        "Transfers",
                        "Handovers",
                        "Custody");
        assertThat(_get(Span.class, spec -> spec.withId("current-user")).getText())
                .endsWith("Archivist");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_institution_tree_starts_at_the_users_institution() {
        login(county.user("county-supervisor"));
        UI.getCurrent().navigate(InstitutionView.class);
        TreeGrid<Institution> tree = _get(TreeGrid.class, spec -> spec.withId("institution-tree"));
        List<Institution> roots = tree.getTreeData() == null
                ? List.of()
                : tree.getDataProvider()
                        .fetch(new HierarchicalQuery<>(null, null))
                        .toList();
        assertThat(roots)
                .extracting(Institution::getCode)
                .containsExactly(county.county().getCode());
    }
}
