package jp.hyoka.server.rebuild;

/** Where a rebuild is. RUNNING and CAUGHT_UP are active; SWITCHED and FAILED are final. */
public enum RebuildState {
    /** Projecting the event store into the shadow tables, from the first event on. */
    RUNNING,
    /** The shadow tables have reached the head of the event store and follow it, waiting for the switch. */
    CAUGHT_UP,
    /** The shadow tables replaced the live ones; the live processor continues from where the rebuild stopped. */
    SWITCHED,
    /** Stopped without switching (see the error); the live tables are untouched and the shadow ones are gone. */
    FAILED;

    public boolean active() {
        return this == RUNNING || this == CAUGHT_UP;
    }
}
