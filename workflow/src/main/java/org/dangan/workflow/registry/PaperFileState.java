package org.dangan.workflow.registry;

public enum PaperFileState {
    RECEIVED, STORED, CHECKED_OUT, RETURNED, TRANSFERRED, DISPOSED
}
