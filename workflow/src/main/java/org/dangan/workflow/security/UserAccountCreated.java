package org.dangan.workflow.security;

import java.util.Set;

/** Published in the transaction that creates an account, so mirrors of it commit or roll back with it. */
public record UserAccountCreated(
        String username, String displayName, Role role, Long institutionId, Set<Permission> permissions) {}
