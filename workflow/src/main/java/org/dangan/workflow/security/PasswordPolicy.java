package org.dangan.workflow.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters; of at least {@value #MIN_KINDS}
 * kinds (lower-case or uncased letters such as Chinese, capitals, digits, other signs) unless it has
 * {@value #LONG_ENOUGH} characters or more; not containing the user name; not one of the common
 * passwords attackers try first; and not one character over and over.
 *
 * <p>The common passwords are those of at least {@value #MIN_LENGTH} characters among the 400,000
 * commonest of SecLists' "10 million passwords" list, lower-cased (so {@code Qwerty123456} counts as
 * {@code qwerty123456}): about 20,000, shipped gzipped as {@value #COMMON_LIST} and read once, the
 * first time a password is checked. Shorter ones need no list: the length rule refuses them.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MIN_KINDS = 3;
    public static final int LONG_ENOUGH = 14;
    static final String COMMON_LIST = "/security/common-passwords.txt.gz";

    private PasswordPolicy() {
    }

    /** Loaded on first use, by the class loader's lock: once, and never half-read. */
    private static final class Common {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            Set<String> passwords = new HashSet<>(32_768);
            try (InputStream raw = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
                if (raw == null) {
                    throw new IllegalStateException(COMMON_LIST + " is missing from the class path");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                        StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isEmpty()) {
                        passwords.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(passwords);
        }
    }

    /** How many common passwords the policy knows. */
    static int commonPasswords() {
        return Common.PASSWORDS.size();
    }

    /** Refuses a password that breaks the policy, saying which rule (never echoing the password): 400. */
    public static void check(String username, String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new PasswordRefused("password.tooShort", MIN_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (Common.PASSWORDS.contains(lower)) {
            throw new PasswordRefused("password.common");
        }
        if (kinds(password) < MIN_KINDS && length < LONG_ENOUGH) {
            throw new PasswordRefused("password.kinds", MIN_KINDS, LONG_ENOUGH);
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new PasswordRefused("password.userName");
        }
        if (password.codePoints().distinct().count() < 4) {
            throw new PasswordRefused("password.repetitive", 4);
        }
    }

    private static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int c : password.codePoints().toArray()) {
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                upper = true;
            } else if (Character.isLetter(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
