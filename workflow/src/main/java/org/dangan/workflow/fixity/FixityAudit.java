package org.dangan.workflow.fixity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.document.FileStore;
import org.dangan.workflow.document.UnreferencedFiles;
import org.dangan.workflow.platform.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Re-hashes every file of the store, and looks for every file the database refers to, at a
 * bounded rate; writes one event per file (time, algorithm, expected, found, outcome). A file that
 * reads differently from its name, or that the database refers to and is gone, is an alarm: an
 * ERROR line in the log (naming the file by its hash, never its content), the metric
 * {@code dangan.fixity.failures}, and the operations screen. It stays an alarm until an audit
 * finds the file good again.
 */
@Service
public class FixityAudit {

    private static final Logger log = LoggerFactory.getLogger(FixityAudit.class);
    static final String ALGORITHM = "SHA-256";

    private final FileStore store;
    private final UnreferencedFiles storedFiles;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Throttle throttle;
    private final String node;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong failing = new AtomicLong();

    FixityAudit(
            FileStore store,
            UnreferencedFiles storedFiles,
            JdbcTemplate jdbc,
            AuditLog auditLog,
            Clock clock,
            MeterRegistry meters,
            @Value("${dangan.fixity.bytes-per-second:20971520}") long bytesPerSecond,
            @Value("${dangan.node-name:${HOSTNAME:node}}") String node) {
        this.store = store;
        this.storedFiles = storedFiles;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.throttle = new Throttle(bytesPerSecond);
        this.node = node.isBlank() ? "node" : node;
        Gauge.builder("dangan.fixity.failures", failing, AtomicLong::get)
                .description("stored files whose latest fixity check found them changed or missing")
                .register(meters);
    }

    public enum Outcome {
        OK,
        MISMATCH,
        MISSING
    }

    /** A file whose latest check failed, with the documents that refer to it. */
    public record Failure(String sha256, Outcome outcome, String found, Instant checkedAt, List<Long> documents) {}

    public record Run(long id, Instant startedAt, Instant finishedAt, long files, long failures) {}

    public record Status(boolean running, long done, long total, long failing) {}

    @EventListener(ApplicationReadyEvent.class)
    void countFailures() {
        failing.set(failures().size());
    }

    @Scheduled(cron = "${dangan.fixity.cron:0 0 1 * * SUN}", zone = "${dangan.fixity.zone:Asia/Shanghai}")
    void onSchedule() {
        // on a cluster every node's scheduler fires: the first to claim the day's run does it
        Integer recent = jdbc.queryForObject(
                "select count(*) from fixity_run where started_at > ?",
                Integer.class,
                Timestamp.from(clock.instant().minusSeconds(3600)));
        if (recent != null && recent > 0) {
            return;
        }
        run("system", line -> log.info(line));
    }

    public Status status() {
        return new Status(running.get(), done.get(), total.get(), failing.get());
    }

    /** Starts an audit unless one runs in this node; answers whether it started. */
    public boolean runInBackground(String startedBy) {
        if (running.get()) {
            return false;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        run(startedBy, line -> log.info(line));
                    } catch (IllegalStateException e) {
                        log.info("fixity: {}", e.getMessage());
                    }
                },
                "fixity-audit");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** One audit of every file; answers the run with its number of failures. */
    public Run run(String startedBy, Consumer<String> progress) {
        if (!running.compareAndSet(false, true)) {
            throw Refused.of("fixity.running");
        }
        try {
            return audit(startedBy, progress);
        } finally {
            running.set(false);
        }
    }

    private Run audit(String startedBy, Consumer<String> progress) {
        Instant started = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var insert = c.prepareStatement(
                            "insert into fixity_run (started_at, started_by, node, files, failures)"
                                    + " values (?, ?, ?, 0, 0)",
                            new String[] {"id"});
                    insert.setTimestamp(1, Timestamp.from(started));
                    insert.setString(2, startedBy);
                    insert.setString(3, node);
                    return insert;
                },
                key);
        long runId = key.getKey().longValue();

        Set<String> referenced = storedFiles.referencedHashes();
        Set<String> files = new TreeSet<>(referenced);
        Path sha256 = store.root().resolve("sha256");
        if (Files.isDirectory(sha256)) {
            try (Stream<Path> walk = Files.walk(sha256)) {
                walk.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("[0-9a-f]{64}"))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the file store " + sha256, e);
            }
        }
        done.set(0);
        total.set(files.size());
        long failures = 0;
        long bytes = 0;
        long start = System.nanoTime();
        List<Object[]> events = new ArrayList<>();
        for (String expected : files) {
            Path file = store.path(expected);
            String found = null;
            Outcome outcome;
            try {
                found = hash(file, bytes, start);
                bytes += Files.size(file);
                outcome = found.equals(expected) ? Outcome.OK : Outcome.MISMATCH;
            } catch (NoSuchFileException e) {
                outcome = Outcome.MISSING;
            } catch (IOException e) {
                outcome = Outcome.MISSING;
                log.error("fixity: file {} cannot be read: {}", expected, e.getMessage());
            }
            if (outcome == Outcome.MISSING && !referenced.contains(expected)) {
                done.incrementAndGet();
                continue; // an unreferenced file swept away while the audit ran: nothing lost
            }
            if (outcome != Outcome.OK) {
                failures++;
                log.error(
                        "fixity: ALARM file {} {} (expected {} {}, found {})",
                        expected,
                        outcome,
                        ALGORITHM,
                        expected,
                        found == null ? "nothing" : found);
            }
            events.add(
                    new Object[] {runId, Timestamp.from(clock.instant()), ALGORITHM, expected, found, outcome.name()});
            if (events.size() == 500) {
                write(events);
            }
            long d = done.incrementAndGet();
            if (d % Math.max(1, files.size() / 20) == 0 || d == files.size()) {
                progress.accept("fixity: checked " + d + " of " + files.size() + " files, " + failures + " failures");
            }
        }
        write(events);
        Instant finished = clock.instant();
        jdbc.update(
                "update fixity_run set finished_at = ?, files = ?, failures = ? where id = ?",
                Timestamp.from(finished),
                files.size(),
                failures,
                runId);
        failing.set(failures().size());
        auditLog.record(
                AuditAction.FIXITY_AUDIT,
                "FIXITY_RUN",
                Long.toString(runId),
                null,
                files.size() + " files, " + failures + " failures");
        progress.accept("fixity: " + files.size() + " files checked, " + failures + " failures");
        return new Run(runId, started, finished, files.size(), failures);
    }

    private void write(List<Object[]> events) {
        if (!events.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into fixity_event (run_id, checked_at, algorithm, expected, found, outcome)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    events);
            events.clear();
        }
    }

    private String hash(Path file, long readBefore, long start) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        long read = readBefore;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                read += n;
                long pause = throttle.pauseNanos(read, System.nanoTime() - start);
                if (pause > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(pause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("fixity audit interrupted", e);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Files whose latest check found them changed or missing: the alarm. */
    public List<Failure> failures() {
        return jdbc.query(
                """
                select e.expected, e.outcome, e.found, e.checked_at from fixity_event e
                where e.id in (select max(id) from fixity_event group by expected) and e.outcome <> 'OK'
                order by e.expected""",
                (rs, n) -> new Failure(
                        rs.getString(1),
                        Outcome.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        storedFiles.documentsReferring(rs.getString(1))));
    }

    /** The latest runs, newest first. */
    public List<Run> runs(int max) {
        return jdbc.query(
                "select id, started_at, finished_at, files, failures from fixity_run order by id desc limit ?",
                (rs, n) -> new Run(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getLong(4),
                        rs.getLong(5)),
                max);
    }
}
