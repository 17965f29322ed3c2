package org.dangan.ui.inbox;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.platform.Refused;

/**
 * A task's work panel on a page of its own ({@code <route>/<task id>}), for a task opened from the
 * thing it is about (a scan in review, a record to close) rather than from the inbox. A task that
 * is gone or not the user's is said so in words.
 */
public abstract class TaskPage extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** The panel of the task; refuses a task the user may not work. */
    protected abstract Component panel(String taskId);

    @Override
    public void setParameter(BeforeEvent event, String taskId) {
        removeAll();
        try {
            add(panel(taskId));
        } catch (Refused e) {
            Paragraph missing = new Paragraph(Refusals.message(e));
            missing.setId("task-missing");
            add(missing);
        }
    }
}
