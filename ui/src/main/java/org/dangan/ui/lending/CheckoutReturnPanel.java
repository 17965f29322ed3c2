package org.dangan.ui.lending;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangan.ui.support.ScanField;
import org.dangan.workflow.lending.Checkouts;

/**
 * An archivist takes the files back by scanning each label: the step is offered once every file
 * of the check-out is in hand, so none goes back to its box on paper only.
 */
class CheckoutReturnPanel extends CheckoutTaskPanel {

    private final Set<String> scanned = new LinkedHashSet<>();
    private final List<String> expected;
    final ScanField scan;
    private final Span progress = new Span();
    private final Button takeBack;

    CheckoutReturnPanel(Context context) {
        super(context);
        expected = checkout.files().stream().map(Checkouts.FileView::fileNumber).toList();
        scan = new ScanField("checkout-task-scan", getTranslation("checkoutTask.scan"), this::scanned);
        progress.setId("checkout-task-progress");
        takeBack = new Button(
                getTranslation("checkoutTask.takeBack"),
                e -> complete(Map.of(), getTranslation("checkoutTask.takenBack", number, expected.size())));
        takeBack.setId("checkout-task-take-back");
        takeBack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(scan, progress, takeBack);
        show();
        scan.focus();
    }

    void scanned(String file) {
        if (!expected.contains(file)) {
            progress.setText(getTranslation("checkoutTask.notThisCheckout", file, number));
            progress.getStyle().set("color", "var(--lumo-error-text-color)");
            return;
        }
        scanned.add(file);
        progress.getStyle().set("color", "var(--lumo-success-text-color)");
        show();
    }

    private void show() {
        progress.setText(getTranslation("checkoutTask.scanned", scanned.size(), expected.size()));
        takeBack.setEnabled(scanned.size() == expected.size());
    }
}
