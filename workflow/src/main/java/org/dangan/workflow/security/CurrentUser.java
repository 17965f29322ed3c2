package org.dangan.workflow.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting now, for services that scope their queries by user. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<DanganUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof DanganUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static DanganUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("no logged-in Dang'an user"));
    }
}
