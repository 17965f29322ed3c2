package org.dangan.ui.support;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What everyone sees for an address that leads nowhere, or to a screen their role does not open
 * (Vaadin answers both the same way): a sentence in their language and a way home, instead of
 * Vaadin's "Could not navigate to ...".
 */
@AnonymousAllowed
public class NotFoundView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        H2 heading = new H2(getTranslation("notFound.title"));
        heading.setId("not-found");
        getElement()
                .appendChild(
                        heading.getElement(),
                        new Paragraph(getTranslation("notFound.text")).getElement(),
                        new Anchor("", getTranslation("notFound.home")).getElement());
        getElement().getStyle().set("padding", "var(--lumo-space-l)");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
