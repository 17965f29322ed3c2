package org.dangan.workflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.dangan.workflow.platform.Refused;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Files by their SHA-256 under {@code DANGAN_HOME/files}: a file is written once, to a temporary
 * name, hashed while it is written, and moved into place atomically; it is never changed
 * afterwards. The same content stored twice is one file.
 */
@Component
public class FileStore {

    private final Path root;

    FileStore(@Value("${dangan.home}") String home) {
        this.root = Path.of(home).resolve("files");
    }

    /** Stores the stream's bytes; answers their SHA-256 (hex). */
    public String put(InputStream in) {
        return put(in, Long.MAX_VALUE);
    }

    /**
     * Stores the stream's bytes unless there are more than {@code maxBytes}: then nothing is kept and
     * the upload is refused as too large, having read no more than one buffer past the limit.
     */
    public String put(InputStream in, long maxBytes) {
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path temp = Files.createTempFile(root.resolve("tmp"), "incoming", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, sha)) {
                copy(digesting, temp, maxBytes);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = path(hash);
            if (Files.exists(target)) {
                Files.delete(temp);
                // stored again now: young again, so the sweep of unreferenced files leaves it to
                // the transaction that is about to refer to it
                Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
                return hash;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a file under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, Path temp, long maxBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[1 << 16];
            long written = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                written += n;
                if (written > maxBytes) {
                    throw Refused.tooLarge(
                            "document.tooLarge", DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** The directory of the store: {@code sha256/} holds the files, {@code tmp/} files being written. */
    public Path root() {
        return root;
    }

    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve("sha256")
                .resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("file " + sha256 + " is missing from the file store", e);
        }
    }
}
