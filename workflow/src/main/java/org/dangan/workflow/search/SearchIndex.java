package org.dangan.workflow.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.document.ArchivedPages;
import org.dangan.workflow.document.DocumentArchived;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RecordCorrected;
import org.dangan.workflow.registry.RecordsMerged;
import org.dangan.workflow.registry.RecordsTransferred;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the index in step with the database. An archived document leaves a row in the outbox in
 * the transaction that archived it; the outbox is drained into the index every few seconds, and
 * a row goes only once the index holds the change, so a crash loses no update (a change applied
 * twice is the same change). The index is derived data: missing or unreadable, it is rebuilt from
 * the database in the background at start, and an administrator can rebuild it at any time; the
 * rebuild and the draining take turns, so nothing that happens during a rebuild is lost either.
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final SearchBackend backend;
    private final ArchivedPages archived;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final ReentrantLock turns = new ReentrantLock();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile Future<Void> background = CompletableFuture.completedFuture(null);
    private final AtomicLong rebuildDone = new AtomicLong();
    private final AtomicLong rebuildTotal = new AtomicLong();

    SearchIndex(
            SearchBackend backend,
            ArchivedPages archived,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            AuditLog auditLog) {
        this.auditLog = auditLog;
        this.backend = backend;
        this.archived = archived;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(DocumentArchived event) {
        jdbc.update(
                "insert into search_outbox (document_id, created_at) values (:id, :at)",
                new MapSqlParameterSource("id", event.documentId()).addValue("at", Timestamp.from(clock.instant())));
    }

    @Scheduled(
            initialDelayString = "${dangan.search.outbox-delay:PT5S}",
            fixedDelayString = "${dangan.search.outbox-poll:PT2S}")
    void drainOnSchedule() {
        if (rebuilding.get()) {
            return; // the outbox waits for the rebuild
        }
        drain();
    }

    /** A corrected name or record is searched by its new values: its documents are indexed again. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RecordCorrected event) {
        if (event.fields().contains("name")) {
            for (Long document : archived.documentsOf(event.recordId())) {
                on(new DocumentArchived(document));
            }
        }
    }

    /**
     * A merged duplicate's documents are found under the survivor's number and institution once the
     * outbox is drained. The document module moves them on the same event, before or after this
     * listener: both records' documents are queued, so the moved ones are whichever ran first.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RecordsMerged event) {
        Set<Long> documents = new LinkedHashSet<>(archived.documentsOf(event.survivorId()));
        documents.addAll(archived.documentsOf(event.duplicateId()));
        for (Long document : documents) {
            on(new DocumentArchived(document));
        }
    }

    /** Moved records' documents are found under their new institution once the outbox is drained. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RecordsTransferred event) {
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.batchUpdate(
                "insert into search_outbox (document_id, created_at) values (:id, :at)",
                archived.documentsOfRecords(event.recordIds()).stream()
                        .map(id -> new MapSqlParameterSource("id", id).addValue("at", at))
                        .toArray(MapSqlParameterSource[]::new));
    }

    /** Applies what the outbox holds (after a running rebuild); answers how many documents it brought up to date. */
    public int drain() {
        turns.lock();
        try {
            int documents = 0;
            while (true) {
                List<long[]> rows = jdbc.query(
                        "select id, document_id from search_outbox order by id limit 200",
                        new MapSqlParameterSource(),
                        (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
                if (rows.isEmpty()) {
                    return documents;
                }
                Set<Long> ids = new LinkedHashSet<>();
                List<Long> outbox = new ArrayList<>();
                rows.forEach(r -> {
                    outbox.add(r[0]);
                    ids.add(r[1]);
                });
                backend.replace(ids, archived.of(ids));
                jdbc.update("delete from search_outbox where id in (:ids)", new MapSqlParameterSource("ids", outbox));
                documents += ids.size();
            }
        } finally {
            turns.unlock();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildWhenMissing() {
        if (backend.needsRebuild()) {
            log.info("search index: missing or unreadable, rebuilding it from the database in the background");
            rebuildInBackground();
        }
    }

    /** A rebuild an administrator asks for: started unless one runs, and recorded in the audit log. */
    @Transactional
    public boolean requestRebuild() {
        boolean started = rebuildInBackground();
        if (started) {
            auditLog.record(AuditAction.SEARCH_INDEX_REBUILD, "SEARCH_INDEX", null, null, "started");
        }
        return started;
    }

    /** Starts a rebuild unless one runs; answers whether it started. */
    public boolean rebuildInBackground() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        background = done;
        Thread thread = new Thread(
                () -> {
                    try {
                        build(line -> log.info(line));
                        done.complete(null);
                    } catch (RuntimeException | Error e) {
                        log.error("search index: the rebuild failed", e);
                        done.completeExceptionally(e);
                    }
                },
                "search-index-rebuild");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** The latest rebuild started in the background (completed when none ever was): to wait for it. */
    public Future<Void> backgroundRebuild() {
        return background;
    }

    /** Builds a new index from every archived page, then puts it in place of the old one. */
    public void rebuild() {
        rebuild(line -> log.info(line));
    }

    /** As {@link #rebuild()}, telling {@code progress} how far it got every twentieth of the way. */
    public void rebuild(Consumer<String> progress) {
        if (!rebuilding.compareAndSet(false, true)) {
            throw Refused.of("search.rebuilding");
        }
        build(progress);
    }

    private void build(Consumer<String> progress) {
        turns.lock();
        long start = System.nanoTime();
        try (SearchBackend.Rebuild rebuild = backend.rebuild()) {
            rebuildDone.set(0);
            rebuildTotal.set(archived.countArchived());
            long[] reported = {0};
            archived.forEach(pages -> {
                rebuild.add(pages);
                long done = rebuildDone.addAndGet(pages.stream()
                        .map(ArchivedPages.ArchivedPage::documentId)
                        .distinct()
                        .count());
                if (done - reported[0] >= Math.max(500, rebuildTotal.get() / 20) || done == rebuildTotal.get()) {
                    reported[0] = done;
                    progress.accept("search index: rebuilt " + done + " of " + rebuildTotal.get() + " documents");
                }
            });
            rebuild.complete();
            progress.accept("search index: rebuilt, " + rebuildDone.get() + " documents, " + backend.pages()
                    + " pages in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
        } finally {
            turns.unlock();
            rebuilding.set(false);
        }
    }

    public record Status(
            String backend, long pages, long waiting, boolean rebuilding, long rebuildDone, long rebuildTotal) {}

    public Status status() {
        Long waiting =
                jdbc.queryForObject("select count(*) from search_outbox", new MapSqlParameterSource(), Long.class);
        return new Status(
                backend.name(),
                backend.pages(),
                waiting == null ? 0 : waiting,
                rebuilding.get(),
                rebuildDone.get(),
                rebuildTotal.get());
    }

    SearchResult search(SearchRequest request) {
        return backend.search(request);
    }
}
