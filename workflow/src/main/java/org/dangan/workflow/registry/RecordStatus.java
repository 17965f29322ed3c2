package org.dangan.workflow.registry;

public enum RecordStatus {
    ACTIVE,
    DECEASED,
    MOVED_OUT,
    DUPLICATE,
    RETIRED_PAPER
}
