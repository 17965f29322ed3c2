package org.dangan.workflow.registry.importing;

import java.util.Arrays;

/** The file as a whole cannot be imported (empty, unreadable, missing columns); nothing was written. */
public class ImportFailedException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public ImportFailedException(String key, Object... args) {
        super(key + " " + Arrays.toString(args));
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
