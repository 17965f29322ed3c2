package org.dangan.workflow.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.document.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Takes backups while the application runs: first the database (one consistent export), then the
 * file store's files not yet in the backup directory, then received bags, a description and the
 * manifest. The database comes first so that every file it refers to is already stored when the
 * files are copied; files stored later are harmless extras. One backup at a time.
 */
@Service
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DatabaseDump.Jdbc jdbc;
    private final FileStore store;
    private final Path home;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String scheduledDirectory;
    private final ReentrantLock running = new ReentrantLock();

    Backups(
            DataSourceProperties dataSource,
            FileStore store,
            @Value("${dangan.home}") String home,
            AuditLog auditLog,
            Clock clock,
            @Value("${dangan.backup.directory:}") String scheduledDirectory) {
        this.jdbc = new DatabaseDump.Jdbc(
                dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword());
        this.store = store;
        this.home = Path.of(home);
        this.auditLog = auditLog;
        this.clock = clock;
        this.scheduledDirectory = scheduledDirectory;
    }

    /** A snapshot as listed: its name (the UTC time it was taken), what it holds. */
    public record Snapshot(
            String name, Path directory, String database, long storeFiles, long filesCopied, long bytesCopied) {}

    /** The directory of scheduled backups and the screen's, when configured. */
    public Optional<Path> directory() {
        return scheduledDirectory.isBlank() ? Optional.empty() : Optional.of(Path.of(scheduledDirectory));
    }

    /** Complete snapshots in the directory, newest first. */
    public List<Snapshot> list(Path backupDir) {
        List<Path> newestFirst = new ArrayList<>(Snapshots.complete(backupDir));
        Collections.reverse(newestFirst);
        return newestFirst.stream().map(this::describe).toList();
    }

    @Scheduled(cron = "${dangan.backup.cron:-}", zone = "${dangan.backup.zone:Asia/Shanghai}")
    void onSchedule() {
        Path dir = directory()
                .orElseThrow(() ->
                        new BackupRefusedException("dangan.backup.cron is set but dangan.backup.directory is not"));
        take(dir, p -> log.info("backup: {}", p));
    }

    /** Takes a backup into {@code backupDir}; refused while another one runs. */
    public Snapshot take(Path backupDir, Consumer<BackupProgress> progress) {
        if (!running.tryLock()) {
            throw new BackupRefusedException("a backup is already running");
        }
        try {
            return takeLocked(backupDir, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("backup into " + backupDir + " failed", e);
        } finally {
            running.unlock();
        }
    }

    private Snapshot takeLocked(Path backupDir, Consumer<BackupProgress> progress) throws IOException {
        Instant now = clock.instant();
        String name = NAME.format(now);
        Path partial = backupDir.resolve(Snapshots.SNAPSHOTS).resolve(name + ".partial");
        Path done = partial.resolveSibling(name);
        if (Files.exists(done)) {
            throw new BackupRefusedException("a snapshot " + name + " exists already in " + backupDir);
        }
        Files.createDirectories(partial);
        BackupManifest manifest = new BackupManifest();

        DatabaseDump dump = DatabaseDump.of(jdbc);
        progress.accept(new BackupProgress("database", 0, 1));
        Path dumpFile = partial.resolve(dump.fileName());
        dump.dump(dumpFile);
        manifest.add(Snapshots.relative(backupDir, done.resolve(dump.fileName())), BackupManifest.sha256(dumpFile));
        progress.accept(new BackupProgress("database", 1, 1));

        List<Path> storeFiles = Snapshots.regularFiles(store.root().resolve("sha256")).stream()
                .filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))
                .toList();
        long copied = 0;
        long bytes = 0;
        int step = Math.max(1, storeFiles.size() / 20);
        for (int i = 0; i < storeFiles.size(); i++) {
            Path file = storeFiles.get(i);
            String hash = file.getFileName().toString();
            String relative =
                    Snapshots.FILES + "/" + Snapshots.relative(store.root().resolve("sha256"), file);
            Path target = backupDir.resolve(relative);
            if (!Files.isRegularFile(target) || Files.size(target) != Files.size(file)) {
                String found = Snapshots.copy(file, target);
                if (!found.equals(hash)) {
                    Files.delete(target);
                    // a stored file no longer matching its name is a fixity failure: never back it up as good
                    throw new BackupRefusedException(
                            "file store: " + hash + " reads as " + found + " (changed on disk); run verify-fixity");
                }
                copied++;
                bytes += Files.size(target);
            }
            manifest.add(relative, hash);
            if ((i + 1) % step == 0 || i + 1 == storeFiles.size()) {
                progress.accept(new BackupProgress("files", i + 1, storeFiles.size()));
            }
        }

        Path bags = home.resolve("bags");
        for (Path bag : Snapshots.regularFiles(bags)) {
            Path target = partial.resolve("bags").resolve(Snapshots.relative(bags, bag));
            String hash = Snapshots.copy(bag, target);
            manifest.add(
                    Snapshots.relative(backupDir, done.resolve("bags").resolve(Snapshots.relative(bags, bag))), hash);
        }

        Properties description = new Properties();
        description.setProperty("taken-at", now.toString());
        description.setProperty("database", dump.fileName());
        description.setProperty("store-files", Long.toString(storeFiles.size()));
        description.setProperty("files-copied", Long.toString(copied));
        description.setProperty("bytes-copied", Long.toString(bytes));
        Path descriptionFile = partial.resolve(Snapshots.DESCRIPTION);
        try (Writer out = Files.newBufferedWriter(descriptionFile, StandardCharsets.UTF_8)) {
            description.store(
                    out, "Dang'an backup; check with: sha256sum -c snapshots/" + name + "/" + BackupManifest.FILE_NAME);
        }
        manifest.add(
                Snapshots.relative(backupDir, done.resolve(Snapshots.DESCRIPTION)),
                BackupManifest.sha256(descriptionFile));
        manifest.write(partial.resolve(BackupManifest.FILE_NAME));
        Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);

        auditLog.record(
                AuditAction.BACKUP,
                "BACKUP",
                name,
                null,
                storeFiles.size() + " store files, " + copied + " copied, " + bytes + " bytes");
        log.info(
                "backup: snapshot {} complete, {} store files ({} new, {} bytes)",
                name,
                storeFiles.size(),
                copied,
                bytes);
        return new Snapshot(name, done, dump.fileName(), storeFiles.size(), copied, bytes);
    }

    private Snapshot describe(Path snapshot) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(snapshot.resolve(Snapshots.DESCRIPTION), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return new Snapshot(snapshot.getFileName().toString(), snapshot, "?", 0, 0, 0);
        }
        return new Snapshot(
                snapshot.getFileName().toString(),
                snapshot,
                p.getProperty("database"),
                Long.parseLong(p.getProperty("store-files", "0")),
                Long.parseLong(p.getProperty("files-copied", "0")),
                Long.parseLong(p.getProperty("bytes-copied", "0")));
    }
}
