package org.dangan.ui.lending;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Map;

/** A supervisor follows up an overdue check-out (calls the requester) and says so. */
class CheckoutFollowUpPanel extends CheckoutTaskPanel {

    CheckoutFollowUpPanel(Context context) {
        super(context);
        add(new Paragraph(getTranslation("checkoutTask.followUpExplained", context.requester())));
        Button done = new Button(
                getTranslation("checkoutTask.followedUp"),
                e -> complete(Map.of(), getTranslation("checkoutTask.followedUpDone", number)));
        done.setId("checkout-task-follow-up");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(done);
    }
}
