package org.dangan.workflow.registry;

import java.util.Arrays;

/**
 * An identifier broke one of its rules. Carries a message key and its arguments so the reason can
 * be shown in Chinese or English; {@link #getMessage()} is the English text for logs.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String key;
    private final transient Object[] args;

    public InvalidIdentifierException(String key, Object... args) {
        super(key + Arrays.toString(args));
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
