package org.dangan.ui.support;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/** Refreshes a screen every second while it is shown: for work that runs in the background (a rebuild, a backup). */
public final class Polling {

    private Polling() {}

    public static void refreshWhileAttached(Component view, Runnable refresh) {
        Registration[] poll = new Registration[1];
        view.addAttachListener(e -> {
            e.getUI().setPollInterval(1000);
            poll[0] = e.getUI().addPollListener(p -> refresh.run());
        });
        view.addDetachListener(e -> {
            e.getUI().setPollInterval(-1);
            if (poll[0] != null) {
                poll[0].remove();
            }
        });
    }
}
