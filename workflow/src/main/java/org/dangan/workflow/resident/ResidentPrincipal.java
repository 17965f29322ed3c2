package org.dangan.workflow.resident;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The resident signed in on this request: the record they proved to be theirs. Everything a
 * resident reads is scoped by this record id, which comes from our own session table, never from
 * the request.
 */
public record ResidentPrincipal(long recordId, String recordNumber, long institutionId) {

    public static Optional<ResidentPrincipal> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ResidentPrincipal resident) {
            return Optional.of(resident);
        }
        return Optional.empty();
    }

    public static ResidentPrincipal require() {
        return current().orElseThrow(() -> new AccessDeniedException("no signed-in resident"));
    }

    /** The name a resident's actions carry in the audit log: never a staff username. */
    public String auditName() {
        return "resident:" + recordNumber;
    }
}
