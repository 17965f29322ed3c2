package org.dangan.workflow.handover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Takes in a zipped BagIt bag from another institution or system: every checksum of both
 * manifests and the Payload-Oxum are verified first, and a bag that does not verify is refused
 * whole, naming the first file that fails. A bag that verifies is kept, as received, under
 * {@code ${dangan.home}/bags}.
 */
@Component
public class IncomingBags {

    /** {@code loaded}: what was taken into the register, when asked to (else zeros). */
    public record Received(String bag, String externalIdentifier, String sourceOrganization, int payloadFiles,
                           long payloadBytes, String sha256, int loadedRecords, int loadedDocuments) {
    }

    private final Path home;
    private final AuditLog auditLog;
    private final BagLoad load;

    IncomingBags(@Value("${dangan.home}") String home, AuditLog auditLog, BagLoad load) {
        this.home = Path.of(home);
        this.auditLog = auditLog;
        this.load = load;
    }

    /** Verifies and keeps the bag; with {@code loadIt}, also takes its archive into the archivist's institution. */
    public Received receive(InputStream zip, boolean loadIt) {
        DanganUser user = CurrentUser.require();
        if (!(user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR) || user.is(Role.ADMIN))) {
            throw new AccessDeniedException("bags are received by archivists, supervisors and administrators");
        }
        Path work = null;
        try {
            Files.createDirectories(home.resolve("tmp"));
            work = Files.createTempDirectory(home.resolve("tmp"), "bag-").toAbsolutePath().normalize();
            MessageDigest whole = ArchiveBag.sha256();
            Path received = work.resolve("received.zip");
            Files.copy(new DigestInputStream(zip, whole), received);
            String sha256 = HexFormat.of().formatHex(whole.digest());
            Path unpacked = work.resolve("bag");
            try (InputStream in = Files.newInputStream(received)) {
                unzip(in, unpacked);
            }
            Path root = bagRoot(unpacked);
            Map<String, String> info = fields(root.resolve("bag-info.txt"));
            long[] oxum = verify(root);
            String declared = info.get("Payload-Oxum");
            if (declared != null && !declared.equals(oxum[0] + "." + oxum[1])) {
                throw new IllegalArgumentException("bag-info.txt: Payload-Oxum says " + declared + " but the payload holds "
                        + oxum[0] + " bytes in " + oxum[1] + " files");
            }
            BagLoad.Loaded loaded = loadIt ? load.load(root, info) : new BagLoad.Loaded(0, 0, 0);
            Path kept = home.resolve("bags").resolve(sha256 + ".zip");
            Files.createDirectories(kept.getParent());
            if (!Files.exists(kept)) {
                Files.move(received, kept, StandardCopyOption.ATOMIC_MOVE);
            }
            Received bag = new Received(root.getFileName().toString(), info.get("External-Identifier"),
                    info.get("Source-Organization"), (int) oxum[1], oxum[0], sha256, loaded.records(), loaded.documents());
            auditLog.record(AuditAction.BAG_RECEIVED, "BAG", sha256, user.institutionId(),
                    bag.externalIdentifier() + ", " + oxum[1] + " files");
            return bag;
        } catch (IOException e) {
            throw new UncheckedIOException("receiving a bag", e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** Checks both manifests against the files; answers the payload's bytes and files. */
    static long[] verify(Path root) throws IOException {
        if (!Files.isRegularFile(root.resolve("bagit.txt"))
                || !fields(root.resolve("bagit.txt")).containsKey("BagIt-Version")) {
            throw new IllegalArgumentException("bag: no bagit.txt with a BagIt-Version: this is not a bag");
        }
        Path manifestFile = root.resolve("manifest-sha256.txt");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException("bag: no manifest-sha256.txt (only SHA-256 manifests are taken)");
        }
        Map<String, String> manifest = manifest(manifestFile);
        long[] oxum = {0, 0};
        for (Map.Entry<String, String> e : manifest.entrySet()) {
            Path file = inside(root, e.getKey(), "manifest-sha256.txt");
            oxum[0] += Files.size(file);
            oxum[1]++;
            check(file, e.getKey(), e.getValue(), "manifest-sha256.txt");
        }
        try (Stream<Path> payload = Files.walk(root.resolve("data"))) {
            for (Path file : payload.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (!manifest.containsKey(path)) {
                    throw new IllegalArgumentException("bag: " + path + " is in the payload but in no manifest");
                }
            }
        }
        Path tagManifest = root.resolve("tagmanifest-sha256.txt");
        if (Files.isRegularFile(tagManifest)) {
            for (Map.Entry<String, String> e : manifest(tagManifest).entrySet()) {
                check(inside(root, e.getKey(), "tagmanifest-sha256.txt"), e.getKey(), e.getValue(), "tagmanifest-sha256.txt");
            }
        }
        return oxum;
    }

    private static void check(Path file, String path, String expected, String manifest) throws IOException {
        MessageDigest digest = ArchiveBag.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String found = HexFormat.of().formatHex(digest.digest());
        if (!found.equalsIgnoreCase(expected)) {
            throw new IllegalArgumentException("bag: " + path + " does not match " + manifest + " (expected " + expected
                    + ", found " + found + ")");
        }
    }

    private static Path inside(Path root, String path, String manifest) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("bag: " + manifest + " names " + path + ", outside the bag");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("bag: " + path + " is in " + manifest + " but not in the bag");
        }
        return file;
    }

    private static Map<String, String> manifest(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || !parts[0].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("bag: " + file.getFileName() + " line " + (i + 1)
                        + " is not a SHA-256 and a path");
            }
            entries.put(decode(parts[1]), parts[0]);
        }
        return entries;
    }

    private static String decode(String path) {
        return path.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    private static Map<String, String> fields(Path file) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return fields;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                    fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
        }
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
        throw new IllegalArgumentException("bag: no bagit.txt at the zip's top or in its one folder");
    }

    private static void unzip(InputStream in, Path to) throws IOException {
        Files.createDirectories(to);
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = to.resolve(entry.getName()).normalize();
                if (!target.startsWith(to)) {
                    throw new IllegalArgumentException("bag: the zip entry " + entry.getName() + " points outside the bag");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is swept with the others
        }
    }
}
