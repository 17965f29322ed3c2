package org.dangan.workflow.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes files of the store that nothing refers to: a searchable PDF written by a recognition job
 * that crashed before it committed, the recognised PDF replaced after a review, a temporary file
 * of an interrupted upload. Only files older than the grace period are taken, longer than a job
 * may hold its lock, so a file whose transaction is still running is never one of them. The
 * original of a document that failed as unreadable is no longer referred to: nothing reads it
 * again, and a 900 MB scan that can never be read must not stay for ever. Every
 * column that refers to the store must be named here ({@link #referenced}, {@link #referencedHashes},
 * {@link #documentsReferring}): the fixity audit asks this class too.
 */
@Component
public class UnreferencedFiles {

    private static final Logger log = LoggerFactory.getLogger(UnreferencedFiles.class);

    private final FileStore store;
    private final NamedParameterJdbcTemplate jdbc;
    private final Duration grace;
    private final Clock clock;

    UnreferencedFiles(
            FileStore store,
            NamedParameterJdbcTemplate jdbc,
            @Value("${dangan.files.unreferenced-grace:PT2H}") Duration grace,
            Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.grace = grace;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${dangan.files.unreferenced-sweep-delay:PT10M}",
            fixedDelayString = "${dangan.files.unreferenced-sweep:PT6H}")
    public void sweep() {
        int removed = collect(grace);
        if (removed > 0) {
            log.info("file store: removed {} unreferenced files older than {}", removed, grace);
        }
    }

    /** Removes unreferenced files older than {@code olderThan}; answers how many. */
    public int collect(Duration olderThan) {
        Instant before = clock.instant().minus(olderThan);
        int removed = 0;
        List<Path> candidates = new ArrayList<>();
        for (Path file : files(store.root().resolve("tmp"))) {
            if (olderThan(file, before) && delete(file)) {
                removed++;
            }
        }
        for (Path file : files(store.root().resolve("sha256"))) {
            if (file.getFileName().toString().matches("[0-9a-f]{64}") && olderThan(file, before)) {
                candidates.add(file);
            }
        }
        for (int from = 0; from < candidates.size(); from += 500) {
            List<Path> chunk = candidates.subList(from, Math.min(candidates.size(), from + 500));
            Set<String> referenced = referenced(
                    chunk.stream().map(p -> p.getFileName().toString()).toList());
            for (Path file : chunk) {
                String hash = file.getFileName().toString();
                // looked at again: stored anew since it was listed means a transaction may be about to refer to it
                if (!referenced.contains(hash) && olderThan(file, before) && delete(file)) {
                    log.info("file store: removed unreferenced file {}", hash);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Removes the original of a document that failed as unreadable, once that has committed, unless
     * another document refers to the same content or it was stored again since {@code storedAt} (an
     * upload about to refer to it); the sweep takes it otherwise.
     */
    void removeOriginalOfFailed(String sha256, FileTime storedAt) {
        Path file = store.path(sha256);
        if (storedAt == null || !referenced(List.of(sha256)).isEmpty()) {
            return;
        }
        try {
            if (Files.getLastModifiedTime(file).equals(storedAt) && delete(file)) {
                log.info("file store: removed the original {} of an unreadable document", sha256);
            }
        } catch (IOException e) {
            // gone already
        }
    }

    /** Every file the database refers to, by its SHA-256 (what a fixity audit must find). */
    public Set<String> referencedHashes() {
        Set<String> all = new HashSet<>(jdbc.queryForList(
                "select original_sha256 from scanned_document" + " where state <> 'FAILED'",
                new MapSqlParameterSource(),
                String.class));
        all.addAll(jdbc.queryForList(
                "select pdf_sha256 from scanned_document where pdf_sha256 is not null",
                new MapSqlParameterSource(),
                String.class));
        return all;
    }

    /** The documents that refer to a stored file. */
    public List<Long> documentsReferring(String sha256) {
        return jdbc.queryForList(
                "select id from scanned_document where original_sha256 = :hash or pdf_sha256 = :hash" + " order by id",
                new MapSqlParameterSource("hash", sha256),
                Long.class);
    }

    private Set<String> referenced(List<String> hashes) {
        MapSqlParameterSource in = new MapSqlParameterSource("hashes", hashes);
        Set<String> found = new HashSet<>(jdbc.queryForList(
                "select original_sha256 from scanned_document where original_sha256 in (:hashes) and state <> 'FAILED'",
                in,
                String.class));
        found.addAll(jdbc.queryForList(
                "select pdf_sha256 from scanned_document where pdf_sha256 in (:hashes)", in, String.class));
        return found;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean olderThan(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException e) {
            return false; // gone already
        }
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("file store: cannot remove {}: {}", file.getFileName(), e.getMessage());
            return false;
        }
    }
}
