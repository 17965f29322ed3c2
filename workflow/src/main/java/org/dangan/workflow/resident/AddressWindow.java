package org.dangan.workflow.resident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many times each client address did something in a sliding window, on this node: the cheap
 * brake in front of the resident site's open doors (asking for a code, signing in), so a flood
 * from one address costs neither SMS nor audit rows.
 */
final class AddressWindow {

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> times = new ConcurrentHashMap<>();

    AddressWindow(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one more from the address; false (and not counted) once it has used up its window. */
    boolean count(String address) {
        Instant now = clock.instant();
        Deque<Instant> seen = times.computeIfAbsent(address == null ? "" : address, a -> new ArrayDeque<>());
        synchronized (seen) {
            while (!seen.isEmpty() && !seen.peekFirst().isAfter(now.minus(window))) {
                seen.pollFirst();
            }
            if (seen.size() >= max) {
                return false;
            }
            seen.addLast(now);
            return true;
        }
    }

    /** Forgets addresses that stopped, so the map does not grow without bound. */
    void sweep() {
        Instant since = clock.instant().minus(window);
        times.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(since);
            }
        });
    }
}
