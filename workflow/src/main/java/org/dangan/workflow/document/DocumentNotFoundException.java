package org.dangan.workflow.document;

import org.dangan.workflow.platform.Refused;

/** No such document, or none the user may see (restricted included): one answer for both. */
public class DocumentNotFoundException extends Refused {

    public DocumentNotFoundException(long id) {
        super(Kind.NOT_FOUND, "document.missing", id);
    }
}
