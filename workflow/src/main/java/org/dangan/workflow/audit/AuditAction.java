package org.dangan.workflow.audit;

public enum AuditAction {
    LOGIN, LOGIN_FAILED, LOGOUT,
    RECORD_READ, RECORD_LIST, RECORD_ID_REVEALED, RECORD_CHANGED,
    IMPORT, IMPORT_REJECTED,
    AUDIT_READ
}
