package org.dangan.ui.inbox;

import com.vaadin.flow.component.Component;
import java.util.Set;
import org.dangan.workflow.platform.TaskKind;

/**
 * The work panels of one module's tasks, as the inbox opens them: a Spring bean per module that
 * builds a fresh panel for a task of one of its kinds. The panel loads what it shows by the
 * task's id through the module's services (which check the user may), so nothing the inbox holds
 * decides what a panel shows.
 */
public interface TaskPanels {

    Set<TaskKind> kinds();

    /**
     * @param completed to call once the task is done (or handed back), so the inbox refreshes
     */
    Component open(String taskId, TaskKind kind, Runnable completed);
}
