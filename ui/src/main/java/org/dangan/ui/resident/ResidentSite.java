package org.dangan.ui.resident;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import java.util.function.Supplier;
import org.dangan.ui.shell.HomeView;
import org.dangan.workflow.resident.ResidentAuthentication;
import org.dangan.workflow.resident.ResidentPrincipal;
import org.dangan.workflow.resident.ResidentSessions;
import org.dangan.workflow.resident.ResidentSettings;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The resident's state on the screens: their token in the Vaadin session (never a Spring Security
 * login of the HTTP session, so no staff route ever opens for it), resolved again on every
 * navigation, and their authentication put in place for one service call at a time.
 */
@Component
class ResidentSite {

    static final String TOKEN = ResidentSite.class.getName() + ".token";

    private final ResidentSessions sessions;
    private final ResidentSettings settings;

    ResidentSite(ResidentSessions sessions, ResidentSettings settings) {
        this.sessions = sessions;
        this.settings = settings;
    }

    /** The county switch. */
    boolean open() {
        return settings.enabled();
    }

    void keep(String token) {
        VaadinSession.getCurrent().setAttribute(TOKEN, token);
    }

    String token() {
        return (String) VaadinSession.getCurrent().getAttribute(TOKEN);
    }

    void forget() {
        VaadinSession.getCurrent().setAttribute(TOKEN, null);
    }

    /** The resident of this session now; an ended session is forgotten. */
    Optional<ResidentPrincipal> resident() {
        return resident(token());
    }

    /** The resident of a token now (a download comes on a later request, when the session may have ended). */
    Optional<ResidentPrincipal> resident(String token) {
        if (token == null || !settings.enabled()) {
            return Optional.empty();
        }
        Optional<ResidentPrincipal> resident = sessions.resolve(token);
        if (resident.isEmpty() && VaadinSession.getCurrent() != null && token.equals(token())) {
            forget();
        }
        return resident;
    }

    /**
     * Runs one service call as the resident, in the screen's language (the services translate what
     * they answer), then puts back whatever context and language were there before.
     */
    static <T> T as(ResidentPrincipal resident, Supplier<T> call) {
        SecurityContext before = SecurityContextHolder.getContext();
        LocaleContext localeBefore = LocaleContextHolder.getLocaleContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ResidentAuthentication(resident));
        SecurityContextHolder.setContext(context);
        UI ui = UI.getCurrent();
        if (ui != null) {
            LocaleContextHolder.setLocale(ui.getLocale());
        } else if (VaadinSession.getCurrent() != null) {
            LocaleContextHolder.setLocale(VaadinSession.getCurrent().getLocale());
        }
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(before);
            LocaleContextHolder.setLocaleContext(localeBefore);
        }
    }

    static void run(ResidentPrincipal resident, Runnable call) {
        as(resident, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Empties the view and answers true when it is not to be shown: a browser session logged in as
     * staff is a staff session and goes to the staff's home (it does not double as a resident's);
     * with the county switch off the view says the site is not open.
     */
    boolean turnsAway(BeforeEnterEvent event, HasComponents view) {
        view.removeAll();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            event.forwardTo(HomeView.class);
            return true;
        }
        if (!open()) {
            view.add(closed());
            return true;
        }
        return false;
    }

    /** What the routes show while the county has the site switched off. */
    static Paragraph closed() {
        Paragraph closed = new Paragraph();
        closed.setText(closed.getTranslation("residentSite.closed"));
        closed.setId("resident-closed");
        return closed;
    }
}
