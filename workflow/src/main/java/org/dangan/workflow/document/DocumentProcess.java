package org.dangan.workflow.document;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the digitisation model's gateway and "Archive" task call ({@code ${documentProcess...}}). */
@Component("documentProcess")
@Transactional
public class DocumentProcess {

    private final ScannedDocumentRepository documents;
    private final Clock clock;

    DocumentProcess(ScannedDocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    public boolean needsReview(long documentId) {
        return documents.findById(documentId).orElseThrow().getState() == DocumentState.REVIEW;
    }

    public void archive(long documentId) {
        documents.findById(documentId).orElseThrow().archived(clock.instant());
    }
}
