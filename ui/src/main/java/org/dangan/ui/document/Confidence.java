package org.dangan.ui.document;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The recognition's confidence as a reader can use it: "识别可信度 82%（较好）", with a tooltip
 * saying what the figure means and what to do about a low one, never a bare 82.35.
 */
final class Confidence {

    private Confidence() {
    }

    static String text(BigDecimal confidence) {
        UI ui = UI.getCurrent();
        if (confidence == null) {
            return ui.getTranslation("confidence.unknown");
        }
        int percent = confidence.setScale(0, RoundingMode.HALF_UP).intValue();
        String band = percent >= 90 ? "good" : percent >= 75 ? "fair" : percent >= 60 ? "doubtful" : "poor";
        return ui.getTranslation("confidence.value", percent, ui.getTranslation("confidence." + band));
    }

    static Span span(BigDecimal confidence) {
        Span span = new Span(text(confidence));
        span.setTitle(UI.getCurrent().getTranslation("confidence.explained"));
        return span;
    }
}
