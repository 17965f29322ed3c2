package org.dangan.workflow.document;

/** No such document, or none the user may see (restricted included): one answer for both. */
public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(long id) {
        super("no document " + id);
    }
}
