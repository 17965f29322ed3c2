package org.dangan.ui.document;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.dangan.workflow.document.ConfidenceBand;

/**
 * The recognition's confidence as a reader can use it: "识别可信度 82%（较好）", with a tooltip
 * saying what the figure means and what to do about a low one, never a bare 82.35.
 */
final class Confidence {

    private Confidence() {}

    /** The band comes from the domain: what a figure means depends on the engine that read the page. */
    static String text(BigDecimal confidence, ConfidenceBand band) {
        UI ui = UI.getCurrent();
        if (confidence == null || band == null) {
            return ui.getTranslation("confidence.unknown");
        }
        int percent = confidence.setScale(0, RoundingMode.HALF_UP).intValue();
        return ui.getTranslation(
                "confidence.value",
                percent,
                ui.getTranslation("confidence." + band.name().toLowerCase(Locale.ROOT)));
    }

    static Span span(BigDecimal confidence, ConfidenceBand band) {
        Span span = new Span(text(confidence, band));
        span.setTitle(UI.getCurrent().getTranslation("confidence.explained"));
        return span;
    }
}
