package org.dangan.ui.shell;

import org.dangan.ui.audit.AuditView;
import org.dangan.ui.backup.OperationsView;
import org.dangan.ui.custody.CustodyView;
import org.dangan.ui.custody.LocationsView;
import org.dangan.ui.custody.StocktakeView;
import org.dangan.ui.document.DocumentsView;
import org.dangan.ui.handover.HandoversView;
import org.dangan.ui.inbox.TasksView;
import org.dangan.ui.institution.InstitutionView;
import org.dangan.ui.lending.CheckoutsView;
import org.dangan.ui.registry.ImportView;
import org.dangan.ui.registry.RecordListView;
import org.dangan.ui.retention.DisposalsView;
import org.dangan.ui.search.SearchIndexView;
import org.dangan.ui.search.SearchView;
import org.dangan.ui.transfer.TransfersView;
import org.dangan.ui.verification.CampaignsView;

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
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import org.dangan.ui.i18n.DanganI18NProvider;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;

/** The shell: navigation by role, the user, the language switch and logout. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        DanganUser user = CurrentUser.require();
        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Select<Locale> language = new Select<>();
        language.setId("language");
        language.setItems(DanganI18NProvider.CHINESE, DanganI18NProvider.ENGLISH);
        language.setItemLabelGenerator(l -> l.getLanguage().equals("en") ? "English" : "中文");
        language.setValue(getLocale().getLanguage().equals("en") ? DanganI18NProvider.ENGLISH : DanganI18NProvider.CHINESE);
        language.addValueChangeListener(e -> {
            VaadinSession.getCurrent().setLocale(e.getValue());
            UI.getCurrent().getPage().reload();
        });

        Span who = new Span(user.displayName() + " · " + getTranslation("role." + user.role().name()));
        who.setId("current-user");
        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menuToggle"));
        HorizontalLayout bar = new HorizontalLayout(toggle, title, who, language, logout);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.home"), HomeView.class, VaadinIcon.HOME.create()));
        if (user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR) || user.is(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.records"), RecordListView.class, VaadinIcon.RECORDS.create()));
        }
        if (user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR)) {
            nav.addItem(new SideNavItem(getTranslation("nav.tasks"), TasksView.class, VaadinIcon.TASKS.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.campaigns"), CampaignsView.class,
                    VaadinIcon.CLIPBOARD_CHECK.create()));
        }
        if (user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR) || user.is(Role.SEARCHER)) {
            nav.addItem(new SideNavItem(getTranslation("nav.documents"), DocumentsView.class, VaadinIcon.FILE_TEXT.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.search"), SearchView.class, VaadinIcon.SEARCH.create()));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.institutions"), InstitutionView.class,
                VaadinIcon.SITEMAP.create()));
        if (user.is(Role.ARCHIVIST)) {
            nav.addItem(new SideNavItem(getTranslation("nav.import"), ImportView.class, VaadinIcon.UPLOAD.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.locations"), LocationsView.class, VaadinIcon.STORAGE.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.stocktake"), StocktakeView.class, VaadinIcon.BARCODE.create()));
        }
        if (user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR)) {
            nav.addItem(new SideNavItem(getTranslation("nav.checkouts"), CheckoutsView.class, VaadinIcon.EXCHANGE.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.disposals"), DisposalsView.class, VaadinIcon.TRASH.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.transfers"), TransfersView.class, VaadinIcon.ARROWS_LONG_RIGHT.create()));
        }
        if (user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR) || user.is(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.handovers"), HandoversView.class, VaadinIcon.TRUCK.create()));
        }
        if (user.is(Role.AUDITOR)) {
            nav.addItem(new SideNavItem(getTranslation("nav.audit"), AuditView.class, VaadinIcon.CLIPBOARD_TEXT.create()));
        }
        if (user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR) || user.is(Role.AUDITOR) || user.is(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.custody"), CustodyView.class, VaadinIcon.ARCHIVE.create()));
        }
        if (user.is(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.searchIndex"), SearchIndexView.class, VaadinIcon.DATABASE.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.operations"), OperationsView.class, VaadinIcon.SERVER.create()));
        }
        addToDrawer(nav);
        if (user.is(Role.ADMIN)) {
            Anchor camunda = new Anchor("/camunda/app/cockpit/", getTranslation("nav.camunda"));
            camunda.setRouterIgnore(true);
            camunda.getStyle().set("padding", "var(--lumo-space-m)");
            addToDrawer(camunda);
        }
    }
}
