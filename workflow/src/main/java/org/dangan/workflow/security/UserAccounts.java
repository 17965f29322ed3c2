package org.dangan.workflow.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User accounts, login and the lockout after repeated failed logins. Not Spring's UserDetailsService:
 * logins go through {@link PasswordLogin} alone, which loads accounts from here.
 */
@Service
public class UserAccounts {

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final ApplicationEventPublisher events;
    private final Environment environment;
    private final TransactionTemplate transactions;
    private final Map<String, String> demoHashes = new ConcurrentHashMap<>();

    UserAccounts(
            UserAccountRepository repository,
            PasswordEncoder passwordEncoder,
            Clock clock,
            ApplicationEventPublisher events,
            Environment environment,
            @Value("${dangan.security.lockout.max-failures:5}") int maxFailures,
            @Value("${dangan.security.lockout.duration:PT15M}") Duration lockout,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactions);
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.events = events;
        this.environment = environment;
    }

    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account =
                repository.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new DanganUser(account, account.lockedAt(clock.instant()));
    }

    /** How many accounts of an institution can still log in: what a handover would disable, said before it is approved. */
    @Transactional(readOnly = true)
    public int enabledCountOf(long institutionId) {
        return (int) repository.findByInstitutionId(institutionId).stream()
                .filter(UserAccount::isEnabled)
                .count();
    }

    /** Disables every account of an institution (merged or closed); answers their user names. */
    @Transactional
    public List<String> disableAllOf(long institutionId) {
        List<UserAccount> accounts = repository.findByInstitutionId(institutionId);
        accounts.forEach(UserAccount::disable);
        return accounts.stream().map(UserAccount::getUsername).toList();
    }

    @Transactional
    public UserAccount create(
            String username,
            String rawPassword,
            String displayName,
            Role role,
            Long institutionId,
            Set<Permission> permissions) {
        PasswordPolicy.check(username, rawPassword);
        return store(new UserAccount(
                username, passwordEncoder.encode(rawPassword), displayName, role, institutionId, permissions));
    }

    /**
     * The demo's accounts, whose README password ({@code dangan-demo}) is older and weaker than the
     * policy: created without it, and only while the {@code demo} profile is active, so no other
     * caller gets round the policy this way.
     */
    @Transactional
    public UserAccount createDemoAccount(
            String username,
            String rawPassword,
            String displayName,
            Role role,
            Long institutionId,
            Set<Permission> permissions) {
        if (!environment.matchesProfiles("demo")) {
            throw new IllegalStateException("demo accounts are created under the demo profile only");
        }
        // one BCrypt for the README's one password, not one per account: eleven of them were a
        // second of the first start (issue 21). Sharing a hash tells nothing the README does not.
        String hash = demoHashes.computeIfAbsent(rawPassword, passwordEncoder::encode);
        return store(new UserAccount(username, hash, displayName, role, institutionId, permissions));
    }

    private UserAccount store(UserAccount fresh) {
        if (repository.findByUsername(fresh.getUsername()).isPresent()) {
            throw new AccountRefused("user.exists", fresh.getUsername());
        }
        UserAccount account = repository.save(fresh);
        events.publishEvent(announced(account));
        return account;
    }

    private static UserAccountCreated announced(UserAccount account) {
        return new UserAccountCreated(
                account.getUsername(),
                account.getDisplayName(),
                account.getRole(),
                account.getInstitutionId(),
                Set.copyOf(account.getPermissions()));
    }

    /**
     * Every account as its creation announced it, for a module that keeps its own copy of them
     * (Camunda's identity service) to catch up on accounts it missed.
     */
    @Transactional(readOnly = true)
    public List<UserAccountCreated> everyAccount() {
        return repository.findAll().stream().map(UserAccounts::announced).toList();
    }

    /** A user changes their own password: the current one must be right, the new one must keep the policy. */
    @Transactional
    public void changePassword(String username, String current, String replacement) {
        UserAccount account =
                repository.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        if (current == null || !passwordEncoder.matches(current, account.getPasswordHash())) {
            throw new AccountRefused("password.currentWrong");
        }
        PasswordPolicy.check(username, replacement);
        if (passwordEncoder.matches(replacement, account.getPasswordHash())) {
            throw new IllegalArgumentException("password: the same as the current one");
        }
        account.changePassword(passwordEncoder.encode(replacement));
        events.publishEvent(new PasswordChanged(username, account.getInstitutionId()));
    }

    /**
     * The names the people a list mentions are shown by, per user name; an account deleted since
     * keeps its user name there, so a list never shows a blank where someone acted.
     */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> usernames) {
        CurrentUser.require();
        Set<String> wanted = usernames.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            repository.findByUsernameIn(wanted).stream()
                    .filter(a ->
                            a.getDisplayName() != null && !a.getDisplayName().isBlank())
                    .forEach(a -> names.put(a.getUsername(), a.getDisplayName()));
        }
        wanted.forEach(u -> names.putIfAbsent(u, u));
        return names;
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return repository.findByUsername(username);
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        repository
                .findByUsername(event.getAuthentication().getName())
                .ifPresent(a -> a.loginFailed(maxFailures, lockout, clock.instant()));
    }

    /**
     * Every API request signs in: only a login after failures has a row to write, and the others take
     * no database connection at all (one of the four a request took; issue 21).
     */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof DanganUser user && !user.failuresToForget()) {
            return;
        }
        transactions.executeWithoutResult(status ->
                repository.findByUsername(event.getAuthentication().getName()).ifPresent(UserAccount::loginSucceeded));
    }
}
