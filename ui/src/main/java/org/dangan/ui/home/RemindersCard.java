package org.dangan.ui.home;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.resident.ServiceReminders;

/**
 * For supervisors of pilot institutions (issue 19): how many residents are due a follow-up this
 * month and not yet told, and the button that tells them by SMS now rather than on the 1st.
 */
public class RemindersCard extends Card {

    private final ServiceReminders reminders;
    private final FlexLayout figures = row();
    private Div due;

    public RemindersCard(ServiceReminders reminders) {
        super("home-reminders");
        this.reminders = reminders;
        heading(getTranslation("home.reminders.title"));
        add(new Paragraph(getTranslation("home.reminders.intro")));
        Button send = new Button(getTranslation("home.reminders.send"), e -> ask());
        send.setId("reminders-send");
        due = figure(
                "reminders-due", Integer.toString(reminders.dueNow()), getTranslation("home.reminders.due"), false);
        figures.add(due);
        add(figures, send);
    }

    private void ask() {
        int count = reminders.dueNow();
        if (count == 0) {
            Refusals.done(getTranslation("home.reminders.none"));
            return;
        }
        // a text message cannot be called back: say how many go out before they do
        Confirm.ask(
                "reminders-confirm",
                getTranslation("home.reminders.send"),
                getTranslation("home.reminders.consequence", count),
                getTranslation("home.reminders.send"),
                () -> Attempt.run(() -> {
                    ServiceReminders.Run run = reminders.remindNow();
                    Refusals.done(getTranslation("home.reminders.done", run.sent(), run.failed()));
                    Div fresh = figure(
                            "reminders-due",
                            Integer.toString(reminders.dueNow()),
                            getTranslation("home.reminders.due"),
                            false);
                    figures.replace(due, fresh);
                    due = fresh;
                }));
    }
}
