package org.dangan.ui.document;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.dangan.ui.registry.RecordDetailView;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Resident;
import org.dangan.ui.support.Rows;
import org.dangan.ui.support.Sizes;
import org.dangan.workflow.document.DocumentNotFoundException;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.search.Search;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.Role;

/**
 * One scanned document: its metadata and, page by page, the page image beside the recognised
 * text. A document in review offers its archivists the review's work panel. A restricted document
 * opens only after the reader states a purpose, which the audit log keeps.
 */
@Route("document")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "SEARCHER"})
public class DocumentView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final Documents documents;
    private final Records records;
    private long id;
    /** Terms of the search that opened the document, to mark on its pages; and the page it opened at. */
    private List<String> terms = List.of();

    private int openAt;

    public DocumentView(Documents documents, Records records) {
        this.documents = documents;
        this.records = records;
    }

    @Override
    public void setParameter(BeforeEvent event, Long documentId) {
        this.id = documentId;
        var parameters = event.getLocation().getQueryParameters().getParameters();
        terms = Search.terms(parameters.getOrDefault("q", List.of("")).get(0));
        try {
            openAt = Integer.parseInt(
                    parameters.getOrDefault("page", List.of("0")).get(0));
        } catch (NumberFormatException e) {
            openAt = 0;
        }
        removeAll();
        try {
            show(null);
        } catch (DocumentNotFoundException e) {
            Span missing = new Span(getTranslation("document.notFound", documentId));
            missing.setId("document-not-found");
            add(missing);
        } catch (Refused e) {
            if (!Documents.PURPOSE_REQUIRED.equals(e.key())) {
                throw e;
            }
            // restricted: ask for the purpose first
            TextField purpose = new TextField(getTranslation("document.purpose"));
            purpose.setId("document-purpose");
            purpose.setWidth("30em");
            Button open = new Button(getTranslation("document.open"), click -> {
                try {
                    removeAll();
                    show(purpose.getValue());
                } catch (Refused refused) {
                    Refusals.show(refused);
                    setParameter(event, documentId);
                }
            });
            open.setId("document-open");
            add(new H2(getTranslation("document.restricted")), Rows.wrapping(purpose, open));
        }
    }

    private void show(String purpose) {
        Documents.DocumentView d = documents.read(id, purpose);
        H2 heading = new H2(getTranslation("documentType." + d.documentType().name()) + " · "
                + Resident.label(records.namesOf(List.of(d.recordNumber())), d.recordNumber()) + " · #" + d.id());
        heading.setId("document-heading");
        FormLayout form = new FormLayout();
        Span state = new Span(getTranslation("documentState." + d.state()));
        state.setId("document-state");
        form.addFormItem(state, getTranslation("campaign.state"));
        if (d.waiting() != null) {
            Span waiting = new Span(getTranslation(d.waiting()));
            waiting.setId("document-waiting");
            form.addFormItem(waiting, getTranslation("document.reason"));
        }
        if (d.reason() != null) {
            // the engine's or the recogniser's own words are for the administrator's log, not this screen
            form.addFormItem(new Span(getTranslation("document.failed")), getTranslation("document.reason"));
        }
        form.addFormItem(
                new Span(d.originalName() + "（" + Sizes.of(d.originalSize()) + "）"), getTranslation("documents.file"));
        if (d.meanConfidence() != null) {
            Span confidence = Confidence.span(d.meanConfidence(), d.confidenceBand());
            confidence.setId("document-confidence");
            form.addFormItem(confidence, getTranslation("document.confidence"));
        }
        if (d.pageCountAgrees() != null) {
            Span pages = new Span(getTranslation(
                    d.pageCountAgrees() ? "document.pagesAgree" : "document.pagesDiffer",
                    d.pageCount(),
                    d.registeredPages()));
            pages.setId("document-page-count");
            form.addFormItem(pages, getTranslation("document.pageCount"));
        }
        add(heading, form);
        // the record page is for those who keep records; a searcher reads documents only
        if (CurrentUser.require().is(Role.ARCHIVIST) || CurrentUser.require().is(Role.SUPERVISOR)) {
            RouterLink toRecord =
                    new RouterLink(getTranslation("document.toRecord"), RecordDetailView.class, d.recordNumber());
            toRecord.setId("document-record");
            add(toRecord);
        }
        if (d.pdfSha256() != null) {
            Anchor pdf = new Anchor(
                    new StreamResource("document-" + id + ".pdf", () -> documents.pdf(id, purpose)),
                    getTranslation("document.pdf"));
            pdf.setId("document-pdf");
            pdf.setTarget("_blank");
            add(pdf);
        }
        if ("REVIEW".equals(d.state()) && CurrentUser.require().is(Role.ARCHIVIST)) {
            documents.reviewTaskOf(id).ifPresent(task -> {
                Button review = new Button(
                        getTranslation("document.openReview"),
                        e -> getUI().ifPresent(ui -> ui.navigate(ReviewView.class, task)));
                review.setId("open-review");
                review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(review);
            });
        }
        for (Documents.PageView page : d.pages()) {
            PageBeside block = new PageBeside(documents, id, page, purpose, false, terms);
            add(block);
            if (page.number() == openAt) {
                block.scrollIntoView();
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("document.title", id);
    }
}
