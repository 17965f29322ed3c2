package org.dangan.ui.support;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * Rows of fields and buttons that fit a phone (390 px) as well as a desk: a row that does not fit
 * goes on in the next line instead of making the page scroll sideways, and a field given a width
 * (24em) is never wider than the screen. The breakpoint below which screens stack what sits side
 * by side at a desk is {@link #COMPACT_BELOW}.
 */
public final class Rows {

    /** Narrower than this (in CSS pixels) is a phone: the shell shortens its texts, panels stack. */
    public static final int COMPACT_BELOW = 640;

    private Rows() {}

    /** The parts side by side, aligned on their text, wrapping where the screen is too narrow. */
    public static HorizontalLayout wrapping(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return wrap(row);
    }

    /** Lets a row built elsewhere wrap, and keeps each of its parts within the screen. */
    public static HorizontalLayout wrap(HorizontalLayout row) {
        row.setWrap(true);
        row.setMaxWidth("100%");
        row.getChildren().forEach(Rows::fitting);
        return row;
    }

    /** A part never wider than what holds it (a 24em field on a 390 px screen). */
    public static <T extends Component> T fitting(T part) {
        if (part instanceof HasSize sized) {
            sized.setMaxWidth("100%");
        } else {
            part.getElement().getStyle().set("max-width", "100%");
        }
        return part;
    }
}
