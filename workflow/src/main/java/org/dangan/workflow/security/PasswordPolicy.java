package org.dangan.workflow.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
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
    private static final int MIN_WORD = 4;
    private static final int RUN = 6;
    private static final String LOOK_ALIKES = "@40!1$537";
    private static final String LOOK_ALIKE_LETTERS = "aaoiisset";
    /** Words of common Chinese passwords the (mostly Western) list lacks. */
    private static final List<String> CHINESE_WORDS = List.of(
            "woaini",
            "woaiwojia",
            "aiwo",
            "baobei",
            "laopo",
            "laogong",
            "zhongguo",
            "beijing",
            "shanghai",
            "wangwang",
            "qiqi",
            "xiaoxiao",
            "huawei",
            "zhangwei",
            "wangwei",
            "liwei",
            "dangan",
            "qqqq");

    private PasswordPolicy() {}

    /** Loaded on first use, by the class loader's lock: once, and never half-read. */
    private static final class Common {
        static final Set<String> PASSWORDS = load();
        /** The words under the common passwords (letters, with look-alike signs read as letters). */
        static final Set<String> WORDS = words(PASSWORDS);

        private static Set<String> words(Set<String> passwords) {
            Set<String> words = new HashSet<>(CHINESE_WORDS);
            for (String password : passwords) {
                String word = word(password);
                if (word.length() >= MIN_WORD) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        }

        private static Set<String> load() {
            Set<String> passwords = new HashSet<>(32_768);
            try (InputStream raw = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
                if (raw == null) {
                    throw new IllegalStateException(COMMON_LIST + " is missing from the class path");
                }
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
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
            throw new AccountRefused("password.tooShort", MIN_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (Common.PASSWORDS.contains(lower)) {
            throw new AccountRefused("password.common");
        }
        String word = word(password);
        // P@ssw0rd123, Admin@123456: a common word dressed in digits and signs is still guessed first
        if (word.length() >= MIN_WORD && Common.WORDS.contains(word) || longestRun(lower) >= RUN) {
            throw new AccountRefused("password.common");
        }
        if (kinds(password) < MIN_KINDS && length < LONG_ENOUGH) {
            throw new AccountRefused("password.kinds", MIN_KINDS, LONG_ENOUGH);
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new AccountRefused("password.userName");
        }
        if (password.codePoints().distinct().count() < 4) {
            throw new AccountRefused("password.repetitive", 4);
        }
    }

    /** Its letters, lower-cased, with a look-alike sign between two letters read as the letter (p@ss -> pass). */
    static String word(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int lookAlike = LOOK_ALIKES.indexOf(c);
            if (Character.isLetter(c)) {
                word.append(c);
            } else if (lookAlike >= 0
                    && i > 0
                    && i < lower.length() - 1
                    && Character.isLetter(lower.charAt(i - 1))
                    && Character.isLetter(lower.charAt(i + 1))) {
                word.append(LOOK_ALIKE_LETTERS.charAt(lookAlike));
            }
        }
        return word.toString();
    }

    /** The longest run of characters each one after the last, up or down (abcdefgh, 98765432). */
    private static int longestRun(String text) {
        int longest = text.isEmpty() ? 0 : 1;
        int run = 1;
        int step = 0;
        for (int i = 1; i < text.length(); i++) {
            int d = text.charAt(i) - text.charAt(i - 1);
            if ((d == 1 || d == -1) && (run == 1 || d == step)) {
                run++;
                step = d;
            } else {
                run = d == 1 || d == -1 ? 2 : 1;
                step = d;
            }
            longest = Math.max(longest, run);
        }
        return longest;
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
