package org.dangan.workflow.verification;

public enum Severity {
    /** Must be fixed or waived before the institution's self-check can be signed off. */
    ERROR,
    /** Shown for review; does not block. */
    WARNING
}
