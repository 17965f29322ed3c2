package org.dangan.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** For tests of two writers at once: the moment the second one waits for the first one's lock. */
public final class LockWaits {

    private LockWaits() {}

    /** Until the database reports a session blocked by another's lock (the second writer waiting for the first). */
    public static void awaitASessionWaitingForALock(JdbcTemplate jdbc) {
        String blocked = isPostgres(jdbc)
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                : "select count(*) from information_schema.sessions where blocker_id is not null";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jdbc.queryForObject(blocked, Integer.class) == 0) {
            assertThat(System.nanoTime())
                    .as("a session waiting for a lock within 60 s")
                    .isLessThan(deadline);
            LockSupport.parkNanos(5_000_000);
        }
    }

    /**
     * Until another session is running a statement that starts with {@code statementStart}, or
     * {@code writer} has finished. H2 does not name the session a uniqueness check waits for, so a
     * test waits for the statement instead: past that point the other writer can only meet a row
     * committed after its check.
     */
    public static void awaitASessionRunning(JdbcTemplate jdbc, String statementStart, Future<?> writer) {
        String running = isPostgres(jdbc)
                ? "select count(*) from pg_stat_activity where state = 'active' and datname = current_database()"
                        + " and lower(query) like ?"
                : "select count(*) from information_schema.sessions where lower(executing_statement) like ?";
        String like = statementStart.toLowerCase(Locale.ROOT) + "%";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jdbc.queryForObject(running, Integer.class, like) == 0 && !writer.isDone()) {
            assertThat(System.nanoTime())
                    .as("a session running %s within 60 s", statementStart)
                    .isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }

    /**
     * A write in a transaction of its own thread, left uncommitted until {@link #commit()}: what a
     * second writer meets while the first has not finished. Closing it lets the first commit and
     * stops both threads.
     */
    public static final class Uncommitted implements AutoCloseable {
        private final CountDownLatch written = new CountDownLatch(1);
        private final CountDownLatch commit = new CountDownLatch(1);
        private final ExecutorService pool = Executors.newFixedThreadPool(2);
        private final Future<?> writer;

        private Uncommitted(PlatformTransactionManager transactions, Runnable write) {
            writer = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                write.run();
                written.countDown();
                try {
                    commit.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }

        /** Returns once {@code write} has run, its transaction still open. */
        public static Uncommitted write(PlatformTransactionManager transactions, Runnable write)
                throws InterruptedException {
            Uncommitted uncommitted = new Uncommitted(transactions, write);
            assertThat(uncommitted.written.await(60, TimeUnit.SECONDS))
                    .as("the first write within 60 s")
                    .isTrue();
            return uncommitted;
        }

        /** The second writer, on a thread of its own while the first write is uncommitted. */
        public <T> Future<T> meanwhile(Callable<T> second) {
            return pool.submit(second);
        }

        /** Commits the first write and waits until it has. */
        public void commit() throws Exception {
            commit.countDown();
            writer.get(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    public static boolean isPostgres(JdbcTemplate jdbc) {
        return jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName())
                .toLowerCase()
                .contains("postgres");
    }
}
