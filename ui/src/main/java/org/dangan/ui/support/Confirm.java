package org.dangan.ui.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks before a step that cannot be undone, saying what will happen in numbers ("将停用 3 份纸质
 * 档案"). The step runs only on the confirm button; cancel leaves everything as it was.
 */
public final class Confirm {

    private Confirm() {}

    /** @param id the dialog's id, for tests and for the browser walks */
    public static ConfirmDialog ask(String id, String header, String consequence, String confirmLabel, Runnable step) {
        UI ui = UI.getCurrent();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setText(consequence);
        dialog.setCancelable(true);
        dialog.setCancelText(ui.getTranslation("confirm.cancel"));
        dialog.setConfirmText(confirmLabel);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> step.run());
        dialog.open();
        return dialog;
    }
}
