package org.dangan.workflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the audit log keeps of an ID number someone looked up: an HMAC-SHA256 under a secret key, so
 * the same number probed again shows as the same value, while the value cannot be turned back into
 * the number by hashing all candidates (a plain SHA-256 could: a county's numbers are a few million
 * guesses). The key is {@code dangan.audit.id-hash-key}, else a key generated once under
 * {@code ${dangan.home}} and kept there, so the hashes stay comparable across restarts.
 */
@Component
public class IdNumberHash {

    static final String KEY_FILE = "audit-id-hash.key";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    IdNumberHash(@Value("${dangan.audit.id-hash-key:}") String configured, @Value("${dangan.home}") String home) {
        byte[] secret = configured.isBlank() ? storedKey(Path.of(home).resolve(KEY_FILE))
                : configured.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** {@code hmac:} and the first 128 bits in hex: enough to tell numbers apart, short in a list. */
    public String of(String idNumber) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "hmac:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] storedKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    // CREATE_NEW: two nodes starting on one home keep whichever key was written first
                    Files.write(file, Base64.getEncoder().encode(fresh), StandardOpenOption.CREATE_NEW);
                    restrict(file);
                } catch (FileAlreadyExistsException written) {
                    // another node's key: read below
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the audit's ID hash key at " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's own access rules apply
        }
    }
}
