package org.dangan.workflow.security;

import java.util.UUID;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Logs in with a user name and password, for the API's Basic and the screens' form alike. Every
 * attempt pays exactly one password match, whatever its fate: an unknown name is matched against a
 * dummy hash, and a locked or disabled account is refused only after its password was matched.
 * Spring's own provider checked the lock first and skipped the match, so a locked account answered
 * in a few milliseconds and an unknown name in a BCrypt's time: the answer's speed told that the
 * account existed. Every refusal reaches the client the same way (401, or the login form's error);
 * its cause is only in the audit log. A locked, disabled or unknown account's attempt pays a full
 * match, never {@link RememberedMatches}'s shortcut: a right password would otherwise be refused in
 * a few milliseconds and a wrong one in a BCrypt's time, telling a locked-out guesser when it hit.
 */
final class PasswordLogin implements AuthenticationProvider {

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final String dummyHash;
    private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();

    PasswordLogin(UserAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
        // made once, at start: hashing it on the first unknown name would make that answer slower
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        String presented = credentials == null ? "" : credentials.toString();
        UserDetails user;
        try {
            user = accounts.loadUserByUsername(authentication.getName());
        } catch (UsernameNotFoundException unknown) {
            user = null;
        }
        boolean usable = user != null
                && user.isAccountNonLocked()
                && user.isEnabled()
                && user.isAccountNonExpired()
                && user.isCredentialsNonExpired();
        String hash = user == null ? dummyHash : user.getPassword();
        boolean matches = usable ? encoder.matches(presented, hash) : fullMatch(presented, hash);
        if (user == null) {
            throw new BadCredentialsException("bad credentials");
        }
        status.check(user);
        if (!matches) {
            throw new BadCredentialsException("bad credentials");
        }
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    private boolean fullMatch(String presented, String hash) {
        return encoder instanceof RememberedMatches remembered
                ? remembered.matchesInFull(presented, hash)
                : encoder.matches(presented, hash);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
