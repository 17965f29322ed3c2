package org.dangan.workflow.registry;

import java.util.Locale;
import java.util.Optional;

public enum Gender {
    MALE,
    FEMALE;

    /** County systems write 男/女, 1/2 (GB/T 2261.1) or English words. */
    public static Optional<Gender> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "男", "1", "M", "MALE" -> Optional.of(MALE);
            case "女", "2", "F", "FEMALE" -> Optional.of(FEMALE);
            default -> Optional.empty();
        };
    }
}
