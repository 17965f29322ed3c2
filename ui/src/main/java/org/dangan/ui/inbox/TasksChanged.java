package org.dangan.ui.inbox;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Fired on the UI when the user's tasks may have changed (one was completed), so what counts
 * them (the menu's badge) counts again without knowing the inbox.
 */
public class TasksChanged extends ComponentEvent<UI> {

    public TasksChanged(UI ui) {
        super(ui, false);
    }

    public static void fire() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.fireEvent(ui, new TasksChanged(ui));
        }
    }

    public static Registration listen(UI ui, Runnable recount) {
        return ComponentUtil.addListener(ui, TasksChanged.class, e -> recount.run());
    }
}
