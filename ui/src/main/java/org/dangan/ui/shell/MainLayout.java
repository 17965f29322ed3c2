package org.dangan.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.dangan.ui.assessment.IndicatorsView;
import org.dangan.ui.audit.AuditView;
import org.dangan.ui.backup.OperationsView;
import org.dangan.ui.custody.CustodyView;
import org.dangan.ui.document.DocumentsView;
import org.dangan.ui.handover.HandoversView;
import org.dangan.ui.i18n.DanganI18NProvider;
import org.dangan.ui.inbox.TasksChanged;
import org.dangan.ui.inbox.TasksView;
import org.dangan.ui.institution.InstitutionView;
import org.dangan.ui.lending.CheckoutsView;
import org.dangan.ui.registry.ImportView;
import org.dangan.ui.registry.RecordListView;
import org.dangan.ui.retention.DisposalsView;
import org.dangan.ui.search.SearchIndexView;
import org.dangan.ui.search.SearchView;
import org.dangan.ui.storage.LocationsView;
import org.dangan.ui.storage.StocktakeView;
import org.dangan.ui.support.Rows;
import org.dangan.ui.transfer.TransfersView;
import org.dangan.ui.verification.CampaignsView;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The shell: the menu, the user, the language switch and logout. The menu lists the views the
 * user may open, read from each view's own access annotation ({@code @RolesAllowed},
 * {@code @PermitAll}) as Vaadin's navigation reads it, so menu and access cannot disagree; 我的任务
 * carries the number of open tasks. Narrower than {@value #COMPACT_BELOW} px (a phone), the bar
 * keeps every control but shortens the texts.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final int COMPACT_BELOW = Rows.COMPACT_BELOW;

    /** One menu entry: the view, its label in the bundles, its icon. The order is the menu's. */
    public record Entry(Class<? extends Component> view, String labelKey, VaadinIcon icon) {}

    public static final List<Entry> MENU = List.of(
            new Entry(HomeView.class, "nav.home", VaadinIcon.HOME),
            new Entry(RecordListView.class, "nav.records", VaadinIcon.RECORDS),
            new Entry(TasksView.class, "nav.tasks", VaadinIcon.TASKS),
            new Entry(CampaignsView.class, "nav.campaigns", VaadinIcon.CLIPBOARD_CHECK),
            new Entry(IndicatorsView.class, "nav.indicators", VaadinIcon.CHART),
            new Entry(DocumentsView.class, "nav.documents", VaadinIcon.FILE_TEXT),
            new Entry(SearchView.class, "nav.search", VaadinIcon.SEARCH),
            new Entry(InstitutionView.class, "nav.institutions", VaadinIcon.SITEMAP),
            new Entry(ImportView.class, "nav.import", VaadinIcon.UPLOAD),
            new Entry(LocationsView.class, "nav.locations", VaadinIcon.STORAGE),
            new Entry(StocktakeView.class, "nav.stocktake", VaadinIcon.BARCODE),
            new Entry(CheckoutsView.class, "nav.checkouts", VaadinIcon.EXCHANGE),
            new Entry(DisposalsView.class, "nav.disposals", VaadinIcon.TRASH),
            new Entry(TransfersView.class, "nav.transfers", VaadinIcon.ARROWS_LONG_RIGHT),
            new Entry(HandoversView.class, "nav.handovers", VaadinIcon.TRUCK),
            new Entry(AuditView.class, "nav.audit", VaadinIcon.CLIPBOARD_TEXT),
            new Entry(CustodyView.class, "nav.custody", VaadinIcon.ARCHIVE),
            new Entry(SearchIndexView.class, "nav.searchIndex", VaadinIcon.DATABASE),
            new Entry(OperationsView.class, "nav.operations", VaadinIcon.SERVER));

    private final DanganUser user;
    private final AuthenticationContext authentication;
    private final Inbox inbox;
    private final H1 title = new H1();
    private final Span who = new Span();
    private final Button logout = new Button();
    private final Select<Locale> language = new Select<>();
    private final Span taskCount = new Span();
    private SideNavItem tasksItem;
    private Registration tasksChanged;
    private Registration resized;

    public MainLayout(AuthenticationContext authentication, Inbox inbox) {
        this.user = CurrentUser.require();
        this.authentication = authentication;
        this.inbox = inbox;
        setI18n(new AppLayoutI18n().setDrawer(getTranslation("nav.drawer")));
        addToNavbar(navbar());
        addToDrawer(menu());
        if (user.is(Role.ADMIN)) {
            addToDrawer(outside("nav-camunda", "/camunda/app/cockpit/", getTranslation("nav.camunda")));
            // for the county's IT staff and other systems' developers: the REST API's reference
            addToDrawer(outside("nav-api", "/swagger-ui.html", getTranslation("nav.api")));
        }
        compact(false);
    }

    /** A link out of the screens, into a page the server serves apart from them. */
    private static Anchor outside(String id, String href, String text) {
        Anchor link = new Anchor(href, text);
        link.setId(id);
        link.setRouterIgnore(true);
        link.getStyle().set("padding", "var(--lumo-space-m)");
        return link;
    }

    /**
     * The bar across the top: drawer toggle, title, then the user's controls. Other parts of the
     * shell (the notification bell) go in {@link #userControls}, before the user's name.
     */
    private HorizontalLayout navbar() {
        title.setId("app-title");
        title.getStyle()
                .set("font-size", "var(--lumo-font-size-l)")
                .set("margin", "0")
                .set("white-space", "nowrap")
                .set("overflow", "hidden")
                .set("text-overflow", "ellipsis")
                .set("min-width", "0");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("menu-toggle");
        toggle.setAriaLabel(getTranslation("nav.toggleMenu"));
        HorizontalLayout bar = new HorizontalLayout(toggle, title, userControls());
        bar.setId("navbar");
        bar.setWidthFull();
        bar.setSpacing(false);
        bar.getStyle()
                .set("gap", "var(--lumo-space-s)")
                .set("padding-right", "var(--lumo-space-s)")
                .set("min-width", "0")
                .set("box-sizing", "border-box");
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        return bar;
    }

    /** The user's own controls, each reachable at any width. */
    private HorizontalLayout userControls() {
        who.setId("current-user");
        who.setTitle(user.displayName() + " · "
                + getTranslation("role." + user.role().name()));
        who.getStyle()
                .set("white-space", "nowrap")
                .set("overflow", "hidden")
                .set("text-overflow", "ellipsis")
                .set("min-width", "0");

        language.setId("language");
        language.setItems(DanganI18NProvider.CHINESE, DanganI18NProvider.ENGLISH);
        language.setItemLabelGenerator(l -> l.getLanguage().equals("en") ? "English" : "中文");
        language.setValue(
                getLocale().getLanguage().equals("en") ? DanganI18NProvider.ENGLISH : DanganI18NProvider.CHINESE);
        language.getStyle().set("flex-shrink", "0");
        language.addValueChangeListener(e -> {
            VaadinSession.getCurrent().setLocale(e.getValue());
            UI.getCurrent().getPage().reload();
        });

        logout.setIcon(VaadinIcon.SIGN_OUT.create());
        logout.addClickListener(e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        logout.setAriaLabel(getTranslation("nav.logout"));
        logout.setTooltipText(getTranslation("nav.logout"));
        logout.getStyle().set("flex-shrink", "0");

        HorizontalLayout controls = new HorizontalLayout(NotificationBell.create(), who, language, logout);
        controls.setId("user-controls");
        controls.setSpacing(false);
        controls.getStyle()
                .set("gap", "var(--lumo-space-s)")
                .set("min-width", "0")
                .set("flex-shrink", "1");
        controls.setAlignItems(FlexComponent.Alignment.CENTER);
        return controls;
    }

    /** On a phone the title and the user shorten and logout shows its icon only; nothing is dropped. */
    void compact(boolean narrow) {
        title.setText(getTranslation(narrow ? "app.shortTitle" : "app.title"));
        // the short title is two characters: it keeps them, and the language choice gives up the room
        title.getStyle().set("min-width", narrow ? "2.4em" : "0").set("flex-shrink", narrow ? "0" : "1");
        language.setWidth(narrow ? "5.5em" : "7em");
        who.setText(
                narrow
                        ? user.displayName()
                        : user.displayName() + " · "
                                + getTranslation("role." + user.role().name()));
        who.getStyle().set("max-width", narrow ? "6em" : "20em");
        logout.setText(narrow ? null : getTranslation("nav.logout"));
    }

    /** The views the user may open, as Vaadin's access check decides for each view's annotations. */
    private SideNav menu() {
        SideNav nav = new SideNav();
        nav.setId("menu");
        AccessAnnotationChecker access = new AccessAnnotationChecker();
        var principal = SecurityContextHolder.getContext().getAuthentication();
        for (Entry entry : MENU) {
            if (access.hasAccess(
                    entry.view(),
                    principal,
                    role -> user.getAuthorities().stream()
                            .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)))) {
                SideNavItem item = new SideNavItem(
                        getTranslation(entry.labelKey()),
                        entry.view(),
                        entry.icon().create());
                if (entry.view() == TasksView.class) {
                    tasksItem = item;
                    taskCount.setId("task-count");
                    taskCount.getElement().getThemeList().add("badge pill small primary");
                    item.setSuffixComponent(taskCount);
                }
                nav.addItem(item);
            }
        }
        return nav;
    }

    /** Counts the user's open tasks into the badge beside 我的任务 (hidden at none). */
    void countTasks() {
        if (tasksItem == null) {
            return;
        }
        long open = inbox.count();
        taskCount.setText(Long.toString(open));
        taskCount.getElement().setAttribute("aria-label", getTranslation("nav.taskCount", open));
        taskCount.setVisible(open > 0);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        countTasks();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        tasksChanged = TasksChanged.listen(ui, this::countTasks);
        resized = ui.getPage().addBrowserWindowResizeListener(e -> compact(e.getWidth() < COMPACT_BELOW));
        ui.getPage().retrieveExtendedClientDetails(d -> compact(d.getWindowInnerWidth() < COMPACT_BELOW));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        tasksChanged.remove();
        resized.remove();
        super.onDetach(detach);
    }
}
