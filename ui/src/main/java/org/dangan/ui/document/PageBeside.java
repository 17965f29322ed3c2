package org.dangan.ui.document;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.dangan.workflow.document.Documents;

/**
 * One page of a scan: its image beside its recognised text, with the page's confidence and quality
 * notes in words. The viewer shows it read-only (search terms marked); the OCR review lets the text
 * be corrected.
 */
class PageBeside extends VerticalLayout {

    private static final int IMAGE_DPI = 100;

    final TextArea text = new TextArea();
    private String recognised;

    PageBeside(
            Documents documents,
            long id,
            Documents.PageView page,
            String purpose,
            boolean reviewing,
            List<String> terms) {
        boolean marked = !terms.isEmpty() && !reviewing;
        Image image = new Image(
                new StreamResource("page-" + id + "-" + page.number() + ".png", () -> {
                    byte[] png = documents.pageImage(id, page.number(), IMAGE_DPI, purpose);
                    if (marked) {
                        png = PageHighlights.mark(
                                png,
                                documents.pageBoxes(id, page.number(), purpose).lines(),
                                terms,
                                (double) IMAGE_DPI / (page.dpi() > 0 ? page.dpi() : 300));
                    }
                    return new ByteArrayInputStream(png);
                }),
                getTranslation("document.page", page.number()));
        image.setWidth("420px");
        // its own proportions: in the row beside a long text the flex layout stretched it to the text's height
        image.getStyle().set("max-width", "100%").set("height", "auto").set("align-self", "flex-start");
        text.setLabel(getTranslation("document.text"));
        text.setId("page-text-" + page.number());
        recognised = documents.pageText(id, page.number(), purpose);
        text.setValue(recognised);
        text.setWidth("420px");
        text.setMaxWidth("100%");
        text.setReadOnly(!reviewing);
        FlexLayout beside = new FlexLayout(image);
        beside.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        beside.getStyle().set("gap", "var(--lumo-space-m)");
        if (marked) {
            Html highlighted = new Html(PageHighlights.markText(recognised, terms));
            highlighted.setId("page-marked-" + page.number());
            highlighted.getElement().getStyle().set("width", "420px").set("max-width", "100%");
            beside.add(highlighted);
        } else {
            beside.add(text);
        }
        H3 heading = new H3(getTranslation("document.page", page.number()));
        add(heading, Confidence.span(page.confidence(), page.confidenceBand()));
        if (!page.issues().isEmpty()) {
            add(new Span(page.issues().stream()
                    .map(i -> getTranslation("pageIssue." + i.strip()))
                    .collect(Collectors.joining("；"))));
        }
        add(beside);
        setId("page-" + page.number());
    }

    /** The text as the reviewer left it, when it differs from what was recognised (or saved last). */
    boolean changed() {
        return !text.getValue().equals(recognised);
    }

    void saved() {
        recognised = text.getValue();
    }
}
