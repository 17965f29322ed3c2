package org.dangan.ui.resident;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.resident.ResidentCorrection;
import org.dangan.workflow.resident.ResidentCorrections;
import org.dangan.workflow.resident.ResidentPrincipal;
import org.dangan.workflow.resident.ResidentRecordService;
import org.dangan.workflow.resident.ResidentSignIn;

/**
 * The resident's own page: their record as the service gives it (ID number and phone masked), the
 * paper file's custody in plain words, their reports, who read their record, and their correction
 * requests. Every call runs as the resident of this session, resolved again on each navigation.
 */
@Route(value = "resident/me", layout = ResidentLayout.class, autoLayout = false)
@AnonymousAllowed
public class ResidentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ResidentSite site;
    private final ResidentRecordService records;
    private final ResidentCorrections corrections;
    private final ResidentSignIn signIn;
    private final VerticalLayout requests = new VerticalLayout();
    private ResidentPrincipal resident;

    public ResidentView(
            ResidentSite site, ResidentRecordService records, ResidentCorrections corrections, ResidentSignIn signIn) {
        this.site = site;
        this.records = records;
        this.corrections = corrections;
        this.signIn = signIn;
        setId("resident-me");
        setPadding(false);
        requests.setId("resident-requests");
        requests.setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (site.turnsAway(event, this)) {
            return;
        }
        Optional<ResidentPrincipal> now = site.resident();
        if (now.isEmpty()) {
            event.forwardTo(ResidentSignInView.class);
            return;
        }
        resident = now.get();
        ResidentRecordService.Me me = ResidentSite.as(resident, records::me);
        List<ResidentRecordService.Document> documents = ResidentSite.as(resident, records::documents);
        List<ResidentRecordService.Read> reads = ResidentSite.as(resident, records::access);

        Button signOut = new Button(getTranslation("residentSite.signOut"), e -> signOut());
        signOut.setId("resident-sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_LARGE);
        H1 heading = new H1(getTranslation("residentSite.me.heading", me.name()));
        heading.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
        add(heading, signOut);
        add(basics(me), services(me), custody(me), reports(documents), access(reads), correctionForm(), requests);
        showRequests();
    }

    private Component basics(ResidentRecordService.Me me) {
        Div basics = section("resident-basics", "residentSite.basics");
        basics.add(
                line("residentSite.name", me.name()),
                line("residentSite.gender", me.gender()),
                line("residentSite.birthDate", me.birthDate() == null ? null : ChinaTime.day(me.birthDate())),
                line("residentSite.idNumber", me.idNumber()),
                line("residentSite.phone", me.phone()),
                line("residentSite.address", me.address()),
                line("residentSite.institution", me.institution()),
                line("residentSite.recordNumber", me.recordNumber()));
        return basics;
    }

    private Component services(ResidentRecordService.Me me) {
        Div services = section("resident-services", "residentSite.services");
        if (me.services().isEmpty()) {
            // one sentence for everyone without a service shown here, so it tells no one's diagnosis
            services.add(new Paragraph(getTranslation("residentSite.services.none")));
        }
        for (ResidentRecordService.Service s : me.services()) {
            services.add(labelled(
                    s.name(),
                    s.lastServiceDate() == null
                            ? getTranslation("residentSite.services.noDate")
                            : getTranslation("residentSite.services.last", ChinaTime.day(s.lastServiceDate()))));
        }
        return services;
    }

    private Component custody(ResidentRecordService.Me me) {
        Div custody = section("resident-custody", "residentSite.custody");
        if (me.paperFiles().isEmpty()) {
            custody.add(new Paragraph(getTranslation("residentSite.custody.none")));
        }
        me.paperFiles().forEach(text -> custody.add(new Paragraph(text)));
        Paragraph inPerson = new Paragraph(me.note());
        inPerson.setId("resident-in-person");
        custody.add(inPerson);
        return custody;
    }

    private Component reports(List<ResidentRecordService.Document> documents) {
        Div reports = section("resident-reports", "residentSite.reports");
        if (documents.isEmpty()) {
            reports.add(new Paragraph(getTranslation("residentSite.reports.none")));
        }
        String token = site.token();
        for (ResidentRecordService.Document d : documents) {
            Div item = new Div();
            item.setId("resident-report-" + d.id());
            item.add(new Paragraph(
                    getTranslation("residentSite.report", d.type(), ChinaTime.day(d.scannedOn()), d.pages())));
            Anchor view = new Anchor(pdf(token, d.id(), "inline"), getTranslation("residentSite.report.view"));
            view.setId("resident-report-view-" + d.id());
            view.setTarget(AnchorTarget.BLANK);
            Anchor download =
                    new Anchor(pdf(token, d.id(), "attachment"), getTranslation("residentSite.report.download"));
            download.setId("resident-report-download-" + d.id());
            download.getElement().setAttribute("download", true);
            download.getStyle().set("margin-left", "var(--lumo-space-l)");
            tappable(view);
            tappable(download);
            item.add(view, download);
            reports.add(item);
        }
        return reports;
    }

    /**
     * The PDF of one report; the stream is asked for on a later request, so the session is resolved
     * again there and the call runs as its resident. An ended session or another's id gets nothing.
     */
    private StreamResource pdf(String token, long documentId, String disposition) {
        String name = "report-" + documentId + ".pdf";
        StreamResource resource = new StreamResource(name, () -> opened(token, documentId));
        resource.setContentType("application/pdf");
        resource.setHeader("Content-Disposition", disposition + "; filename=\"" + name + "\"");
        return resource;
    }

    InputStream opened(String token, long documentId) {
        Optional<ResidentPrincipal> now = site.resident(token);
        if (now.isEmpty()) {
            return InputStream.nullInputStream();
        }
        try {
            return ResidentSite.as(now.get(), () -> records.pdf(documentId));
        } catch (Refused e) {
            return InputStream.nullInputStream();
        }
    }

    private Component access(List<ResidentRecordService.Read> reads) {
        Div access = section("resident-access", "residentSite.access");
        access.add(new Paragraph(getTranslation("residentSite.access.help")));
        if (reads.isEmpty()) {
            access.add(new Paragraph(getTranslation("residentSite.access.none")));
        }
        if (reads.size() >= ResidentRecordService.MAX_READS) {
            access.add(new Paragraph(getTranslation("residentSite.access.newest", ResidentRecordService.MAX_READS)));
        }
        for (ResidentRecordService.Read r : reads) {
            Paragraph row = new Paragraph(getTranslation(
                    "residentSite.access.row",
                    ChinaTime.minute(r.at()),
                    Objects.requireNonNullElse(r.institution(), getTranslation("residentSite.unknown")),
                    Objects.requireNonNullElse(r.role(), getTranslation("residentSite.unknown"))
                            + (r.name() == null ? "" : " " + r.name())));
            row.addClassName("resident-access-row");
            row.getStyle().set("word-break", "keep-all");
            access.add(row);
        }
        return access;
    }

    private Component correctionForm() {
        Div form = section("resident-correction-form", "residentSite.correction");
        form.add(new Paragraph(getTranslation("residentSite.correction.help")));
        Select<ResidentCorrection.Field> field = new Select<>();
        field.setId("resident-request-field");
        field.setLabel(getTranslation("residentSite.correction.field"));
        field.setItems(ResidentCorrection.Field.values());
        field.setItemLabelGenerator(f -> getTranslation("ResidentCorrectionField." + f.name()));
        field.setWidthFull();
        TextArea note = new TextArea(getTranslation("residentSite.correction.note"));
        note.setId("resident-request-note");
        note.setMaxLength(500);
        note.setWidthFull();
        TextField value = new TextField(getTranslation("residentSite.correction.value"));
        value.setId("resident-request-value");
        value.setMaxLength(200);
        value.setWidthFull();
        field.addValueChangeListener(e -> {
            boolean phone = e.getValue() == ResidentCorrection.Field.PHONE;
            value.setLabel(
                    getTranslation(phone ? "residentSite.correction.newPhone" : "residentSite.correction.value"));
            value.setRequiredIndicatorVisible(phone);
        });
        Button submit = new Button(
                getTranslation("residentSite.correction.submit"),
                e -> Attempt.run(() -> {
                    ResidentCorrections.View filed = ResidentSite.as(
                            current(), () -> corrections.submit(field.getValue(), note.getValue(), value.getValue()));
                    Refusals.done(getTranslation("residentSite.correction.filed", filed.id()));
                    field.clear();
                    note.clear();
                    value.clear();
                    showRequests();
                }));
        submit.setId("resident-request-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ResidentSignInView.large(submit);
        form.add(field, note, value, submit);
        return form;
    }

    private void showRequests() {
        requests.removeAll();
        List<ResidentCorrections.View> mine = ResidentSite.as(current(), corrections::mine);
        H2 heading = new H2(getTranslation("residentSite.requests"));
        heading.getStyle().set("font-size", "var(--lumo-font-size-xl)");
        requests.add(heading);
        if (mine.isEmpty()) {
            requests.add(new Paragraph(getTranslation("residentSite.requests.none")));
        }
        for (ResidentCorrections.View r : mine) {
            Div item = new Div();
            item.setId("resident-request-" + r.id());
            item.setWidthFull();
            item.getStyle()
                    .set("border-top", "1px solid var(--lumo-contrast-20pct)")
                    .set("padding-top", "var(--lumo-space-s)");
            item.add(
                    line(
                            "residentSite.requests.what",
                            getTranslation(
                                    "residentSite.requests.item",
                                    getTranslation("ResidentCorrectionField."
                                            + r.field().name()),
                                    ChinaTime.minute(r.submittedAt()),
                                    r.id())),
                    line("residentSite.requests.note", r.note()),
                    line("residentSite.requests.proposed", r.proposedValue()),
                    line(
                            "residentSite.requests.state",
                            getTranslation(
                                    "ResidentCorrectionState." + r.state().name())),
                    line("residentSite.requests.corrected", r.correctedValue()),
                    line("residentSite.requests.answer", r.answer()));
            if (r.state() == ResidentCorrection.State.AWAITING_CONFIRMATION) {
                item.add(confirmation(r.id()));
            }
            requests.add(item);
        }
    }

    /** The code sent to the new number, which stores it. */
    private Component confirmation(long id) {
        TextField code = new TextField(getTranslation("residentSite.requests.code"));
        code.setId("resident-request-code-" + id);
        code.setMaxLength(6);
        code.setWidthFull();
        Button confirm = new Button(
                getTranslation("residentSite.requests.confirm"),
                e -> Attempt.run(() -> {
                    if (!ResidentSite.as(current(), () -> corrections.confirmPhone(id, code.getValue()))) {
                        throw Refused.invalid("residentCorrection.codeWrong");
                    }
                    Refusals.done(getTranslation("residentSite.requests.confirmed", id));
                    // the new number shows in the basic information too
                    getUI().ifPresent(ui -> ui.getPage().reload());
                }));
        confirm.setId("resident-request-confirm-" + id);
        ResidentSignInView.large(confirm);
        Button resend = new Button(
                getTranslation("residentSite.requests.resend"),
                e -> Attempt.run(() -> {
                    ResidentSite.run(current(), () -> corrections.resendPhoneCode(id));
                    Refusals.done(getTranslation("residentSite.requests.resent"));
                }));
        resend.setId("resident-request-resend-" + id);
        ResidentSignInView.large(resend);
        resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new Div(code, confirm, resend);
    }

    /**
     * The resident of this session now, asked again at every step: a page left open after signing
     * out (in another tab), after the session expired or after the record left the pilot does
     * nothing more and goes back to the sign-in.
     */
    private ResidentPrincipal current() {
        Optional<ResidentPrincipal> now = site.resident();
        if (now.isEmpty()) {
            getUI().ifPresent(ui -> ui.navigate(ResidentSignInView.class));
            throw Refused.unauthorized("resident.signIn.required");
        }
        resident = now.get();
        return resident;
    }

    /** A link a finger can hit: 48 pixels high, as phone guidelines ask. */
    private static void tappable(Anchor link) {
        link.getStyle()
                .set("display", "inline-flex")
                .set("align-items", "center")
                .set("min-height", "48px")
                .set("min-width", "64px")
                .set("font-size", "var(--lumo-font-size-l)");
    }

    private void signOut() {
        String token = site.token();
        ResidentSite.run(resident, () -> signIn.signOut(token));
        site.forget();
        getUI().ifPresent(ui -> ui.navigate(ResidentSignInView.class));
    }

    private Div section(String id, String headingKey) {
        Div section = new Div();
        section.setId(id);
        section.setWidthFull();
        H2 heading = new H2(getTranslation(headingKey));
        heading.getStyle().set("font-size", "var(--lumo-font-size-xl)");
        section.add(heading);
        return section;
    }

    /** A label over its value; nothing for a value the record does not have. */
    private Component line(String labelKey, String value) {
        return labelled(getTranslation(labelKey), value);
    }

    private static Component labelled(String labelText, String value) {
        Div line = new Div();
        if (value == null || value.isBlank()) {
            line.setVisible(false);
            return line;
        }
        Span label = new Span(labelText + "：");
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        line.add(label, new Span(value));
        return line;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("residentSite.title");
    }
}
