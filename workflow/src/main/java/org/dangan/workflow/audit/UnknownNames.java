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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the audit log holds for a login name that belongs to no account. People type their password
 * into the name field, so the typed text is never stored: a keyed hash of it is (HMAC-SHA256,
 * cut to 128 bits), the same for the same text, so repeated attempts with one name can still be told
 * apart from many names, and without the key not guessable from a list of likely passwords. The key
 * is {@code dangan.audit.unknown-name-key} (hex) when set, which nodes sharing one database should
 * do; otherwise it is made once and kept in {@code ${dangan.home}/keys/unknown-name.key}.
 */
@Component
class UnknownNames {

    static final String PREFIX = "unknown-";

    private final byte[] key;

    UnknownNames(@Value("${dangan.audit.unknown-name-key:}") String configured, @Value("${dangan.home}") String home) {
        this.key = configured.isBlank() ? keptUnder(Path.of(home)) : HexFormat.of().parseHex(configured.strip());
        if (key.length < 16) {
            throw new IllegalStateException("dangan.audit.unknown-name-key: at least 16 bytes (32 hex digits)");
        }
    }

    /** {@code unknown-} and 32 hex digits. */
    String of(String typed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((typed == null ? "" : typed).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] keptUnder(Path home) {
        Path file = home.resolve("keys").resolve("unknown-name.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.writeString(file, HexFormat.of().formatHex(fresh), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    restrict(file);
                } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                    // the key it wrote is read below
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
