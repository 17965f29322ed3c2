package org.dangan.workflow.resident;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditHash;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordBatches.ResidentContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One-time codes sent by SMS: six digits from SecureRandom, valid five minutes, used once, dead
 * after five wrong attempts, at most three sent an hour per record (ID number) and per client
 * address. Only {@code resident_code}'s salted SHA-256 of a code is stored.
 *
 * <p>A request for a code answers the same, in the same time, whatever it asked: the request thread
 * looks the ID number up and does the hashing for a known and an unknown pair alike; deciding
 * whether to send (the pair, the limits), storing and sending happen afterwards on a thread of
 * their own, so neither the gateway's time nor a limit shows in the answer. That thread is single:
 * the limits are counted and the code stored one request at a time.
 */
@Service
public class ResidentCodes {

    static final Duration VALID = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    /** Requests (not codes sent, which are three an hour) one address may make in ten minutes. */
    static final int MAX_REQUESTS_PER_ADDRESS = 30;

    static final int MAX_PER_HOUR = 3;
    static final String NOBODY = "resident:unknown";

    private static final Logger log = LoggerFactory.getLogger(ResidentCodes.class);

    private final JdbcTemplate jdbc;
    private final RecordBatches records;
    private final ResidentSettings settings;
    private final SmsSender sms;
    private final AuditLog audit;
    private final AuditHash hashes;
    private final Clock clock;
    private final AddressWindow requests;
    private final ExecutorService issuing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "resident-codes");
        t.setDaemon(true);
        return t;
    });

    ResidentCodes(
            JdbcTemplate jdbc,
            RecordBatches records,
            ResidentSettings settings,
            SmsSender sms,
            AuditLog audit,
            AuditHash hashes,
            Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.settings = settings;
        this.sms = sms;
        this.audit = audit;
        this.hashes = hashes;
        this.clock = clock;
        this.requests = new AddressWindow(MAX_REQUESTS_PER_ADDRESS, Duration.ofMinutes(10), clock);
    }

    void sweepAddresses() {
        requests.sweep();
    }

    /** An ID number as stored: upper case (the X), no spaces; anything else is no ID number of ours. */
    static String idNumber(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    }

    /** The records of this ID number whose resident may sign in now (living, in the pilot). */
    List<ResidentContact> admitted(String idNumber) {
        return admitted(contacts(idNumber));
    }

    private List<ResidentContact> admitted(List<ResidentContact> contacts) {
        return contacts.stream()
                .filter(c -> settings.admits(c.institutionId(), c.status(), c.keyPopulations()))
                .toList();
    }

    private List<ResidentContact> contacts(String idNumber) {
        String id = idNumber(idNumber);
        // the same query for a malformed number as for a real one: it must not answer faster
        return records.contactsByIdNumber(id.length() == 18 ? id : "");
    }

    /**
     * Asks for a sign-in code for the pair; nothing tells the caller whether one was sent. The code
     * goes to the phone on file, never to one the request names: the typed phone only has to match.
     * On the request's thread only the one lookup and the hashing, alike for every pair; whether the
     * record is in the pilot (which asks the institution tree) is decided afterwards with the rest.
     */
    public void request(String idNumber, String phone, String clientAddress) {
        // before any lookup, and alike for every pair: a flood from one address is turned away cheaply
        if (!requests.count(clientAddress)) {
            throw Refused.tooManyRequests("resident.codes.tooMany");
        }
        List<ResidentContact> contacts = contacts(idNumber);
        String code = CodeHash.sixDigits();
        String salt = CodeHash.salt();
        String hash = CodeHash.sha256(salt, CodePurpose.SIGN_IN.name(), code);
        String typedPhone = phone == null ? "" : phone.strip();
        String claimed = idNumber(idNumber);
        issuing.execute(() -> {
            try {
                List<ResidentContact> admitted = admitted(contacts);
                List<ResidentContact> matching = admitted.stream()
                        .filter(c -> c.phone() != null
                                && !typedPhone.isEmpty()
                                && c.phone().strip().equals(typedPhone))
                        .toList();
                issue(
                        matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty(),
                        code,
                        salt,
                        hash,
                        clientAddress,
                        claimed,
                        admitted.isEmpty() ? null : admitted.get(0).recordNumber(),
                        matching.size());
            } catch (RuntimeException e) {
                log.warn("resident sign-in code not issued: {}", e.getClass().getSimpleName());
            }
        });
    }

    private void issue(
            Optional<ResidentContact> to,
            String code,
            String salt,
            String hash,
            String clientAddress,
            String claimedId,
            String askedRecord,
            int found) {
        if (to.isEmpty()) {
            // the ID number's keyed hash only; a record whose phone did not match is named, so its
            // health centre can see someone tried
            audit.recordApartAs(
                    askedRecord == null ? NOBODY : "resident:" + askedRecord,
                    AuditAction.RESIDENT_CODE_REQUESTED,
                    askedRecord == null ? "ID_NUMBER" : "RECORD",
                    askedRecord == null ? hashes.ofIdNumber(claimedId) : askedRecord,
                    null,
                    found > 1 ? "not sent: more than one record matches" : "not sent: no record with this phone");
            return;
        }
        ResidentContact record = to.get();
        Instant now = clock.instant();
        Timestamp hourAgo = Timestamp.from(now.minus(Duration.ofHours(1)));
        int forRecord = count(
                "select count(*) from resident_code where record_id = ? and purpose = ? and created_at > ?",
                record.id(),
                CodePurpose.SIGN_IN.name(),
                hourAgo);
        int fromAddress = count(
                "select count(*) from resident_code where client_address = ? and created_at > ?",
                clientAddress,
                hourAgo);
        if (forRecord >= MAX_PER_HOUR || fromAddress >= MAX_PER_HOUR) {
            audited(
                    record,
                    "not sent: "
                            + (forRecord >= MAX_PER_HOUR
                                    ? forRecord + " codes for this record"
                                    : fromAddress + " codes from this address")
                            + " in the last hour");
            return;
        }
        store(record.id(), CodePurpose.SIGN_IN, salt, hash, clientAddress, now);
        audited(record, "sent: code " + (forRecord + 1) + " of " + MAX_PER_HOUR + " this hour");
        sms.send(record.phone(), SmsSender.Kind.SIGN_IN_CODE, Map.of("code", code));
    }

    /** A code asked for this record, with how many were sent this hour: never the phone, never the code. */
    private void audited(ResidentContact record, String detail) {
        audit.recordApartAs(
                "resident:" + record.recordNumber(),
                AuditAction.RESIDENT_CODE_REQUESTED,
                "RECORD",
                record.recordNumber(),
                record.institutionId(),
                detail);
    }

    /** Stores a new code; the record's earlier live codes of the purpose die with it, so one code is live at a time. */
    void store(long recordId, CodePurpose purpose, String salt, String hash, String clientAddress, Instant now) {
        jdbc.update(
                "update resident_code set used = true where record_id = ? and purpose = ? and used = false",
                recordId,
                purpose.name());
        jdbc.update(
                """
                insert into resident_code (record_id, purpose, salt, code_hash, created_at, expires_at, attempts, used,
                  client_address) values (?, ?, ?, ?, ?, ?, 0, false, ?)""",
                recordId,
                purpose.name(),
                salt,
                hash,
                Timestamp.from(now),
                Timestamp.from(now.plus(VALID)),
                clientAddress);
    }

    /** What checking a code came to. */
    public enum Check {
        ACCEPTED,
        WRONG,
        /** No live code: none sent, expired, used, or five wrong attempts. */
        NONE
    }

    /**
     * Checks a code against the live one of these records: a match uses it up, a miss counts an
     * attempt. The hashing is done whether or not there is a live code.
     */
    public CodeCheck check(List<Long> recordIds, CodePurpose purpose, String typed) {
        Timestamp now = Timestamp.from(clock.instant());
        List<LiveCode> live = recordIds.isEmpty()
                ? List.of()
                : jdbc.query(
                        "select id, record_id, salt, code_hash, attempts from resident_code where record_id in ("
                                + String.join(
                                        ",", recordIds.stream().map(id -> "?").toList())
                                + ") and purpose = ? and used = false and attempts < ? and expires_at > ?"
                                + " order by id desc",
                        (rs, n) -> new LiveCode(
                                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                        params(recordIds, purpose.name(), MAX_ATTEMPTS, now));
        LiveCode code = live.isEmpty() ? null : live.get(0);
        String text = typed == null ? "" : typed.strip();
        String hash = CodeHash.sha256(code == null ? CodeHash.salt() : code.salt(), purpose.name(), text);
        if (code == null) {
            return new CodeCheck(Check.NONE, null, 0);
        }
        // the attempt is claimed before the comparison, in one conditional update: requests sent at
        // once cannot compare more than five guesses against one code
        int claimed = jdbc.update(
                "update resident_code set attempts = attempts + 1 where id = ? and used = false and attempts < ?",
                code.id(),
                MAX_ATTEMPTS);
        if (claimed == 0) {
            return new CodeCheck(Check.NONE, null, 0);
        }
        if (text.matches("\\d{6}") && CodeHash.same(hash, code.hash())) {
            // conditional: of two requests with the same code, one wins
            int won = jdbc.update("update resident_code set used = true where id = ? and used = false", code.id());
            return won == 1
                    ? new CodeCheck(Check.ACCEPTED, code.recordId(), code.attempts())
                    : new CodeCheck(Check.NONE, null, 0);
        }
        return new CodeCheck(Check.WRONG, code.recordId(), code.attempts() + 1);
    }

    /** The outcome, the record whose code it was, and the wrong attempts on that code so far. */
    public record CodeCheck(Check result, Long recordId, int attempts) {}

    private record LiveCode(long id, long recordId, String salt, String hash, int attempts) {}

    private static Object[] params(List<Long> ids, Object... rest) {
        Object[] all = new Object[ids.size() + rest.length];
        for (int i = 0; i < ids.size(); i++) {
            all[i] = ids.get(i);
        }
        System.arraycopy(rest, 0, all, ids.size(), rest.length);
        return all;
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    /** Drops codes older than a day: the hourly limits look back one hour. */
    int sweep() {
        return jdbc.update(
                "delete from resident_code where created_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
    }

    /** Waits until every code asked for so far is stored and sent (or not): for tests and an orderly stop. */
    public void settle() {
        try {
            issuing.submit(() -> {}).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        issuing.shutdownNow();
    }
}
