package org.dangan.workflow.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts a snapshot back into an empty {@code DANGAN_HOME} and an empty database: the manifest is
 * verified first (every file re-hashed), and a backup that does not verify is refused before
 * anything is written. Runs without the application (no engine may work on a half-restored
 * database); the search index is derived data and is rebuilt afterwards by the caller.
 */
final class Restore {

    private final Path home;
    private final DatabaseDump.Jdbc jdbc;

    public Restore(Path home, String jdbcUrl, String username, String password) {
        this.home = home;
        this.jdbc = new DatabaseDump.Jdbc(jdbcUrl, username, password);
    }

    /** What was restored: the snapshot's name and the number of store files put back. */
    public record Restored(String snapshot, long storeFiles, long bags) {}

    public Restored from(Path backupDir, String snapshotName, Consumer<BackupProgress> progress) {
        Path snapshot = Snapshots.pick(backupDir, snapshotName);
        BackupManifest manifest = BackupManifest.read(snapshot.resolve(BackupManifest.FILE_NAME));
        String prefix = Snapshots.relative(backupDir, snapshot) + "/";
        String dumpName = manifest.entries().keySet().stream()
                .filter(p -> p.startsWith(prefix + "database."))
                .map(p -> p.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new BackupRefusedException(snapshot + ": the manifest lists no database export"));

        List<String> problems = manifest.verify(backupDir, line -> progress.accept(new BackupProgress(line, 0, 0)));
        if (!problems.isEmpty()) {
            throw new BackupRefusedException("the backup " + snapshot + " does not verify, nothing restored: "
                    + problems.size() + " problem(s), first " + problems.get(0));
        }
        Path files = home.resolve("files").resolve("sha256");
        if (!Snapshots.regularFiles(files).isEmpty()
                || !Snapshots.regularFiles(home.resolve("bags")).isEmpty()) {
            throw new BackupRefusedException(
                    "DANGAN_HOME " + home + " is not empty (files/ or bags/ hold files); restore into an empty one");
        }
        if (!jdbc.isEmpty()) {
            throw new BackupRefusedException(
                    "the database " + jdbc.url().replaceAll("\\?.*", "") + " is not empty; restore into an empty one");
        }
        DatabaseDump dump = DatabaseDump.of(jdbc);
        if (!dump.fileName().equals(dumpName)) {
            throw new BackupRefusedException(
                    "the snapshot holds " + dumpName + ", the database to restore into takes " + dump.fileName());
        }

        progress.accept(new BackupProgress("database", 0, 1));
        dump.restore(snapshot.resolve(dumpName));
        releaseJobLocks();
        progress.accept(new BackupProgress("database", 1, 1));

        long storeFiles = 0;
        long bags = 0;
        int total = manifest.entries().size();
        int done = 0;
        for (Map.Entry<String, String> entry : manifest.entries().entrySet()) {
            String path = entry.getKey();
            Path target = null;
            if (path.startsWith(Snapshots.FILES + "/")) {
                target = files.resolve(path.substring(Snapshots.FILES.length() + 1));
                storeFiles++;
            } else if (path.startsWith(prefix + "bags/")) {
                target = home.resolve("bags").resolve(path.substring((prefix + "bags/").length()));
                bags++;
            }
            if (target != null
                    && !Snapshots.copy(backupDir.resolve(path), target).equals(entry.getValue())) {
                throw new BackupRefusedException(path + " changed while it was restored");
            }
            if (++done % Math.max(1, total / 20) == 0 || done == total) {
                progress.accept(new BackupProgress("files", done, total));
            }
        }
        return new Restored(snapshot.getFileName().toString(), storeFiles, bags);
    }

    /**
     * The snapshot may hold jobs locked by the node that was running then; no node runs on the
     * restored database yet, so nothing holds them.
     */
    private void releaseJobLocks() {
        try (Connection c = jdbc.open();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ is not null");
        } catch (SQLException e) {
            throw new BackupRefusedException("restored, but the job locks could not be released: " + e.getMessage(), e);
        }
    }
}
