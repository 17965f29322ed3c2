package org.dangan.ui.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import java.util.Objects;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Resident;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.CivilRegistration;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.Records;

/**
 * The follow-up of a civil-registration change ({@code DEATH_CONFIRMATION}, {@code MOVED_OUT_CLOSURE}):
 * the resident's record beside what the registration says, a note on how the archivist confirmed
 * it (death certificate seen, household moved), and the closing step, asked first.
 */
class FollowUpPanel extends VerticalLayout {

    FollowUpPanel(
            CivilRegistration.FollowUp followUp,
            TaskKind kind,
            CivilRegistration registration,
            Records records,
            Runnable completed) {
        setId("follow-up-panel");
        RecordDetail record = records.read(followUp.recordNumber());
        String resident = Resident.label(record.name(), record.recordNumber());
        H2 heading = new H2(getTranslation("TaskKind." + kind.name()) + " · " + resident);
        heading.setId("follow-up-heading");
        FormLayout form = new FormLayout();
        form.addFormItem(
                new RouterLink(resident, RecordDetailView.class, record.recordNumber()),
                getTranslation("resident.label"));
        form.addFormItem(
                new Span(getTranslation("civilEvent." + followUp.event().name())), getTranslation("followUp.event"));
        form.addFormItem(new Span(getTranslation("status." + record.status().name())), getTranslation("record.status"));
        form.addFormItem(new Span(Objects.toString(record.deceasedOn(), "")), getTranslation("record.deceasedOn"));
        form.addFormItem(new Span(String.valueOf(record.paperFiles().size())), getTranslation("record.paperFiles"));
        TextArea note = new TextArea(getTranslation("followUp.note"));
        note.setId("follow-up-panel-note");
        note.setWidthFull();
        note.setPlaceholder(
                getTranslation(kind == TaskKind.DEATH_CONFIRMATION ? "followUp.note.death" : "followUp.note.movedOut"));
        Button confirm = new Button(
                getTranslation("followUp.confirm"),
                e -> Confirm.ask(
                        "follow-up-confirm-dialog",
                        getTranslation("TaskKind." + kind.name()),
                        getTranslation(
                                "followUp.consequence",
                                resident,
                                record.paperFiles().size()),
                        getTranslation("followUp.confirm"),
                        () -> Attempt.run(() -> {
                            registration.confirm(followUp, note.getValue());
                            Refusals.done(getTranslation("followUp.done", resident));
                            completed.run();
                        })));
        confirm.setId("follow-up-panel-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(heading, new Paragraph(getTranslation("followUp.help")), form, note, confirm);
    }
}
