package org.dangan.ui.resident;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.ResidentId;
import org.dangan.workflow.resident.ResidentCodes;
import org.dangan.workflow.resident.ResidentSettings;
import org.dangan.workflow.resident.ResidentSignIn;

/**
 * The resident's sign-in: ID number and the phone on file for a code by SMS, then the code. The
 * answer to a request for a code is always the same sentence, whether or not the pair is on file.
 */
@Route(value = "resident", layout = ResidentLayout.class, autoLayout = false)
@AnonymousAllowed
public class ResidentSignInView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ResidentSite site;
    private final ResidentCodes codes;
    private final ResidentSignIn signIn;
    private final ResidentSettings settings;

    public ResidentSignInView(
            ResidentSite site, ResidentCodes codes, ResidentSignIn signIn, ResidentSettings settings) {
        this.site = site;
        this.codes = codes;
        this.signIn = signIn;
        this.settings = settings;
        setId("resident-sign-in");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (site.turnsAway(event, this)) {
            return;
        }
        if (site.resident().isPresent()) {
            event.forwardTo(ResidentView.class);
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        H1 heading = new H1(getTranslation("residentSite.signIn.heading"));
        heading.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
        TextField idNumber = field("resident-id-number", "residentSite.idNumber", 18);
        idNumber.setAllowedCharPattern("[0-9Xx]");
        TextField phone = field("resident-phone", "residentSite.phone", 11);
        numeric(phone);
        Paragraph sent = new Paragraph();
        sent.setId("resident-code-sent");
        sent.setVisible(false);
        // Open from the start: a resident who reloads the page, or comes back within the five
        // minutes, types the code already on their phone instead of asking for another.
        TextField code = field("resident-code", "residentSite.code", 6);
        code.setHelperText(getTranslation("residentSite.code.help"));
        numeric(code);
        // Vaadin 24.9 has no one-time-code value: set on the input, it lets phones offer the SMS's code
        code.getElement()
                .executeJs("this.inputElement && this.inputElement.setAttribute('autocomplete', 'one-time-code')");
        Paragraph refused = new Paragraph();
        refused.setId("resident-sign-in-refused");
        refused.getStyle().set("color", "var(--lumo-error-text-color)");
        refused.setVisible(false);
        Button signInButton = new Button(getTranslation("residentSite.signIn"));
        signInButton.setId("resident-sign-in-button");

        Button askCode = new Button(getTranslation("residentSite.requestCode"), e -> {
            refused.setVisible(false);
            // a typo is caught here, where it costs nothing: the answer says nothing about who is on file
            if (!wellFormed(idNumber, phone)) {
                return;
            }
            try {
                codes.request(idNumber.getValue(), phone.getValue(), clientAddress());
            } catch (Refused refusal) {
                refused.setText(Refusals.message(refusal));
                refused.setVisible(true);
                return;
            }
            sent.setText(getTranslation("resident.codes.sent"));
            sent.setVisible(true);
            code.focus();
        });
        askCode.setId("resident-request-code");
        large(askCode);

        signInButton.addClickListener(e -> {
            refused.setVisible(false);
            try {
                site.keep(signIn.signIn(idNumber.getValue(), code.getValue(), clientAddress()));
                getUI().ifPresent(ui -> ui.navigate(ResidentView.class));
            } catch (Refused refusal) {
                // Said once, under the button, where a phone's screen still shows it.
                refused.setText(Refusals.message(refusal));
                refused.setVisible(true);
                refused.scrollIntoView();
            }
        });
        signInButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        large(signInButton);

        Paragraph help = new Paragraph(getTranslation("residentSite.signIn.help"));
        help.setId("resident-sign-in-help");
        // the refusal above the button: on a phone the line below it is off the screen
        add(heading, help, idNumber, phone, askCode, sent, code, refused, signInButton);
    }

    private TextField field(String id, String labelKey, int length) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
        field.setMaxLength(length);
        field.getStyle().set("font-size", "var(--lumo-font-size-l)");
        return field;
    }

    private boolean wellFormed(TextField idNumber, TextField phone) {
        boolean id = validIdNumber(idNumber.getValue());
        idNumber.setErrorMessage(getTranslation("residentSite.idNumber.invalid"));
        idNumber.setInvalid(!id);
        boolean mobile = phone.getValue() != null && phone.getValue().strip().matches("1\\d{10}");
        phone.setErrorMessage(getTranslation("residentSite.phone.invalid"));
        phone.setInvalid(!mobile);
        return id && mobile;
    }

    static boolean validIdNumber(String text) {
        try {
            ResidentId.of(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Digits only, with the phone's number keyboard. */
    private static void numeric(TextField field) {
        field.setAllowedCharPattern("[0-9]");
        field.getElement().executeJs("this.inputElement && this.inputElement.setAttribute('inputmode', 'numeric')");
    }

    static void large(Button button) {
        button.setWidthFull();
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
    }

    private String clientAddress() {
        return settings.clientAddress(VaadinServletRequest.getCurrent().getHttpServletRequest());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("residentSite.title");
    }
}
