package org.dangan.workflow.verification;

public enum FindingStatus {
    OPEN,
    FIXED,
    WAIVED
}
