package jp.hyoka.server.axon;

/**
 * An event-sourced aggregate root whose events a load may fold without Axon's per-event dispatch ({@link DirectReplay},
 * BENCHMARKS.md row 5). Axon finds, for each event replayed, the most specific {@code @EventSourcingHandler} of the root
 * for the event's payload type and invokes it reflectively (or nothing, when none takes that type); {@link #replay}
 * must do exactly what that handler does, for every type {@link #replays} accepts.
 */
public interface DirectlyReplayed {

    /**
     * Whether an event of this payload type is one {@link #replay} folds. True exactly for the types that one of the
     * root's event-sourcing handlers takes: an event of any other type sends the whole load through Axon's own path.
     */
    boolean replays(Class<?> payloadType);

    /** What the root's event-sourcing handler for this event's type does (the event's payload, deserialized). */
    void replay(Object event);
}
