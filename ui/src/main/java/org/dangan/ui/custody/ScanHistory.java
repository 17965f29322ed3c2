package org.dangan.ui.custody;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The answer to each scan, as a person at a shelf needs it without reading: the last scans, newest
 * first, green when taken and red when refused (with why), each taken one with a button to undo it.
 * The scan field keeps the focus; this only shows.
 */
public class ScanHistory extends VerticalLayout {

    static final int KEPT = 8;

    private final List<String> codes = new ArrayList<>();
    private Runnable counted = () -> {};

    public ScanHistory(String id) {
        setId(id);
        setPadding(false);
        setSpacing(false);
        getStyle().set("gap", "2px");
    }

    /** A scan that was taken; {@code undo} takes it back (null: nothing to undo). */
    public void taken(String code, String text, Consumer<String> undo) {
        HorizontalLayout row = row(code, text, "var(--lumo-success-text-color)", "var(--lumo-success-color-10pct)");
        if (undo != null) {
            Button back = new Button(getTranslation("scans.undo"));
            back.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            back.addClickListener(e -> {
                undo.accept(code);
                remove(row);
            });
            row.add(back);
        }
        addComponentAsFirst(row);
        trim();
    }

    public void refused(String code, String why) {
        addComponentAsFirst(row(code, why, "var(--lumo-error-text-color)", "var(--lumo-error-color-10pct)"));
        trim();
    }

    public void clear() {
        removeAll();
        codes.clear();
        counted.run();
    }

    /**
     * Takes a box label scanned once and counts it; a second scan of the same label is said in red
     * ({@code again}) and not counted. Undo takes a label back out of the count.
     *
     * @param taken the answer to a label taken, given how many are counted now
     */
    public void once(String code, IntFunction<String> taken, String again) {
        if (codes.contains(code)) {
            refused(code, again);
            return;
        }
        codes.add(code);
        taken(code, taken.apply(codes.size()), c -> {
            codes.remove(c);
            counted.run();
        });
        counted.run();
    }

    /** The labels counted, in the order scanned. */
    public List<String> codes() {
        return List.copyOf(codes);
    }

    /** Called whenever the count changes (a scan, an undo, a clear). */
    public void onCount(Runnable counted) {
        this.counted = counted;
    }

    private HorizontalLayout row(String code, String text, String colour, String background) {
        Span label = new Span(code);
        label.getStyle().set("font-family", "monospace");
        Div answer = new Div(text);
        HorizontalLayout row = new HorizontalLayout(label, answer);
        row.addClassName("scan-answer");
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.getStyle()
                .set("color", colour)
                .set("background", background)
                .set("padding", "0 0.5em")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("flex-wrap", "wrap");
        return row;
    }

    private void trim() {
        while (getComponentCount() > KEPT) {
            remove(getComponentAt(getComponentCount() - 1));
        }
    }
}
