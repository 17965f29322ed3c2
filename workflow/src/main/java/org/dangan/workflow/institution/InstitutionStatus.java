package org.dangan.workflow.institution;

public enum InstitutionStatus {
    ACTIVE,
    MERGED,
    CLOSED
}
