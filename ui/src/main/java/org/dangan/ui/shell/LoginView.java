package org.dangan.ui.shell;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.usernameRequired"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.passwordRequired"));
        i18n.getForm().setForgotPassword(null);
        login.setI18n(i18n);
        login.setForgotPasswordButtonVisible(false);
        login.setAction("login");
        add(new H1(getTranslation("app.title")), login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        // a signed-in user sent here (a bookmark, the back button, a sign-in whose saved request was
        // this page) would otherwise face an empty form and think they had been signed out; but a
        // failed sign-in on a desk where someone is still signed in is shown as failed, or the one
        // who mistyped would work on unawares as the other
        if (signedIn() && !failed) {
            event.forwardTo("", QueryParameters.empty());
            return;
        }
        login.setError(failed);
    }

    /**
     * Signed in as the navigation's access control sees it, from the request's principal: asked any
     * other way, the two could disagree, and the home view would send the user back here, and here
     * to the home view, without end.
     */
    private static boolean signedIn() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null && request.getUserPrincipal() != null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
