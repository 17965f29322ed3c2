package org.dangan.workflow.audit;

import java.util.Optional;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.UserAccount;
import org.dangan.workflow.security.UserAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Every login and every failed login goes into the audit log, under no typed text but an account's name. */
@Component
class LoginAuditor {

    private final AuditLog auditLog;
    private final UserAccounts accounts;
    private final AuditHash auditHash;

    LoginAuditor(AuditLog auditLog, UserAccounts accounts, AuditHash auditHash) {
        this.auditLog = auditLog;
        this.accounts = accounts;
        this.auditHash = auditHash;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Object principal = event.getAuthentication().getPrincipal();
        Long institution = principal instanceof DanganUser u ? u.institutionId() : null;
        auditLog.recordFor(event.getAuthentication().getName(), AuditAction.LOGIN, institution, null);
    }

    /** A name of no account may be a password typed in the wrong field: only its keyed hash is kept. */
    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String typed = event.getAuthentication().getName();
        Optional<UserAccount> account = accounts.find(typed);
        auditLog.recordFor(
                account.map(UserAccount::getUsername).orElseGet(() -> auditHash.ofUnknownName(typed)),
                AuditAction.LOGIN_FAILED,
                account.map(UserAccount::getInstitutionId).orElse(null),
                event.getException().getClass().getSimpleName());
    }
}
