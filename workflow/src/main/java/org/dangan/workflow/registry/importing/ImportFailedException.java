package org.dangan.workflow.registry.importing;

import org.dangan.workflow.platform.Refused;

/** The file as a whole cannot be imported (empty, unreadable, missing columns, too many rows); nothing was written. */
public class ImportFailedException extends Refused {

    public ImportFailedException(String key, Object... args) {
        super(Kind.INVALID, key, args);
    }

    public Object[] args() {
        return arguments();
    }
}
