package org.dangan.workflow.audit;

import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.UserAccount;
import org.dangan.workflow.security.UserAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Every login and every failed login goes into the audit log. */
@Component
class LoginAuditor {

    private final AuditLog auditLog;
    private final UserAccounts accounts;

    LoginAuditor(AuditLog auditLog, UserAccounts accounts) {
        this.auditLog = auditLog;
        this.accounts = accounts;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Object principal = event.getAuthentication().getPrincipal();
        Long institution = principal instanceof DanganUser u ? u.institutionId() : null;
        auditLog.recordFor(event.getAuthentication().getName(), AuditAction.LOGIN, institution, null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        Long institution = accounts.find(username).map(UserAccount::getInstitutionId).orElse(null);
        auditLog.recordFor(username, AuditAction.LOGIN_FAILED, institution,
                event.getException().getClass().getSimpleName());
    }
}
