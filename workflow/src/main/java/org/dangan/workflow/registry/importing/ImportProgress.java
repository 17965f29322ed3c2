package org.dangan.workflow.registry.importing;

/** Told as the import reads its file, so a screen can show a progress bar. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total, rows) -> {};

    /** {@code done} and {@code total} are in bytes for CSV and in rows for xlsx. */
    void advanced(long done, long total, long rows);
}
