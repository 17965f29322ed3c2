package org.dangan.workflow.fixity;

/**
 * Keeps reading at or below a rate: after {@code bytes} read in {@code elapsedNanos}, how long to
 * pause so that the average stays at {@code bytesPerSecond}. An audit must not starve the scans
 * and searches of the disk it reads.
 */
record Throttle(long bytesPerSecond) {

    Throttle {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("dangan.fixity.bytes-per-second must be positive, is " + bytesPerSecond);
        }
    }

    long pauseNanos(long bytes, long elapsedNanos) {
        long due = (long) (bytes * 1_000_000_000.0 / bytesPerSecond);
        return Math.max(0, due - elapsedNanos);
    }
}
