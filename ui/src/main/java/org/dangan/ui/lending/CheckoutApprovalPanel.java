package org.dangan.ui.lending;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;

/** A supervisor approves a check-out, or refuses it and says why. */
class CheckoutApprovalPanel extends CheckoutTaskPanel {

    CheckoutApprovalPanel(Context context) {
        super(context);
        Button approve = new Button(
                getTranslation("checkouts.approve"),
                e -> complete(Map.of("approved", true), getTranslation("checkoutTask.approved", number)));
        approve.setId("checkout-task-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button refuse = new Button(getTranslation("checkouts.refuse"), e -> askReason());
        refuse.setId("checkout-task-refuse");
        refuse.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new HorizontalLayout(approve, refuse));
    }

    /** A refusal names its reason: the requester reads it in the check-out list. */
    private void askReason() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("checkoutTask.refuseTitle", number));
        TextArea reason = new TextArea(getTranslation("checkouts.reason"));
        reason.setId("checkout-task-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        reason.setRequired(true);
        Button confirm = new Button(getTranslation("checkouts.refuse"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("checkoutTask.reasonNeeded"));
                return;
            }
            if (complete(
                    Map.of("approved", false, "reason", reason.getValue().strip()),
                    getTranslation("checkoutTask.refused", number))) {
                dialog.close();
            }
        });
        confirm.setId("checkout-task-refuse-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("checkoutTask.cancel"), e -> dialog.close());
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }
}
