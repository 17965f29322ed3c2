package org.dangan.ui.assessment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.dangan.ui.inbox.TaskPanels;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.assessment.Milestones;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.TaskKind;

/** The county supervisor's panel for an overdue milestone: which, since when, and what was done about it. */
@org.springframework.stereotype.Component
class MilestoneTaskPanels implements TaskPanels {

    private final Milestones milestones;

    MilestoneTaskPanels(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public Set<TaskKind> kinds() {
        return EnumSet.of(TaskKind.MILESTONE_OVERDUE);
    }

    @Override
    public Component open(String taskId, TaskKind kind, Runnable completed) {
        Milestones.View m = milestones.ofTask(taskId);
        VerticalLayout panel = new VerticalLayout();
        panel.setId("milestone-panel");
        panel.setPadding(false);
        String what = panel.getTranslation("MilestoneKind." + m.kind().name());
        panel.add(new H2(panel.getTranslation("milestones.overdue.heading", m.institutionName(), what)));
        panel.add(new Paragraph(panel.getTranslation("milestones.overdue.help", ChinaTime.day(m.dueOn()))));
        RouterLink figures = new RouterLink(panel.getTranslation("milestones.overdue.figures"), IndicatorsView.class);
        figures.setQueryParameters(QueryParameters.simple(Map.of("institution", m.institutionCode())));
        panel.add(figures);
        TextArea note = new TextArea(panel.getTranslation("milestones.note"));
        note.setId("milestone-note");
        note.setWidthFull();
        note.setMaxLength(500);
        Button done = new Button(panel.getTranslation("milestones.overdue.done"), e -> {
            if (note.getValue().isBlank()) {
                note.setErrorMessage(panel.getTranslation("milestones.overdue.noteMissing"));
                note.setInvalid(true);
                return;
            }
            Attempt.run(() -> {
                milestones.handle(taskId, note.getValue());
                Refusals.done(panel.getTranslation("milestones.overdue.handled", m.institutionName(), what));
                completed.run();
            });
        });
        done.setId("milestone-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        panel.add(note, done);
        return panel;
    }
}
