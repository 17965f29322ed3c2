package org.dangan.workflow.document;

public enum DocumentState {
    QUEUED, OCR_RUNNING, REVIEW, ARCHIVED, FAILED
}
