package org.dangan.ui.resident;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The resident site's own frame, apart from the staff shell: one narrow column for a phone held
 * upright, large type, long words wrapped instead of widening the page.
 */
@AnonymousAllowed
public class ResidentLayout extends Div implements RouterLayout {

    private final Main main = new Main();

    public ResidentLayout() {
        setId("resident-site");
        getStyle()
                .set("box-sizing", "border-box")
                .set("width", "100%")
                .set("max-width", "40rem")
                .set("margin", "0 auto")
                .set("padding", "var(--lumo-space-m)")
                .set("font-size", "var(--lumo-font-size-l)")
                .set("line-height", "1.6")
                .set("overflow-wrap", "anywhere");
        Span title = new Span(getTranslation("residentSite.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Header header = new Header(title);
        header.getStyle().set("padding-bottom", "var(--lumo-space-s)");
        add(header, main);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }
}
