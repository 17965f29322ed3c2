package org.dangan.workflow.audit;

import org.dangan.workflow.security.PasswordChanged;
import org.dangan.workflow.security.UserAccountCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Accounts created and passwords changed go into the audit log, in the transaction that did it. */
@Component
class AccountAuditor {

    private final AuditLog auditLog;

    AccountAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(UserAccountCreated created) {
        auditLog.record(
                AuditAction.ADMIN_ACTION,
                "USER",
                created.username(),
                created.institutionId(),
                "account created, role " + created.role());
    }

    @EventListener
    void on(PasswordChanged changed) {
        auditLog.record(
                AuditAction.ADMIN_ACTION, "USER", changed.username(), changed.institutionId(), "password changed");
    }
}
