package org.dangan.workflow.security;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, of at least two kinds
 * (letters, digits, other signs), not the user name or containing it, not one of the passwords
 * every attacker tries first, and not one character over and over.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "1234567890",
            "12345678910", "qwertyuiop", "1q2w3e4r5t", "qwerty123456", "abc1234567", "iloveyou12", "woaini1314",
            "a123456789", "123456789a", "admin12345", "dangan12345", "changeme123");

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks the policy, saying which rule (never echoing the password). */
    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("password: at least " + MIN_LENGTH + " characters");
        }
        int kinds = (password.chars().anyMatch(Character::isLetter) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 2) {
            throw new IllegalArgumentException("password: mix at least two of letters, digits and other signs");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("password: must not contain the user name");
        }
        if (COMMON.contains(lower)) {
            throw new IllegalArgumentException("password: one of the most common passwords");
        }
        if (password.chars().distinct().count() < 4) {
            throw new IllegalArgumentException("password: at least four different characters");
        }
    }
}
