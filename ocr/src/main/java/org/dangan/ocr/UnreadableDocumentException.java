package org.dangan.ocr;

/** A document that cannot be read, with the reason a person can act on (and the page, if one). */
public class UnreadableDocumentException extends RuntimeException {

    public UnreadableDocumentException(String reason) {
        super(reason);
    }

    public UnreadableDocumentException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
