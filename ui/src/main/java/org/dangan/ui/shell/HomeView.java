package org.dangan.ui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.annotation.security.PermitAll;
import org.dangan.ui.home.CampaignsCard;
import org.dangan.ui.home.CustodyCard;
import org.dangan.ui.home.LinksCard;
import org.dangan.ui.home.MyTasks;
import org.dangan.ui.home.RemindersCard;
import org.dangan.ui.home.ScanningCard;
import org.dangan.ui.home.SvgCharts;
import org.dangan.ui.home.TasksCard;
import org.dangan.workflow.document.ScanningFigures;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.lending.OverdueCheckouts;
import org.dangan.workflow.resident.ServiceReminders;
import org.dangan.workflow.retention.Retention;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.verification.CampaignFigures;

/**
 * The home page: the user's open tasks and deadlines first, then what the user's work is measured
 * by. Which parts a user gets, the modules say ({@code followedBy}); the figures come scoped to the
 * user's institutions from the modules' queries; this view only lays them out.
 */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(
            Institutions institutions,
            MyTasks tasks,
            CampaignFigures campaigns,
            ScanningFigures scanning,
            OverdueCheckouts checkouts,
            Retention retention,
            ServiceReminders reminders,
            SvgCharts charts,
            AccessAnnotationChecker access) {
        DanganUser user = CurrentUser.require();
        setId("home");
        setMaxWidth("1200px");
        getStyle().set("box-sizing", "border-box").set("min-width", "0");
        H2 greeting = new H2(getTranslation("home.welcome", user.displayName()));
        greeting.getStyle().set("margin", "0");
        Paragraph where = new Paragraph(getTranslation(
                "home.where",
                institutions.currentScope().root().getName(),
                getTranslation("role." + user.role().name())));
        where.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
        add(greeting, where, new TasksCard(tasks.open(), access));
        if (campaigns.followedBy(user)) {
            add(new CampaignsCard(campaigns.open(), charts, access));
        }
        if (scanning.followedBy(user)) {
            add(new ScanningCard(scanning.pagesPerDay(14), scanning.backlog(), charts, access));
        }
        boolean keeper = checkouts.followedBy(user) && retention.followedBy(user);
        if (keeper) {
            add(new CustodyCard(checkouts.list(), retention.dueForDisposal(), access));
        }
        if (reminders.followedBy(user)) {
            add(new RemindersCard(reminders));
        }
        if (LinksCard.useful(access)) {
            add(new LinksCard(access, !keeper));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
