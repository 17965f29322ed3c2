package org.dangan.ui.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.util.List;
import org.dangan.ui.lending.CheckoutsView;
import org.dangan.ui.retention.DisposalsView;
import org.dangan.workflow.lending.OverdueCheckouts.Overdue;
import org.dangan.workflow.retention.Retention.DueForDisposal;

/** For those who keep the paper: check-outs past their day, and files whose retention has run out. */
public class CustodyCard extends Card {

    static final int SHOWN = 5;

    public CustodyCard(List<Overdue> overdue, List<DueForDisposal> due, AccessAnnotationChecker access) {
        super("home-custody");
        heading(getTranslation("home.custody.title"));
        long dueFiles = due.stream().mapToLong(DueForDisposal::files).sum();
        add(row(
                Card.figure(
                        "home-overdue-count",
                        getTranslation("home.custody.count", overdue.size()),
                        getTranslation("home.custody.overdue"),
                        !overdue.isEmpty()),
                Card.figure(
                        "home-disposal-count",
                        getTranslation("home.custody.files", dueFiles),
                        getTranslation("home.custody.disposal"),
                        false)));

        Div late = new Div(new H4(getTranslation("home.custody.overdue")));
        late.setId("home-overdue");
        if (overdue.isEmpty()) {
            late.add(new Paragraph(getTranslation("home.custody.overdue.none")));
        }
        overdue.stream()
                .limit(SHOWN)
                .forEach(o -> late.add(new Paragraph(getTranslation(
                        "home.custody.overdue.item",
                        Long.toString(o.id()),
                        o.institution(),
                        o.borrower(),
                        o.files(),
                        o.dueOn().toString(),
                        o.daysOverdue()))));
        if (overdue.size() > SHOWN) {
            late.add(new Paragraph(getTranslation("home.custody.more", overdue.size() - SHOWN)));
        }
        Div disposal = new Div(new H4(getTranslation("home.custody.disposal")));
        disposal.setId("home-disposal");
        if (due.isEmpty()) {
            disposal.add(new Paragraph(getTranslation("home.custody.disposal.none")));
        }
        due.forEach(d ->
                disposal.add(new Paragraph(getTranslation("home.custody.disposal.item", d.institution(), d.files()))));
        for (Div part : List.of(late, disposal)) {
            part.getStyle().set("flex", "1 1 320px").set("min-width", "0");
            part.getChildren().forEach(c -> c.getElement().getStyle().set("margin", "var(--lumo-space-xs) 0"));
        }
        add(row(late, disposal));
        link(access, "home-checkouts-link", getTranslation("home.custody.checkouts.link"), CheckoutsView.class);
        link(access, "home-disposals-link", getTranslation("home.custody.disposals.link"), DisposalsView.class);
    }
}
