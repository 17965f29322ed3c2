package org.dangan.ui.support;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A screen that failed to open: a sentence in the user's language, the cause logged by its type
 * only (its message may name a person), and a way home, instead of a stack trace in English.
 */
@AnonymousAllowed
public class ErrorView extends InternalServerError {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception e = parameter.getCaughtException();
        log.warn(
                "a screen failed to open: {} at {}",
                e.getClass().getName(),
                e.getStackTrace().length == 0 ? "?" : e.getStackTrace()[0]);
        getElement().removeAllChildren();
        H2 heading = new H2(getTranslation("error.title"));
        heading.setId("error-page");
        String text = e instanceof RuntimeException r ? Refusals.message(r) : getTranslation("error.notDone");
        getElement()
                .appendChild(
                        heading.getElement(),
                        new Paragraph(text).getElement(),
                        new Anchor("", getTranslation("notFound.home")).getElement());
        getElement().getStyle().set("padding", "var(--lumo-space-l)");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
