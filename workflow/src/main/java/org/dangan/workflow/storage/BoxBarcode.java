package org.dangan.workflow.storage;

import org.dangan.workflow.platform.InvalidIdentifierException;

/** A box label: "BX" and 10 digits, printable as Code 128 and QR. */
public record BoxBarcode(String value) {

    public BoxBarcode {
        if (value == null || !value.matches("BX\\d{10}")) {
            throw new InvalidIdentifierException("box.barcode.format", value);
        }
    }

    public static BoxBarcode of(long serial) {
        return new BoxBarcode("BX%010d".formatted(serial));
    }

    @Override
    public String toString() {
        return value;
    }
}
