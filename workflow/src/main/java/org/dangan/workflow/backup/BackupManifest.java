package org.dangan.workflow.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The list of every file of a snapshot with its SHA-256, in the format of {@code sha256sum}
 * ({@code <hash>  <path>}, paths relative to the backup directory), so that an operator can check
 * a backup with {@code cd DIR && sha256sum -c snapshots/<name>/MANIFEST.sha256} without Dang'an.
 */
final class BackupManifest {

    static final String FILE_NAME = "MANIFEST.sha256";

    private final Map<String, String> hashByPath = new LinkedHashMap<>();

    void add(String relativePath, String sha256) {
        if (relativePath.contains("\n") || relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("not a path inside the backup: " + relativePath);
        }
        hashByPath.put(relativePath, sha256);
    }

    Map<String, String> entries() {
        return hashByPath;
    }

    void write(Path file) {
        StringBuilder text = new StringBuilder();
        hashByPath.forEach(
                (path, hash) -> text.append(hash).append("  ").append(path).append('\n'));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest " + file, e);
        }
    }

    static BackupManifest read(Path file) {
        BackupManifest manifest = new BackupManifest();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (!line.matches("[0-9a-f]{64}  \\S.*")) {
                    throw new BackupRefusedException(file + " line " + number + ": not '<sha256>  <path>': " + line);
                }
                manifest.add(line.substring(66), line.substring(0, 64));
            }
        } catch (NoSuchFileException e) {
            throw new BackupRefusedException("no manifest: " + file + " is missing (an unfinished backup?)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest " + file, e);
        }
        return manifest;
    }

    /**
     * Re-hashes every listed file under {@code base}; answers what does not verify (missing or
     * changed), each naming its path, expected and found hash. Empty when all is well.
     */
    List<String> verify(Path base, Consumer<String> progress) {
        List<String> problems = new ArrayList<>();
        int done = 0;
        int step = Math.max(1, hashByPath.size() / 20);
        for (Map.Entry<String, String> entry : hashByPath.entrySet()) {
            Path file = base.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(entry.getKey() + ": missing");
            } else {
                String found = sha256(file);
                if (!found.equals(entry.getValue())) {
                    problems.add(entry.getKey() + ": SHA-256 " + found + ", the manifest says " + entry.getValue());
                }
            }
            if (++done % step == 0 || done == hashByPath.size()) {
                progress.accept("verify: " + done + " of " + hashByPath.size() + " files");
            }
        }
        return problems;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, sha)) {
                digesting.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
