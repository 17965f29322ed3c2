package org.dangan.workflow.security;

/** Grants beyond a role, given to named people rather than to everyone in a role. */
public enum Permission {
    /** See severe-mental-disorder documents. */
    RESTRICTED_DOCUMENTS,
    /** See resident ID numbers unmasked in the UI (each view is audited). */
    FULL_ID_NUMBER;

    public String authority() {
        return "PERM_" + name();
    }
}
