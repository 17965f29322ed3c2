package org.dangan.workflow.registry.importing;

public enum ImportMode {
    /** Any rejected row rejects the whole file: nothing is written. */
    REJECT_FILE,
    /** Valid rows are written, rejected rows are reported. */
    VALID_ROWS
}
