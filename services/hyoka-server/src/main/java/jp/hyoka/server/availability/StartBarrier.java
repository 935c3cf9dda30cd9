package jp.hyoka.server.availability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Work of the start that runs beside it (e.g. the schema migration) and must have finished before Micronaut's HTTP
 * server takes the port over from the start-up probes ({@link StartingProbesHandover}).
 */
public interface StartBarrier {

    /** Returns once the work has finished; throws what it failed with (the start must stop). */
    void awaitFinished();

    /**
     * Waits for work started beside the start and returns its result; if it failed, throws what it threw itself (a
     * RuntimeException or an Error: the start stops with the real cause, not a CompletionException wrapping it).
     */
    static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
