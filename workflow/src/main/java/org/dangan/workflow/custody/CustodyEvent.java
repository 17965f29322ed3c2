package org.dangan.workflow.custody;

/** What happened to a paper file or box. */
public enum CustodyEvent {
    RECEIVED,
    STORED,
    MOVED,
    CHECKED_OUT,
    RETURNED,
    TRANSFERRED,
    DISPOSED;

    /** Whether after this event the thing stands at the entry's {@code to} place. */
    boolean places() {
        return this == RECEIVED || this == STORED || this == MOVED || this == RETURNED || this == TRANSFERRED;
    }
}
