package org.dangan.workflow.registry;

import java.util.Objects;
import org.dangan.workflow.platform.InvalidIdentifierException;

/**
 * 健康档案编号: 17 digits = 6 administrative division + 3 township/street + 3 village/community
 * + 5 serial. A value that exists is well-formed; whether it belongs to an institution is a
 * question for {@link #belongsTo(String)}.
 */
public record RecordNumber(String value) implements Comparable<RecordNumber> {

    public RecordNumber {
        Objects.requireNonNull(value, "record number");
        if (value.length() != 17) {
            throw new InvalidIdentifierException("record.number.length", value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new InvalidIdentifierException("record.number.digits", i + 1);
            }
        }
        if (value.endsWith("00000")) {
            throw new InvalidIdentifierException("record.number.serial");
        }
    }

    public static RecordNumber of(String value) {
        return new RecordNumber(value == null ? null : value.strip());
    }

    public String divisionCode() {
        return value.substring(0, 6);
    }

    public String townshipCode() {
        return value.substring(0, 9);
    }

    public String villageCode() {
        return value.substring(0, 12);
    }

    /** An institution's code is the 6-, 9- or 12-digit prefix of the record numbers it manages. */
    public boolean belongsTo(String institutionCode) {
        return institutionCode != null && !institutionCode.isEmpty() && value.startsWith(institutionCode);
    }

    @Override
    public int compareTo(RecordNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
