package org.dangan.workflow.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the {@code assessmentMilestone} model asks of Java when the day has passed. */
@Component("milestoneProcess")
public class MilestoneProcess {

    private final Milestones milestones;

    MilestoneProcess(Milestones milestones) {
        this.milestones = milestones;
    }

    public void checkReached(DelegateExecution execution) {
        execution.setVariable("reached", milestones.isReached(Long.parseLong(execution.getProcessBusinessKey())));
    }
}
