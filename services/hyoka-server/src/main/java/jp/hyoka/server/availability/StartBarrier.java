package jp.hyoka.server.availability;

/**
 * Work of the start that runs beside it (e.g. the schema migration) and must have finished before Micronaut's HTTP
 * server takes the port over from the start-up probes ({@link StartingProbesHandover}).
 */
public interface StartBarrier {

    /** Returns once the work has finished; throws what it failed with (the start must stop). */
    void awaitFinished();
}
