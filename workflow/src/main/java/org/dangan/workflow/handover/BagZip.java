package org.dangan.workflow.handover;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.dangan.workflow.platform.Refused;

/**
 * A zipped bag read within limits. The sizes a zip declares are never trusted: entries and bytes
 * are counted as they are read, so a small zip that unpacks to gigabytes is refused when the count
 * passes the limit, not after it has filled the memory or the disk. The upload is read once: while
 * it is copied to disk its entries are counted, so a zip past a limit is refused before anything
 * of it is unpacked.
 */
final class BagZip {

    /** Compressed bytes of the upload, bytes it unpacks to, and entries it may hold. */
    record Limits(long maxSize, long maxUnpackedSize, int maxEntries) {}

    @FunctionalInterface
    private interface Entry {
        void read(Path target, ZipEntry entry, InputStream content) throws IOException;
    }

    private BagZip() {}

    /**
     * Copies the upload to {@code file}, checking on the way that its entries, once unpacked under
     * {@code root}, stay inside it and within the limits; answers the upload's SHA-256.
     */
    static String receive(InputStream upload, Path file, Path root, Limits limits) throws IOException {
        MessageDigest whole = ArchiveBag.sha256();
        try (OutputStream copy = new BufferedOutputStream(Files.newOutputStream(file));
                Bounded tee = new Bounded(
                        new DigestInputStream(upload, whole),
                        limits.maxSize(),
                        () -> Refused.tooLarge("bag.tooLarge", limits.maxSize()),
                        copy,
                        true)) {
            entries(tee, root, limits, (target, entry, content) -> content.transferTo(OutputStream.nullOutputStream()));
            // the central directory and whatever follows the last entry are kept as received
            tee.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(whole.digest());
    }

    /** Unpacks a zip that {@link #receive} has taken, counting again rather than trusting the first pass. */
    static void unzip(Path file, Path root, Limits limits) throws IOException {
        Files.createDirectories(root);
        try (InputStream in = Files.newInputStream(file)) {
            entries(in, root, limits, (target, entry, content) -> {
                try {
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(content, target);
                    }
                } catch (FileAlreadyExistsException e) {
                    throw Refused.invalid("bag.zip.duplicateEntry", entry.getName());
                }
            });
        }
    }

    /**
     * {@code path} resolved against {@code root}, refused (naming {@code path}) unless it stays
     * strictly inside {@code root} once normalised.
     */
    static Path inside(Path root, String path) {
        Path resolved;
        try {
            resolved = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw Refused.invalid("bag.path.outside", path);
        }
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw Refused.invalid("bag.path.outside", path);
        }
        return resolved;
    }

    private static void entries(InputStream in, Path root, Limits limits, Entry each) throws IOException {
        int entries = 0;
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(new KeptOpen(in), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw Refused.invalid("bag.zip.tooManyEntries", limits.maxEntries());
                }
                Path target = inside(root, entry.getName());
                // the next entry follows in the same stream: reading this one must not close it
                Bounded content = new Bounded(
                        zip,
                        limits.maxUnpackedSize() - unpacked,
                        () -> Refused.tooLarge("bag.zip.unpackedTooLarge", limits.maxUnpackedSize()),
                        OutputStream.nullOutputStream(),
                        false);
                each.read(target, entry, content);
                content.transferTo(OutputStream.nullOutputStream());
                unpacked += content.count;
            }
        } catch (ZipException | IllegalArgumentException e) {
            // a malformed zip, or an entry name that is not UTF-8
            throw Refused.invalid("bag.zip.unreadable");
        }
    }

    /**
     * Counts the bytes read through it and copies them on; past {@code max} bytes it throws what
     * {@code past} makes, before copying them.
     */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private final Supplier<Refused> past;
        private final OutputStream copy;
        private final boolean closes;
        private long count;

        Bounded(InputStream in, long max, Supplier<Refused> past, OutputStream copy, boolean closes) {
            super(in);
            this.max = max;
            this.past = past;
            this.copy = copy;
            this.closes = closes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                counted(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes are read, so that they are counted and copied too
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 0))];
            int read = n <= 0 ? 0 : read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        @Override
        public void close() throws IOException {
            if (closes) {
                super.close();
            }
        }

        private void counted(byte[] b, int off, int n) throws IOException {
            count += n;
            if (count > max) {
                throw past.get();
            }
            copy.write(b, off, n);
        }
    }

    /** The zip reader closes what it reads; the copy of the upload must go on to its end. */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // closed by whoever opened it
        }
    }
}
