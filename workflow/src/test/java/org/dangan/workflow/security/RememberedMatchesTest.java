package org.dangan.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** A matched password skips BCrypt for a while; a wrong one never does; a new hash or time ends the memory. */
class RememberedMatchesTest {

    private final CountingEncoder counting = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final AtomicInteger bcrypt = counting.matches;
    private Instant now = Instant.parse("2026-11-27T03:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void a_match_is_remembered_for_its_time_and_a_wrong_password_always_pays() {
        RememberedMatches matches = new RememberedMatches(counting, Duration.ofMinutes(5), clock);
        String hash = matches.encode("Right-password-1");

        assertThat(matches.matches("Right-password-1", hash)).isTrue();
        assertThat(matches.matches("Right-password-1", hash)).isTrue();
        assertThat(bcrypt).hasValue(1);

        assertThat(matches.matches("wrong-password-1", hash)).isFalse();
        assertThat(matches.matches("wrong-password-1", hash)).isFalse();
        assertThat(bcrypt).hasValue(3);

        String changed = matches.encode("Right-password-1"); // the same password set again: a new salt, a new hash
        assertThat(matches.matches("Right-password-1", changed)).isTrue();
        assertThat(bcrypt).hasValue(4);

        now = now.plus(Duration.ofMinutes(6));
        assertThat(matches.matches("Right-password-1", hash)).isTrue();
        assertThat(bcrypt).hasValue(5);
    }

    @Test
    void a_zero_duration_remembers_nothing() {
        RememberedMatches matches = new RememberedMatches(counting, Duration.ZERO, clock);
        String hash = matches.encode("Right-password-1");
        matches.matches("Right-password-1", hash);
        matches.matches("Right-password-1", hash);
        assertThat(bcrypt).hasValue(2);
    }
}
