package org.dangan.workflow.verification;

/** Where one institution stands within a campaign. */
public enum InstitutionCheckState {
    /** Rule checks still running. */
    WAITING,
    /** Its archivists work the flagged records and the paper files. */
    SELF_CHECK,
    /** Submitted; the institution's head signs the self-check off. */
    HEAD_SIGN_OFF,
    /** County checkers judge a sample of its records. */
    SAMPLE_CHECK,
    PASSED
}
