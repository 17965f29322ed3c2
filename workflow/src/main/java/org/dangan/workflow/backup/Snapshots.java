package org.dangan.workflow.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of a backup directory: {@code files/sha256/..} holds the file store's files, copied
 * once and shared by every snapshot (they are named by their hash and never change);
 * {@code snapshots/<UTC time>/} holds one backup's database export, bags, description and
 * manifest. A snapshot is written under {@code <name>.partial} and renamed when complete.
 */
final class Snapshots {

    static final String FILES = "files/sha256";
    static final String SNAPSHOTS = "snapshots";
    static final String DESCRIPTION = "backup.properties";

    private Snapshots() {}

    /** The newest complete snapshot, or the one named. */
    static Path pick(Path backupDir, String name) {
        Path snapshots = backupDir.resolve(SNAPSHOTS);
        if (name != null && !name.isBlank()) {
            Path named = snapshots.resolve(name);
            if (!Files.isRegularFile(named.resolve(BackupManifest.FILE_NAME))) {
                throw new BackupRefusedException("no complete snapshot " + name + " in " + snapshots);
            }
            return named;
        }
        return complete(backupDir).stream()
                .reduce((first, second) -> second)
                .orElseThrow(() -> new BackupRefusedException("no complete snapshot in " + snapshots));
    }

    /** Complete snapshots, oldest first. */
    static List<Path> complete(Path backupDir) {
        Path snapshots = backupDir.resolve(SNAPSHOTS);
        if (!Files.isDirectory(snapshots)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(snapshots)) {
            return list.filter(p -> !p.getFileName().toString().endsWith(".partial"))
                    .filter(p -> Files.isRegularFile(p.resolve(BackupManifest.FILE_NAME)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + snapshots, e);
        }
    }

    static List<Path> regularFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Copies through a temporary name, hashing on the way; answers the copy's SHA-256. */
    static String copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Path temp = to.resolveSibling(to.getFileName() + ".part");
            String hash;
            try (InputStream in = Files.newInputStream(from)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (DigestInputStream digesting = new DigestInputStream(in, sha)) {
                    Files.copy(digesting, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                hash = HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try {
                Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING);
            }
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }
}
