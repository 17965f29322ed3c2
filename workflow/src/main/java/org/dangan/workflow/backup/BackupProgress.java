package org.dangan.workflow.backup;

/** How far a backup or restore has come: a step, and within it {@code done} of {@code total}. */
public record BackupProgress(String step, long done, long total) {

    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    @Override
    public String toString() {
        return total == 0 ? step : step + ": " + done + " of " + total;
    }
}
