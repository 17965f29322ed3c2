package org.dangan.workflow.custody;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dangan.workflow.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody ledger. Entries are only ever appended, in the transaction of the change they
 * record, each chained to the one before it in its institution's chain by its hash; the chain's
 * head row is locked while appending, so two transactions never take the same place in a chain.
 * {@link #verify()} walks every chain and names the first entry that does not hold.
 */
@Service
@Transactional
public class CustodyLedger {

    /** An entry to append: what, which, what happened, from where, to where, why. */
    public record NewEntry(
            CustodySubject subjectType, String subject, CustodyEvent event, String from, String to, String reason) {}

    private final NamedParameterJdbcTemplate jdbc;
    /** Reads the whole ledger a thousand rows at a time instead of all at once (PostgreSQL streams inside a transaction). */
    private final NamedParameterJdbcTemplate streaming;

    private final Clock clock;

    CustodyLedger(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.clock = clock;
    }

    public CustodyEntry append(long institutionId, NewEntry entry) {
        return appendAll(institutionId, List.of(entry)).get(0);
    }

    /** Appends the entries, in order, to the institution's chain: one lock, one batch (imports bring thousands). */
    public List<CustodyEntry> appendAll(long institutionId, List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Object[] head = lockHead(institutionId);
        long sequence = (Long) head[0];
        String previous = (String) head[1];
        String actor = actor();
        // stored to the microsecond by both databases: milliseconds hash the same before and after
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<CustodyEntry> appended = new ArrayList<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (NewEntry e : entries) {
            sequence++;
            String from = clip(e.from(), 200);
            String to = clip(e.to(), 200);
            String reason = clip(e.reason(), 500);
            String hash = EntryHash.of(
                    institutionId,
                    sequence,
                    e.subjectType(),
                    e.subject(),
                    e.event(),
                    actor,
                    at,
                    from,
                    to,
                    reason,
                    previous);
            appended.add(new CustodyEntry(
                    0,
                    institutionId,
                    sequence,
                    e.subjectType(),
                    e.subject(),
                    e.event(),
                    actor,
                    at,
                    from,
                    to,
                    reason,
                    previous,
                    hash));
            rows.add(new MapSqlParameterSource("institution", institutionId)
                    .addValue("sequence", sequence)
                    .addValue("type", e.subjectType().name())
                    .addValue("subject", e.subject())
                    .addValue("event", e.event().name())
                    .addValue("actor", actor)
                    .addValue("at", Timestamp.from(at))
                    .addValue("from", from)
                    .addValue("to", to)
                    .addValue("reason", reason)
                    .addValue("previous", previous)
                    .addValue("hash", hash));
            previous = hash;
        }
        jdbc.batchUpdate("""
                insert into custody_entry (institution_id, sequence, subject_type, subject, event, actor, occurred_at,
                from_place, to_place, reason, previous_hash, entry_hash) values (:institution, :sequence, :type, :subject,
                :event, :actor, :at, :from, :to, :reason, :previous, :hash)""", rows.toArray(SqlParameterSource[]::new));
        jdbc.update(
                "update custody_head set sequence = :sequence, entry_hash = :hash where institution_id = :institution",
                new MapSqlParameterSource("institution", institutionId)
                        .addValue("sequence", sequence)
                        .addValue("hash", previous));
        return appended;
    }

    /**
     * Locks the chain's head, starting the chain at its first entry. Two first entries of one
     * institution at the same moment would both insert a head; the institution's row is locked
     * for that first insert only, so the second waits and then finds the first one's head.
     */
    private Object[] lockHead(long institutionId) {
        MapSqlParameterSource institution =
                new MapSqlParameterSource("institution", institutionId).addValue("genesis", EntryHash.GENESIS);
        String select = "select sequence, entry_hash from custody_head where institution_id = :institution for update";
        List<Object[]> head = jdbc.query(select, institution, (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        if (!head.isEmpty()) {
            return head.get(0);
        }
        jdbc.query("select id from institution where id = :institution for update", institution, rs -> null);
        jdbc.update("""
                insert into custody_head (institution_id, sequence, entry_hash) select :institution, 0, :genesis
                where not exists (select 1 from custody_head where institution_id = :institution)""", institution);
        return jdbc.queryForObject(select, institution, (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
    }

    private static String actor() {
        try {
            return CurrentUser.require().getUsername();
        } catch (RuntimeException nobodyLoggedIn) {
            return "system";
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * The institution's chain as stored, column by column, in sequence: what an archive bag carries
     * so that the receiver can check the chain again.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> chainRows(long institutionId) {
        return jdbc.queryForList(
                "select sequence, subject_type, subject, event, actor, occurred_at, from_place, to_place,"
                        + " reason, previous_hash, entry_hash from custody_entry where institution_id = :institution"
                        + " order by sequence",
                new MapSqlParameterSource("institution", institutionId));
    }

    /** The events of a paper file or box, oldest first, in every chain it went through. */
    @Transactional(readOnly = true)
    public List<CustodyEntry> entriesOf(CustodySubject type, String subject) {
        return jdbc.query(
                "select * from custody_entry where subject_type = :type and subject = :subject"
                        + " order by occurred_at, id",
                new MapSqlParameterSource("type", type.name()).addValue("subject", subject),
                (rs, n) -> entry(rs));
    }

    /**
     * Where the ledger says a thing is now: the {@code to} of its last placing event, empty when it
     * is checked out, disposed of, or was never received.
     */
    @Transactional(readOnly = true)
    public Optional<String> currentPlace(CustodySubject type, String subject) {
        List<CustodyEntry> entries = entriesOf(type, subject);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        CustodyEntry last = entries.get(entries.size() - 1);
        return last.event().places() ? Optional.ofNullable(last.to()) : Optional.empty();
    }

    /** The answer of a verification: entries walked, whether every chain holds, and the first entry that does not. */
    public record Verification(long entries, boolean valid, BrokenEntry firstBrokenEntry) {}

    public record BrokenEntry(long id, long institutionId, long sequence, String reason) {}

    /**
     * Walks every institution's chain in order: each entry's hash recomputed from its fields, its
     * link to the entry before, no sequence number missing or repeated, and the chain's head at
     * its last entry. Streams the table, so a million entries take memory for one.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        long[] count = {0};
        BrokenEntry[] broken = {null};
        long[] institution = {-1};
        long[] expected = {0};
        String[] previous = {EntryHash.GENESIS};
        Set<Long> chains = new HashSet<>();
        streaming.query(
                "select * from custody_entry order by institution_id, sequence",
                new MapSqlParameterSource(),
                (ResultSet rs) -> {
                    CustodyEntry e = entry(rs);
                    count[0]++;
                    if (broken[0] != null) {
                        return;
                    }
                    if (e.institutionId() != institution[0]) {
                        if (institution[0] >= 0) {
                            broken[0] = headMismatch(institution[0], expected[0], previous[0]);
                        }
                        institution[0] = e.institutionId();
                        chains.add(e.institutionId());
                        expected[0] = 0;
                        previous[0] = EntryHash.GENESIS;
                    }
                    if (broken[0] != null) {
                        return;
                    }
                    expected[0]++;
                    if (e.sequence() != expected[0]) {
                        broken[0] = new BrokenEntry(
                                e.id(),
                                e.institutionId(),
                                e.sequence(),
                                "sequence " + e.sequence() + " where " + expected[0]
                                        + " was due: an entry is missing or repeated before it");
                    } else if (!e.previousHash().equals(previous[0])) {
                        broken[0] = new BrokenEntry(
                                e.id(),
                                e.institutionId(),
                                e.sequence(),
                                "its previous-entry hash does not match the entry before it");
                    } else if (!EntryHash.of(e).equals(e.hash())) {
                        broken[0] = new BrokenEntry(
                                e.id(),
                                e.institutionId(),
                                e.sequence(),
                                "its content does not match its hash: it was changed after it was written");
                    }
                    previous[0] = e.hash();
                });
        if (broken[0] == null && institution[0] >= 0) {
            broken[0] = headMismatch(institution[0], expected[0], previous[0]);
        }
        if (broken[0] == null) {
            broken[0] = jdbc
                    .query(
                            "select institution_id, sequence from custody_head where sequence > 0"
                                    + " order by institution_id",
                            new MapSqlParameterSource(),
                            (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .stream()
                    .filter(h -> !chains.contains(h[0]))
                    .findFirst()
                    .map(h -> new BrokenEntry(
                            0,
                            h[0],
                            h[1],
                            "the head says sequence " + h[1] + " but the chain has no entries: they were removed"))
                    .orElse(null);
        }
        return new Verification(count[0], broken[0] == null, broken[0]);
    }

    /** The chain's head must name its last entry: else entries at the end were removed. */
    private BrokenEntry headMismatch(long institutionId, long lastSequence, String lastHash) {
        List<Object[]> head = jdbc.query(
                "select sequence, entry_hash from custody_head where institution_id = :i",
                new MapSqlParameterSource("i", institutionId),
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        if (head.isEmpty() || (Long) head.get(0)[0] != lastSequence || !lastHash.equals(head.get(0)[1])) {
            return new BrokenEntry(
                    0,
                    institutionId,
                    lastSequence,
                    "the chain ends at sequence " + lastSequence + " but its head says "
                            + (head.isEmpty() ? "nothing" : head.get(0)[0]) + ": entries at its end were removed");
        }
        return null;
    }

    private static CustodyEntry entry(ResultSet rs) throws SQLException {
        return new CustodyEntry(
                rs.getLong("id"),
                rs.getLong("institution_id"),
                rs.getLong("sequence"),
                CustodySubject.valueOf(rs.getString("subject_type")),
                rs.getString("subject"),
                CustodyEvent.valueOf(rs.getString("event")),
                rs.getString("actor"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("from_place"),
                rs.getString("to_place"),
                rs.getString("reason"),
                rs.getString("previous_hash"),
                rs.getString("entry_hash"));
    }
}
