package org.dangan.workflow.handover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Takes in a zipped BagIt bag from another institution or system: every checksum of both
 * manifests and the Payload-Oxum are verified first, and a bag that does not verify is refused
 * whole, naming the first file that fails. A bag that verifies is kept, as received, under
 * {@code ${dangan.home}/bags}.
 */
@Component
public class IncomingBags {

    /** {@code loaded}: what was taken into the register, when asked to (else zeros). */
    public record Received(
            String bag,
            String externalIdentifier,
            String sourceOrganization,
            int payloadFiles,
            long payloadBytes,
            String sha256,
            int loadedRecords,
            int loadedDocuments) {}

    /**
     * A manifest line holds a SHA-256, two spaces and a path: 256 bytes a line on average is room
     * for paths four times as long as the bags made here, so a manifest may be that many bytes per
     * entry the bag may hold, and its paths in memory while it is checked stay within that.
     */
    private static final int MANIFEST_BYTES_PER_ENTRY = 256;
    /** bagit.txt and bag-info.txt: a few fields each. */
    private static final int INFO_LINES = 1_000;

    private static final long INFO_BYTES = 1L << 20;

    private final Path home;
    private final AuditLog auditLog;
    private final BagLoad load;
    private final BagZip.Limits limits;

    IncomingBags(
            @Value("${dangan.home}") String home,
            AuditLog auditLog,
            BagLoad load,
            @Value("${dangan.bags.max-size}") DataSize maxSize,
            @Value("${dangan.bags.max-unpacked-size}") DataSize maxUnpackedSize,
            @Value("${dangan.bags.max-entries}") int maxEntries) {
        this.home = Path.of(home);
        this.auditLog = auditLog;
        this.load = load;
        this.limits = new BagZip.Limits(maxSize.toBytes(), maxUnpackedSize.toBytes(), maxEntries);
    }

    /**
     * Verifies and keeps the bag; with {@code loadIt}, also takes its archive into the archivist's
     * institution. Bags are received by archivists (they take the archive in) and administrators;
     * only an archivist loads one, into their own institution.
     */
    public Received receive(InputStream zip, boolean loadIt) {
        DanganUser user = CurrentUser.require();
        if (!(user.is(Role.ARCHIVIST) || user.is(Role.ADMIN))) {
            throw Refused.forbidden("bag.receive.role");
        }
        if (loadIt && !user.is(Role.ARCHIVIST)) {
            throw Refused.forbidden("bag.load.role");
        }
        Path work = null;
        try {
            Files.createDirectories(home.resolve("tmp"));
            work = Files.createTempDirectory(home.resolve("tmp"), "bag-")
                    .toAbsolutePath()
                    .normalize();
            Path received = work.resolve("received.zip");
            Path unpacked = work.resolve("bag");
            String sha256 = BagZip.receive(zip, received, unpacked, limits);
            BagZip.unzip(received, unpacked, limits);
            Path root = bagRoot(unpacked);
            Map<String, String> info = fields(root, "bag-info.txt");
            long[] oxum = verify(root, limits.maxEntries());
            String declared = info.get("Payload-Oxum");
            if (declared != null && !declared.equals(oxum[0] + "." + oxum[1])) {
                throw Refused.invalid("bag.oxum", declared, oxum[0], oxum[1]);
            }
            BagLoad.Loaded loaded = loadIt ? load.load(root, info) : new BagLoad.Loaded(0, 0, 0);
            Path kept = home.resolve("bags").resolve(sha256 + ".zip");
            Files.createDirectories(kept.getParent());
            if (!Files.exists(kept)) {
                Files.move(received, kept, StandardCopyOption.ATOMIC_MOVE);
            }
            Received bag = new Received(
                    root.getFileName().toString(),
                    info.get("External-Identifier"),
                    info.get("Source-Organization"),
                    (int) oxum[1],
                    oxum[0],
                    sha256,
                    loaded.records(),
                    loaded.documents());
            auditLog.record(
                    AuditAction.BAG_RECEIVED,
                    "BAG",
                    sha256,
                    user.institutionId(),
                    bag.externalIdentifier() + ", " + oxum[1] + " files");
            return bag;
        } catch (IOException e) {
            throw new UncheckedIOException("receiving a bag", e);
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * Checks both manifests against the files; answers the payload's bytes and files. Each
     * manifest is first read through for its size, line count and line lengths, then again to
     * check each file as its line comes; only the paths are kept, to find payload files no
     * manifest names.
     */
    static long[] verify(Path root, int maxEntries) throws IOException {
        if (!fields(root, "bagit.txt").containsKey("BagIt-Version")) {
            throw Refused.invalid("bag.notABag");
        }
        if (!Files.isRegularFile(root.resolve("manifest-sha256.txt"))) {
            throw Refused.invalid("bag.manifest.none");
        }
        long[] oxum = {0, 0};
        Set<String> listed = new HashSet<>();
        manifest(root, "manifest-sha256.txt", maxEntries, (path, file) -> {
            if (!listed.add(path)) {
                throw Refused.invalid("bag.manifest.duplicate", "manifest-sha256.txt", path);
            }
            oxum[0] += Files.size(file);
            oxum[1]++;
        });
        Path data = root.resolve("data");
        if (Files.isDirectory(data)) {
            try (Stream<Path> payload = Files.walk(data)) {
                for (Path file : (Iterable<Path>) payload.filter(Files::isRegularFile)::iterator) {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    if (!listed.contains(path)) {
                        throw Refused.invalid("bag.manifest.unlisted", path);
                    }
                }
            }
        }
        listed.clear();
        if (Files.isRegularFile(root.resolve("tagmanifest-sha256.txt"))) {
            manifest(root, "tagmanifest-sha256.txt", maxEntries, (path, file) -> {});
        }
        return oxum;
    }

    @FunctionalInterface
    private interface Checked {
        void file(String path, Path file) throws IOException;
    }

    private static void manifest(Path root, String name, int maxEntries, Checked each) throws IOException {
        Path file = root.resolve(name);
        long maxBytes = (long) maxEntries * MANIFEST_BYTES_PER_ENTRY;
        TagFiles.lines(file, name, maxEntries, maxBytes, (number, line) -> {});
        TagFiles.lines(file, name, maxEntries, maxBytes, (number, line) -> {
            String entry = line.strip();
            if (entry.isEmpty()) {
                return;
            }
            String[] parts = entry.split("\\s+", 2);
            if (parts.length < 2 || !parts[0].matches("[0-9a-fA-F]{64}")) {
                throw Refused.invalid("bag.manifest.line", name, number);
            }
            String path = decode(parts[1]);
            Path listed = BagZip.inside(root, path);
            if (!Files.isRegularFile(listed)) {
                throw Refused.invalid("bag.manifest.missing", path, name);
            }
            check(listed, path, parts[0], name);
            each.file(path, listed);
        });
    }

    private static void check(Path file, String path, String expected, String manifest) throws IOException {
        MessageDigest digest = ArchiveBag.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String found = HexFormat.of().formatHex(digest.digest());
        if (!found.equalsIgnoreCase(expected)) {
            throw Refused.invalid("bag.checksum", path, manifest, expected, found);
        }
    }

    private static String decode(String path) {
        return path.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    private static Map<String, String> fields(Path root, String name) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        Path file = root.resolve(name);
        if (!Files.isRegularFile(file)) {
            return fields;
        }
        TagFiles.lines(file, name, INFO_LINES, INFO_BYTES, (number, line) -> {
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                fields.putIfAbsent(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        });
        return fields;
    }

    /** The folder holding bagit.txt: the zip's top, or its one folder. */
    private static Path bagRoot(Path unpacked) throws IOException {
        if (Files.exists(unpacked.resolve("bagit.txt"))) {
            return unpacked;
        }
        try (Stream<Path> top = Files.list(unpacked)) {
            List<Path> folders = top.filter(Files::isDirectory).toList();
            if (folders.size() == 1 && Files.exists(folders.get(0).resolve("bagit.txt"))) {
                return folders.get(0);
            }
        }
        throw Refused.invalid("bag.notABag");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is swept with the others
        }
    }
}
