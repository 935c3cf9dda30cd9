package jp.hyoka.server.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * A rebuild as reported to the operator. Positions are global indexes of the event store: {@code position} is how
 * far the rebuild has projected, {@code headPosition} the newest event stored.
 *
 * @param processor      the rebuild's own tracking processor, {@code read-models-rebuild-<n>}
 * @param pauseMillis    how long the live processor was paused for the switch; null before it
 * @param error          why it failed; null otherwise
 */
public record RebuildStatus(String processor, RebuildState state, SwitchOver switchOver, List<String> tables,
                            long eventsProcessed, long position, long headPosition, double percent,
                            Instant startedAt, Instant caughtUpAt, Instant switchedAt, Long pauseMillis,
                            String error) {

    public RebuildStatus {
        tables = List.copyOf(tables);
    }

    /** Percent of the event store projected, one decimal, 100 for an empty store. */
    static double percent(long position, long head) {
        if (head <= 0 || position >= head) {
            return 100.0;
        }
        return Math.floor(1000.0 * Math.max(0, position) / head) / 10.0;
    }
}
