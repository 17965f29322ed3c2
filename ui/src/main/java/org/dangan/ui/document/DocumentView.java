package org.dangan.ui.document;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.Html;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.dangan.workflow.search.Search;
import org.dangan.workflow.document.DocumentNotFoundException;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.Role;

/**
 * One scanned document: its metadata and, page by page, the page image beside the recognised
 * text. In review, an archivist corrects the text of a page and finishes the review. A restricted
 * document opens only after the reader states a purpose, which the audit log keeps.
 */
@Route("document")
@PageTitle("扫描件 Scan")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "SEARCHER"})
public class DocumentView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final int IMAGE_DPI = 100;

    private final Documents documents;
    private long id;
    /** Terms of the search that opened the document, to mark on its pages; and the page it opened at. */
    private List<String> terms = List.of();
    private int openAt;

    public DocumentView(Documents documents) {
        this.documents = documents;
    }

    @Override
    public void setParameter(BeforeEvent event, Long documentId) {
        this.id = documentId;
        var parameters = event.getLocation().getQueryParameters().getParameters();
        terms = Search.terms(parameters.getOrDefault("q", List.of("")).get(0));
        try {
            openAt = Integer.parseInt(parameters.getOrDefault("page", List.of("0")).get(0));
        } catch (NumberFormatException e) {
            openAt = 0;
        }
        removeAll();
        try {
            show(null);
        } catch (IllegalArgumentException e) {
            // restricted: ask for the purpose first
            TextField purpose = new TextField(getTranslation("document.purpose"));
            purpose.setId("document-purpose");
            purpose.setWidth("30em");
            Button open = new Button(getTranslation("document.open"), click -> {
                removeAll();
                show(purpose.getValue());
            });
            open.setId("document-open");
            add(new H2(getTranslation("document.restricted")), new HorizontalLayout(purpose, open));
        } catch (DocumentNotFoundException e) {
            Span missing = new Span(getTranslation("document.notFound", documentId));
            missing.setId("document-not-found");
            add(missing);
        }
    }

    private void show(String purpose) {
        Documents.DocumentView d = documents.read(id, purpose);
        H2 heading = new H2("#" + d.id() + " · " + getTranslation("documentType." + d.documentType().name()) + " · "
                + d.recordNumber());
        heading.setId("document-heading");
        FormLayout form = new FormLayout();
        Span state = new Span(getTranslation("documentState." + d.state()));
        state.setId("document-state");
        form.addFormItem(state, getTranslation("campaign.state"));
        if (d.reason() != null) {
            form.addFormItem(new Span(d.reason()), getTranslation("document.reason"));
        }
        form.addFormItem(new Span(d.originalName() + " (" + d.originalSize() + " B)"), getTranslation("documents.file"));
        form.addFormItem(new Span(d.originalSha256()), "SHA-256");
        form.addFormItem(new Span(d.meanConfidence() == null ? "" : d.meanConfidence().toPlainString()),
                getTranslation("document.confidence"));
        if (d.pageCountAgrees() != null) {
            Span pages = new Span(getTranslation(d.pageCountAgrees() ? "document.pagesAgree" : "document.pagesDiffer",
                    d.pageCount(), d.registeredPages()));
            pages.setId("document-page-count");
            form.addFormItem(pages, getTranslation("document.pageCount"));
        }
        add(heading, form);
        if (d.pdfSha256() != null) {
            com.vaadin.flow.component.html.Anchor pdf = new com.vaadin.flow.component.html.Anchor(
                    new StreamResource("document-" + id + ".pdf", () -> documents.pdf(id, purpose)),
                    getTranslation("document.pdf"));
            pdf.setId("document-pdf");
            pdf.setTarget("_blank");
            add(pdf);
        }
        boolean reviewing = "REVIEW".equals(d.state()) && CurrentUser.require().is(Role.ARCHIVIST);
        for (Documents.PageView page : d.pages()) {
            add(page(page, purpose, reviewing));
        }
        if (reviewing) {
            Button finish = new Button(getTranslation("document.finishReview"), e -> {
                try {
                    documents.finishReview(id);
                    removeAll();
                    show(purpose);
                } catch (RuntimeException ex) {
                    Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            finish.setId("finish-review");
            finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(finish);
        }
    }

    private VerticalLayout page(Documents.PageView page, String purpose, boolean reviewing) {
        boolean marked = !terms.isEmpty() && !reviewing;
        Image image = new Image(new StreamResource("page-" + id + "-" + page.number() + ".png", () -> {
            byte[] png = documents.pageImage(id, page.number(), IMAGE_DPI, purpose);
            if (marked) {
                png = PageHighlights.mark(png, documents.pageBoxes(id, page.number(), purpose).lines(), terms,
                        (double) IMAGE_DPI / (page.dpi() > 0 ? page.dpi() : 300));
            }
            return new ByteArrayInputStream(png);
        }), getTranslation("document.page", page.number()));
        image.setWidth("420px");
        TextArea text = new TextArea(getTranslation("document.text"));
        text.setId("page-text-" + page.number());
        String recognised = documents.pageText(id, page.number(), purpose);
        text.setValue(recognised);
        text.setWidth("420px");
        text.setReadOnly(!reviewing);
        HorizontalLayout beside = new HorizontalLayout(image);
        if (marked) {
            Html highlighted = new Html(PageHighlights.markText(recognised, terms));
            highlighted.setId("page-marked-" + page.number());
            highlighted.getElement().getStyle().set("width", "420px");
            beside.add(highlighted);
        } else {
            beside.add(text);
        }
        VerticalLayout block = new VerticalLayout(new H3(getTranslation("document.page", page.number()) + " · "
                + getTranslation("document.confidence") + " " + page.confidence()
                + (page.issues().isEmpty() ? "" : " · " + String.join(", ", page.issues()))), beside);
        block.setId("page-" + page.number());
        if (page.number() == openAt) {
            block.scrollIntoView();
        }
        if (reviewing) {
            Button save = new Button(getTranslation("document.savePage"), e -> {
                documents.correctPage(id, page.number(), text.getValue());
                Notification.show(getTranslation("document.saved", page.number()), 2000, Notification.Position.BOTTOM_START);
            });
            save.setId("save-page-" + page.number());
            block.add(save);
        }
        return block;
    }
}
