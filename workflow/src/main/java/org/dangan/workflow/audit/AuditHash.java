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
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the audit log keeps of personal text it must not hold, yet must let an auditor compare: an ID
 * number someone looked up, a login name of no account (people type their password there). An
 * HMAC-SHA256 under a secret key, cut to 128 bits: the same text gives the same value, so repeated
 * probing shows, while without the key the value cannot be found by hashing every candidate (a
 * county's ID numbers, or a list of likely passwords, are few enough for a plain hash). The key is
 * {@code dangan.audit.hash-key} (hex), which nodes sharing one database set; otherwise it is made once
 * and kept in {@code ${dangan.home}/keys/audit-hash.key}, so values stay comparable across restarts.
 * The same key makes the fingerprints printed on paper that others read ({@link #fingerprint}).
 */
@Component
public class AuditHash {

    static final String UNKNOWN_NAME = "unknown-";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    AuditHash(@Value("${dangan.audit.hash-key:}") String configured, @Value("${dangan.home}") String home) {
        byte[] secret =
                configured.isBlank() ? keptUnder(Path.of(home)) : HexFormat.of().parseHex(configured.strip());
        if (secret.length < 16) {
            throw new IllegalStateException("dangan.audit.hash-key: at least 16 bytes (32 hex digits)");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** {@code hmac:} and 32 hex digits of an ID number, however it was typed (case, spaces). */
    public String ofIdNumber(String idNumber) {
        return "hmac:" + hash(idNumber.strip().toUpperCase(Locale.ROOT));
    }

    /** {@code unknown-} and 32 hex digits of a login name that belongs to no account. */
    String ofUnknownName(String typed) {
        return UNKNOWN_NAME + hash(typed == null ? "" : typed);
    }

    /**
     * 64 hex digits of {@code text}, for a fingerprint printed where others read it (a sign-off
     * sheet) of content they could otherwise guess field by field and hash; whole, because it is
     * stored and compared, and under the same key so the node can recompute it.
     */
    public String fingerprint(String text) {
        return HexFormat.of().formatHex(mac(text));
    }

    private String hash(String text) {
        return HexFormat.of().formatHex(mac(text), 0, 16);
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] keptUnder(Path home) {
        Path file = home.resolve("keys").resolve("audit-hash.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    // CREATE_NEW: two nodes starting on one home keep whichever key was written first
                    Files.writeString(file, HexFormat.of().formatHex(fresh), StandardOpenOption.CREATE_NEW);
                    restrict(file);
                } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                    // its key is read below
                }
            }
            return HexFormat.of()
                    .parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the audit's hash key at " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply
        }
    }
}
