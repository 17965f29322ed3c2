package org.dangan.workflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt on every request of the REST API (HTTP Basic) costs about 70 ms of a core: on two cores
 * the API could answer some 20 requests a second, whatever they asked. A password that matched
 * its hash is remembered for a few minutes, as the SHA-256 of hash and password together (never
 * the password), so the next request of that client skips BCrypt. Only matches are remembered: a
 * wrong password always pays the full price, so guessing gets no faster. A changed password has
 * a new hash, so the old one is never matched from memory. A locked or disabled account's attempt
 * asks {@link #matchesInFull} (see {@link PasswordLogin}): its answer must take as long as a wrong
 * password's, or the speed of the refusal would tell the guesser that the password was right.
 */
final class RememberedMatches implements PasswordEncoder {

    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final Duration remember;
    private final Clock clock;
    private final Map<String, Instant> matched = new ConcurrentHashMap<>();

    RememberedMatches(PasswordEncoder delegate, Duration remember, Clock clock) {
        this.delegate = delegate;
        this.remember = remember;
        this.clock = clock;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || remember.isZero()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = digest(encodedPassword, rawPassword);
        Instant now = clock.instant();
        Instant until = matched.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (matched.size() >= MAX_ENTRIES) {
                matched.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
                if (matched.size() >= MAX_ENTRIES) {
                    matched.clear();
                }
            }
            matched.put(key, now.plus(remember));
        }
        return matches;
    }

    /** A real match, neither read from nor kept in memory. */
    boolean matchesInFull(CharSequence rawPassword, String encodedPassword) {
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static String digest(String encoded, CharSequence raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(encoded.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(raw.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
