package org.dangan.ui.support;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * The connection indicator's own words ("Online", "Connection lost") in the user's language, on
 * every page, the login page included: Vaadin sets them in English in the browser.
 */
@Component
class ConnectionTexts implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            ui.getReconnectDialogConfiguration().setDialogText(ui.getTranslation("connection.reconnecting"));
            ui.getReconnectDialogConfiguration().setDialogTextGaveUp(ui.getTranslation("connection.offline"));
            ui.getPage()
                    .executeJs(
                            "const c = window.Vaadin && window.Vaadin.connectionIndicator;"
                                    + " if (c) { c.onlineText = $0; c.offlineText = $1; c.reconnectingText = $2; }",
                            ui.getTranslation("connection.online"),
                            ui.getTranslation("connection.offline"),
                            ui.getTranslation("connection.reconnecting"));
        });
    }
}
