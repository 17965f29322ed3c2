package org.dangan.ui.transfer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Supplier;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.transfer.RecordTransfers;

/**
 * The receiving side's decision on a transfer-in, as the list and the inbox's task panel both offer
 * it: take the record in, or refuse it with a reason; says what was done.
 */
class TransferDecision extends FlexLayout {

    final TextField refusal = new TextField();
    final Button accept = new Button();
    final Button refuse = new Button();

    /**
     * @param current the transfer decided on (null: none picked yet, which is said)
     * @param decided after a decision, so that the caller refreshes or closes the task
     */
    TransferDecision(RecordTransfers transfers, Supplier<RecordTransfers.TransferView> current, Runnable decided) {
        refusal.setId("transfer-refusal");
        refusal.setLabel(getTranslation("transfers.refusal"));
        accept.setText(getTranslation("transfers.accept"));
        accept.setId("transfer-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(e -> decide(transfers, current.get(), true, decided));
        refuse.setText(getTranslation("transfers.refuse"));
        refuse.setId("transfer-refuse");
        refuse.addClickListener(e -> decide(transfers, current.get(), false, decided));
        add(refusal, accept, refuse);
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-m)");
    }

    private void decide(RecordTransfers transfers, RecordTransfers.TransferView t, boolean accepted, Runnable decided) {
        if (t == null) {
            Notification.show(getTranslation("transfers.pick"));
            return;
        }
        if (Attempt.run(() -> transfers.decide(t.id(), accepted, accepted ? null : refusal.getValue()))
                .isEmpty()) {
            Refusals.done(getTranslation(
                    accepted ? "transfers.acceptedDone" : "transfers.refusedDone", t.id(), t.recordNumber()));
            refusal.clear();
            decided.run();
        }
    }
}
