package org.dangan.ui.custody;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.custody.CustodyEntry;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.LedgerVerification;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.CustodyAgreement;
import org.dangan.workflow.registry.RecordNotFoundException;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;

/**
 * Custody: a paper file's events and where it is now, picked by scanning its label (a hand
 * scanner types the code and Enter); for auditors and administrators, the ledger's verification.
 */
@Route("custody")
@PageTitle("保管")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "AUDITOR", "ADMIN"})
public class CustodyView extends VerticalLayout implements BeforeEnterObserver {

    final TextField scan = new TextField();
    final Span place = new Span();
    final Grid<CustodyEntry> events = new Grid<>();
    final Span verdict = new Span();
    private Runnable lookUp = () -> {};
    /** The shown entries' people, places and reasons in words. */
    private LedgerTexts texts;

    public CustodyView(
            Records records,
            LedgerVerification verification,
            CustodyAgreement agreement,
            Institutions institutions,
            UserAccounts users) {
        add(new H2(getTranslation("custody.title")));
        if (!CurrentUser.require().is(Role.ADMIN)) {
            scan.setId("custody-scan");
            scan.setPlaceholder(getTranslation("custody.scan"));
            scan.setWidth("24em");
            scan.setClearButtonVisible(true);
            place.setId("custody-place");
            events.setId("custody-events");
            events.setEmptyStateText(getTranslation("custody.none"));
            events.addColumn(e -> ChinaTime.second(e.occurredAt()))
                    .setHeader(getTranslation("custody.at"))
                    .setAutoWidth(true);
            events.addColumn(e -> getTranslation("custodyEvent." + e.event().name()))
                    .setHeader(getTranslation("custody.event"));
            events.addColumn(e -> texts.actor(e.actor()))
                    .setHeader(getTranslation("custody.actor"))
                    .setAutoWidth(true);
            events.addColumn(e -> texts.place(e.from()))
                    .setHeader(getTranslation("custody.from"))
                    .setAutoWidth(true);
            events.addColumn(e -> texts.place(e.to()))
                    .setHeader(getTranslation("custody.to"))
                    .setAutoWidth(true);
            events.addColumn(e -> texts.reason(e.reason()))
                    .setHeader(getTranslation("custody.reason"))
                    .setAutoWidth(true);
            lookUp = () -> {
                try {
                    Records.Custody custody = records.custodyOf(scan.getValue());
                    texts = new LedgerTexts(institutions, users, custody.events());
                    place.setText(
                            custody.currentPlace() == null
                                    ? getTranslation("custody.notInPlace")
                                    : getTranslation(
                                            "custody.place", texts.where(custody.currentPlace(), custody.boxPlace())));
                    events.setItems(custody.events());
                } catch (RecordNotFoundException e) {
                    place.setText(getTranslation("custody.unknown", scan.getValue()));
                    events.setItems();
                }
                scan.focus();
            };
            // a hand scanner types the code and presses Enter
            scan.addKeyPressListener(Key.ENTER, e -> this.lookUp.run());
            Button show = new Button(getTranslation("custody.show"), e -> this.lookUp.run());
            show.setId("custody-show");
            add(Rows.wrapping(scan, show), place, events);
        }
        if (CurrentUser.require().is(Role.ADMIN) || CurrentUser.require().is(Role.AUDITOR)) {
            verdict.setId("custody-verdict");
            Button verify = new Button(getTranslation("custody.verify"), e -> {
                CustodyLedger.Verification result = verification.run();
                var places = agreement.check();
                verdict.setText((result.valid()
                                ? getTranslation("custody.valid", result.entries())
                                : getTranslation(
                                        "custody.broken",
                                        result.entries(),
                                        result.firstBrokenEntry().id(),
                                        new LedgerTexts(institutions, users, List.of())
                                                .reason(result.firstBrokenEntry()
                                                        .reason())))
                        + " "
                        + (places.disagreements() == 0
                                ? getTranslation("custody.agree", places.files())
                                : getTranslation(
                                        "custody.disagree",
                                        places.files(),
                                        places.disagreements(),
                                        places.first().fileNumber())));
                if (!result.valid() || places.disagreements() > 0) {
                    Notification.show(verdict.getText(), 0, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            verify.setId("custody-verify");
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new H3(getTranslation("custody.ledger")), verify, verdict);
        }
    }

    /** {@code custody?file=...}: a resident's page links each file's ledger here, shown at once. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> file =
                event.getLocation().getQueryParameters().getParameters().get("file");
        if (file != null
                && !file.isEmpty()
                && !file.get(0).isBlank()
                && !CurrentUser.require().is(Role.ADMIN)) {
            scan.setValue(file.get(0).strip());
            lookUp.run();
        }
    }
}
