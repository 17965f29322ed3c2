package org.dangan.ui.home;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.dangan.ui.audit.AuditView;
import org.dangan.ui.backup.OperationsView;
import org.dangan.ui.custody.CustodyView;
import org.dangan.ui.search.SearchIndexView;

/**
 * For those whose work is watching rather than tasks (auditors, administrators): the screens they
 * use, each shown only when it lets the user in.
 */
public class LinksCard extends Card {

    public LinksCard(AccessAnnotationChecker access, boolean custody) {
        super("home-links");
        heading(getTranslation("home.links.title"));
        add(new Paragraph(getTranslation("home.links.intro")));
        link(access, "home-audit-link", getTranslation("home.links.audit"), AuditView.class);
        if (custody) {
            link(access, "home-custody-link", getTranslation("home.links.custody"), CustodyView.class);
        }
        link(access, "home-operations-link", getTranslation("home.links.operations"), OperationsView.class);
        link(access, "home-search-index-link", getTranslation("home.links.searchIndex"), SearchIndexView.class);
    }

    /** Whether any of the screens lets the user in: else the card would be empty. */
    public static boolean useful(AccessAnnotationChecker access) {
        return access.hasAccess(AuditView.class)
                || access.hasAccess(OperationsView.class)
                || access.hasAccess(SearchIndexView.class);
    }
}
