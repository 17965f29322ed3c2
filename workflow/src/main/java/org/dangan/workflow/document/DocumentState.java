package org.dangan.workflow.document;

public enum DocumentState {
    /** Submitted; waiting for a node with an OCR engine. */
    QUEUED,
    /** Its pages are being read. */
    OCR_RUNNING,
    /** Read with enough confidence; archived next, without a review. */
    RECOGNISED,
    /** Read, with pages a person must check before it is archived. */
    REVIEW,
    ARCHIVED,
    FAILED
}
