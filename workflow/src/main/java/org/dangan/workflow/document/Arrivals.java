package org.dangan.workflow.document;

import java.util.List;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where documents that arrive archived enter: the aggregate made by its factory, then its pages
 * (text and line boxes, from a text layer rather than OCR), then the event that makes the search
 * index take it, all in the caller's transaction.
 */
@Component
class Arrivals {

    /** A page as it arrives: its text, the resolution its boxes are measured in, its line boxes as JSON. */
    record Page(String text, int dpi, String lineBoxes) {}

    private final ScannedDocumentRepository documents;
    private final DocumentPages pages;
    private final ApplicationEventPublisher events;

    Arrivals(ScannedDocumentRepository documents, DocumentPages pages, ApplicationEventPublisher events) {
        this.documents = documents;
        this.pages = pages;
        this.events = events;
    }

    /** Answers the document's id. */
    @Transactional(propagation = Propagation.MANDATORY)
    long archive(ScannedDocument document, List<Page> arrived) {
        long id = documents.saveAndFlush(document).getId();
        pages.replace(
                id,
                IntStream.range(0, arrived.size())
                        .mapToObj(i -> DocumentPages.Page.fromText(
                                i + 1,
                                arrived.get(i).text(),
                                arrived.get(i).dpi(),
                                arrived.get(i).lineBoxes()))
                        .toList());
        events.publishEvent(new DocumentArchived(id));
        return id;
    }
}
