package org.dangan.ui.resident;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.Objects;
import org.dangan.ui.registry.RecordDetailView;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Resident;
import org.dangan.workflow.registry.PhoneNumber;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.resident.ResidentCorrection;
import org.dangan.workflow.resident.ResidentCorrections;

/**
 * A resident's correction request ({@code RESIDENT_CORRECTION_CHECK}): what they say is wrong and
 * the value they propose, beside the record by name and number; the archivist corrects it with the
 * right value or refuses with a reason the resident will read, each asked first.
 */
class ResidentCorrectionPanel extends VerticalLayout {

    ResidentCorrectionPanel(
            ResidentCorrections.Request request, ResidentCorrections corrections, Records records, Runnable completed) {
        setId("resident-correction-panel");
        RecordDetail record = records.read(request.recordNumber());
        String resident = Resident.label(record.name(), record.recordNumber());
        String field =
                getTranslation("ResidentCorrectionField." + request.field().name());
        H2 heading = new H2(getTranslation("residentCorrection.heading.of", request.id(), resident));
        heading.setId("resident-correction-heading");

        FormLayout form = new FormLayout();
        form.addFormItem(
                new RouterLink(resident, RecordDetailView.class, record.recordNumber()),
                getTranslation("resident.label"));
        Span fieldShown = new Span(field);
        fieldShown.setId("resident-correction-field");
        form.addFormItem(fieldShown, getTranslation("residentCorrection.field"));
        Span note = new Span(request.note());
        note.setId("resident-correction-note");
        form.addFormItem(note, getTranslation("residentCorrection.note"));
        // What the record says now, beside what the resident proposes, so the archivist compares
        // the two without opening the record.
        Span current = new Span(Objects.toString(current(request.field(), record), ""));
        current.setId("resident-correction-current");
        form.addFormItem(current, getTranslation("residentCorrection.current"));
        Span proposed = new Span(Objects.toString(request.proposedValue(), ""));
        proposed.setId("resident-correction-proposed");
        form.addFormItem(proposed, getTranslation("residentCorrection.proposed"));

        boolean other = request.field() == ResidentCorrection.Field.OTHER;
        TextField value =
                new TextField(getTranslation(other ? "residentCorrection.answer" : "residentCorrection.value"));
        value.setId("resident-correction-value");
        value.setWidthFull();
        value.setMaxLength(200);
        value.setValue(Objects.toString(request.proposedValue(), ""));
        String was = Objects.toString(current.getText(), "");
        Button correct =
                new Button(getTranslation(other ? "residentCorrection.reply" : "residentCorrection.correct"), e -> {
                    // checked before the question: a dialog for a step that will be refused wastes a click
                    if (value.getValue().isBlank()) {
                        value.setErrorMessage(getTranslation("residentCorrection.valueMissing"));
                        value.setInvalid(true);
                        return;
                    }
                    value.setInvalid(false);
                    String consequence = switch (request.field()) {
                        case PHONE ->
                            getTranslation(
                                    "residentCorrection.correct.phone", resident, PhoneNumber.mask(value.getValue()));
                        case OTHER -> getTranslation("residentCorrection.reply.consequence", resident);
                        default ->
                            getTranslation(
                                    "residentCorrection.correct.consequence", resident, field, was, value.getValue());
                    };
                    Confirm.ask(
                            "resident-correction-correct-dialog",
                            getTranslation(other ? "residentCorrection.reply" : "residentCorrection.correct"),
                            consequence,
                            getTranslation(other ? "residentCorrection.reply" : "residentCorrection.correct"),
                            () -> Attempt.run(() -> {
                                corrections.correct(request, value.getValue());
                                Refusals.done(
                                        request.field() == ResidentCorrection.Field.PHONE
                                                ? getTranslation(
                                                        "residentCorrection.codeSent",
                                                        request.id(),
                                                        PhoneNumber.mask(value.getValue()))
                                                : getTranslation("residentCorrection.corrected", request.id()));
                                completed.run();
                            }));
                });
        correct.setId("resident-correction-correct");
        correct.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        TextArea reason = new TextArea(getTranslation("residentCorrection.reason"));
        reason.setId("resident-correction-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        Button refuse = new Button(getTranslation("residentCorrection.refuse"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("residentCorrection.reasonMissing"));
                reason.setInvalid(true);
                return;
            }
            reason.setInvalid(false);
            Confirm.ask(
                    "resident-correction-refuse-dialog",
                    getTranslation("residentCorrection.refuse"),
                    getTranslation("residentCorrection.refuse.consequence", resident, field),
                    getTranslation("residentCorrection.refuse"),
                    () -> Attempt.run(() -> {
                        corrections.refuse(request, reason.getValue());
                        Refusals.done(getTranslation("residentCorrection.corrected", request.id()));
                        completed.run();
                    }));
        });
        refuse.setId("resident-correction-refuse");
        refuse.addThemeVariants(ButtonVariant.LUMO_ERROR);

        add(
                heading,
                new Paragraph(getTranslation("residentCorrection.help")),
                form,
                value,
                new HorizontalLayout(correct),
                reason,
                new HorizontalLayout(refuse));
    }

    private static String current(ResidentCorrection.Field field, RecordDetail record) {
        return switch (field) {
            case PHONE -> record.phone();
            case ADDRESS -> record.address();
            case NAME -> record.name();
            case OTHER -> null;
        };
    }
}
