package jp.hyoka.server.support;

import java.time.Instant;

/**
 * A moment strictly between two edits, without sleeping for it: event times are kept to the millisecond in places
 * (Axon's timestamp column), so "between" means in a millisecond of its own, after everything done so far.
 */
public final class ClockTicks {

    private ClockTicks() {
    }

    /** Waits (spinning, a millisecond at most) until the clock is in a later millisecond; returns that moment. */
    public static Instant nextMillisecond() {
        long now = System.currentTimeMillis();
        Instant next = Instant.now();
        while (next.toEpochMilli() <= now) {
            Thread.onSpinWait();
            next = Instant.now();
        }
        return next;
    }
}
