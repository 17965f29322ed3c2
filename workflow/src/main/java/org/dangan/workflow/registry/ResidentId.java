package org.dangan.workflow.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.InvalidIdentifierException;

/**
 * 身份证号 after GB 11643-1999: 6 division + 8 birth date + 3 sequence (odd for men) + check
 * character. Never log {@link #value()}; {@link #toString()} is masked for that reason.
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public ResidentId {
        Objects.requireNonNull(value, "resident ID number");
        if (value.length() != 18) {
            throw new InvalidIdentifierException("id.number.length", value.length());
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                throw new InvalidIdentifierException("id.number.digits", i + 1);
            }
        }
        birthDateOf(value);
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw new InvalidIdentifierException("id.number.check", value.charAt(17));
        }
    }

    public static ResidentId of(String raw) {
        return new ResidentId(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /**
     * The one mask for every place an ID number is shown: only the first character stays. Screens
     * show the birth date, the gender and the institution (whose code is the division) beside it,
     * which leaves the 3-digit sequence as the only unknown: 500 values for a known gender. A visible
     * check character would cut that to about 45, so it is hidden too. The same rule applies to
     * legacy invalid numbers.
     */
    public static String mask(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        if (raw.length() < 4) {
            return "*".repeat(raw.length());
        }
        return raw.substring(0, 1) + "*".repeat(raw.length() - 1);
    }

    /** Whether {@code text} has the shape of a whole ID number (18 characters), valid or not. */
    public static boolean looksLikeOne(String text) {
        return text != null && text.strip().matches("\\d{17}[\\dXx]");
    }

    public String masked() {
        return mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDateOf(String value) {
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
            if (date.getYear() < 1870 || date.isAfter(LocalDate.now(ChinaTime.ZONE))) {
                throw new InvalidIdentifierException("id.number.birthdate", value.substring(6, 14));
            }
            return date;
        } catch (DateTimeException | NumberFormatException e) {
            throw new InvalidIdentifierException("id.number.birthdate", value.substring(6, 14));
        }
    }
}
