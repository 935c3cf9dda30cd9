package jp.hyoka.server.availability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Work of the start that runs beside it (the schema migration, the GraphQL schema's build) and must have finished
 * before Micronaut's HTTP server takes the port over from the start-up probes ({@link StartingProbesHandover}); the
 * part of it that can fail because of the installation, before anything of the start has effects outside the process
 * (Axon's start waits for {@link #awaitSettled()} of every barrier).
 */
public interface StartBarrier {

    /** Returns once the work has finished; throws what it failed with (the start must stop). */
    void awaitFinished();

    /**
     * Returns once the part of the work that can fail because of the installation (its database, its configuration,
     * a feature's bean) is done; throws what it failed with. Axon's start waits for this before anything with effects
     * outside the process runs. The whole work unless a barrier says less.
     */
    default void awaitSettled() {
        awaitFinished();
    }

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
