package org.dangan.workflow.resident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.StoredRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Residents' sessions behind their bearer tokens: 256 random bits, of which {@code resident_session}
 * keeps the SHA-256 only. A session ends 30 minutes after its last use and 12 hours after the
 * sign-in at the latest; it also ends when its record leaves the pilot or stops being a living
 * record (deceased, moved out, merged), since the resident is looked up again on every request.
 */
@Service
public class ResidentSessions {

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration LONGEST = Duration.ofHours(12);

    private final JdbcTemplate jdbc;
    private final RecordBatches records;
    private final ResidentSettings settings;
    private final Clock clock;

    ResidentSessions(JdbcTemplate jdbc, RecordBatches records, ResidentSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new session for the record; the token is given to the resident once and never stored. */
    String open(long recordId) {
        String token = CodeHash.token();
        Instant now = clock.instant();
        jdbc.update(
                "insert into resident_session (token_hash, record_id, created_at, last_used_at, expires_at)"
                        + " values (?, ?, ?, ?, ?)",
                CodeHash.sha256(token),
                recordId,
                Timestamp.from(now),
                Timestamp.from(now),
                Timestamp.from(now.plus(LONGEST)));
        return token;
    }

    /** The resident this token stands for now, marking the session used; empty for a token that is not (or no longer) good. */
    public Optional<ResidentPrincipal> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = CodeHash.sha256(token.strip());
        Instant now = clock.instant();
        List<Long> found = jdbc.queryForList(
                "select record_id from resident_session where token_hash = ? and expires_at > ? and last_used_at > ?",
                Long.class,
                hash,
                Timestamp.from(now),
                Timestamp.from(now.minus(IDLE)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredRecord record = records.byIds(found).get(found.get(0));
        if (record == null || !settings.admits(record.institutionId(), record.status(), record.keyPopulations())) {
            return Optional.empty();
        }
        jdbc.update("update resident_session set last_used_at = ? where token_hash = ?", Timestamp.from(now), hash);
        return Optional.of(new ResidentPrincipal(record.id(), record.recordNumber(), record.institutionId()));
    }

    /** Ends the session of this token; true when there was one. */
    boolean close(String token) {
        return token != null
                && jdbc.update("delete from resident_session where token_hash = ?", CodeHash.sha256(token.strip())) > 0;
    }

    /** Drops sessions past their end, so the table keeps only live ones. */
    int sweep() {
        Instant now = clock.instant();
        return jdbc.update(
                "delete from resident_session where expires_at <= ? or last_used_at <= ?",
                Timestamp.from(now),
                Timestamp.from(now.minus(IDLE)));
    }
}
