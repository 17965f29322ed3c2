package org.dangan.workflow.support;

import org.dangan.workflow.security.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Runs service calls as a user, the way a logged-in request would. */
@Component
public class AsUser {

    private final UserAccounts users;

    public AsUser(UserAccounts users) {
        this.users = users;
    }

    public void login(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }
}
