package org.dangan.ui.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

/** A part of the home page: a heading, its figures and charts, links to the screens that do the work. */
public class Card extends Div {

    public Card(String id) {
        setId(id);
        getStyle()
                .set("box-sizing", "border-box")
                .set("width", "100%")
                .set("min-width", "0")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m) var(--lumo-space-m)")
                .set("background", "var(--lumo-base-color)");
    }

    protected void heading(String text) {
        H3 title = new H3(text);
        title.getStyle().set("margin", "var(--lumo-space-xs) 0 var(--lumo-space-s)");
        add(title);
    }

    /** Children side by side while they fit, one below the other on a narrow screen. */
    public static FlexLayout row(Component... children) {
        FlexLayout row = new FlexLayout(children);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)").set("min-width", "0");
        return row;
    }

    /** A chart from its SVG markup, set inline so it needs no request and no script. */
    public static Div chart(String id, String svg) {
        Div chart = new Div();
        chart.setId(id);
        chart.getElement().setProperty("innerHTML", svg);
        chart.getStyle().set("flex", "1 1 420px").set("min-width", "0").set("max-width", "720px");
        return chart;
    }

    /** A figure people read at a glance: the number large, what it counts below. */
    public static Div figure(String id, String number, String label, boolean alarm) {
        Span value = new Span(number);
        value.getStyle()
                .set("font-size", "var(--lumo-font-size-xxl)")
                .set("font-weight", "600")
                .set("display", "block")
                .set("color", alarm ? "var(--lumo-error-text-color)" : "var(--lumo-body-text-color)");
        Span what = new Span(label);
        what.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div figure = new Div(value, what);
        figure.setId(id);
        figure.getStyle()
                .set("min-width", "7em")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        return figure;
    }

    /** A link to the screen where the work is done, shown only to those the screen lets in. */
    public void link(AccessAnnotationChecker access, String id, String text, Class<? extends Component> view) {
        if (access.hasAccess(view)) {
            RouterLink link = new RouterLink(text, view);
            link.setId(id);
            link.getStyle().set("display", "inline-block").set("margin", "var(--lumo-space-s) var(--lumo-space-m) 0 0");
            add(link);
        }
    }
}
