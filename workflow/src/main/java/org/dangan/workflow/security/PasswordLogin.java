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
 * its cause is only in the audit log.
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
        boolean matches = encoder.matches(presented, user == null ? dummyHash : user.getPassword());
        if (user == null) {
            throw new BadCredentialsException("bad credentials");
        }
        status.check(user);
        if (!matches) {
            throw new BadCredentialsException("bad credentials");
        }
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
