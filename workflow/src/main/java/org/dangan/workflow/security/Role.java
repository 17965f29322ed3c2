package org.dangan.workflow.security;

public enum Role {
    ARCHIVIST,
    SUPERVISOR,
    SEARCHER,
    AUDITOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
