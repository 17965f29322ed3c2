package org.dangan.workflow.registry;

public enum PaperFileState {
    RECEIVED,
    STORED,
    CHECKED_OUT,
    RETURNED,
    TRANSFERRED,
    DISPOSED,
    /** Verified and signed off: the electronic record is primary, the paper is kept boxed. */
    RETIRED_PAPER
}
