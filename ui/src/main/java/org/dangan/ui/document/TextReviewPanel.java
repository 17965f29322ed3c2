package org.dangan.ui.document;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Resident;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.registry.Records;

/**
 * The OCR review (校对识别文本), the work panel of a {@code TEXT_REVIEW} task: each page's image
 * beside its recognised text, which the archivist corrects; confirming saves what changed and
 * finishes the review, after which the document is archived and found by search.
 */
class TextReviewPanel extends VerticalLayout {

    /** The purpose the audit log records for the reads of a review, as the domain's own review steps do. */
    private static final String PURPOSE = "OCR review";

    private final Documents documents;
    private final long id;
    private final List<PageBeside> pages = new ArrayList<>();
    /** The pages saved with a correction, by the page's save or at the end: the count the reviewer is told. */
    private final Set<Integer> corrected = new TreeSet<>();

    TextReviewPanel(Documents documents, Records records, long id, Runnable completed) {
        this.documents = documents;
        this.id = id;
        setId("text-review");
        Documents.DocumentView d = documents.read(id, PURPOSE);
        H2 heading = new H2(getTranslation(
                "review.heading",
                getTranslation("documentType." + d.documentType().name()),
                Resident.label(records.namesOf(List.of(d.recordNumber())), d.recordNumber()),
                d.id()));
        heading.setId("review-heading");
        add(heading, new Paragraph(getTranslation("review.help")));
        if (d.meanConfidence() != null) {
            add(Confidence.span(d.meanConfidence(), d.confidenceBand()));
        }
        for (Documents.PageView page : d.pages()) {
            PageBeside block = new PageBeside(documents, id, page, PURPOSE, true, List.of());
            Button save = new Button(
                    getTranslation("document.savePage"),
                    e -> Attempt.run(() -> {
                        documents.correctPage(id, page.number(), block.text.getValue());
                        corrected.add(page.number());
                        block.saved();
                        Refusals.done(getTranslation("document.saved", page.number()));
                    }));
            save.setId("save-page-" + page.number());
            block.add(save);
            pages.add(block);
            add(block);
        }
        Button finish = new Button(
                getTranslation("review.finish"),
                e -> Attempt.run(() -> {
                    saveChanged();
                    documents.finishReview(id);
                    Refusals.done(getTranslation("review.done", id, corrected.size()));
                    completed.run();
                }));
        finish.setId("finish-review");
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(finish);
    }

    /** Saves the pages whose text the reviewer changed and has not saved yet. */
    private void saveChanged() {
        for (int i = 0; i < pages.size(); i++) {
            PageBeside page = pages.get(i);
            if (page.changed()) {
                documents.correctPage(id, i + 1, page.text.getValue());
                corrected.add(i + 1);
                page.saved();
            }
        }
    }
}
