package jp.hyoka.server.graphql;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads GraphQL executes on, never Netty's event loop: execution blocks on JDBC and on the read-your-writes
 * wait. As many workers as the connection pool has connections ({@code hyoka.database.maximum-pool-size}), since a
 * request holds at most one connection at a time, and a small queue in front of them; when both are full a request
 * is refused at once ({@link Busy}) instead of waiting in an unbounded line.
 * <p>
 * On shutdown (SIGTERM, Micronaut's graceful phase, {@code hyoka.shutdown.grace-period}) the pool takes no new work
 * ({@link ShuttingDown}) and finishes what it holds, running and queued: an edit the server accepted is answered.
 */
@Singleton
public class GraphQlWorkers implements GracefulShutdownCapable {

    /** Thread name prefix; tests look for it in thread dumps. */
    public static final String THREAD_PREFIX = "hyoka-graphql-";

    private final ThreadPoolExecutor executor;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    public GraphQlWorkers(@Value("${hyoka.graphql.workers:0}") int workers,
                          @Value("${hyoka.database.maximum-pool-size:16}") int connections,
                          @Value("${hyoka.graphql.queue-size:32}") int queueSize) {
        int threads = workers > 0 ? workers : connections;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queueSize)), factory, new ThreadPoolExecutor.AbortPolicy()) {
            @Override
            protected void terminated() {
                drained.complete(null);
            }
        };
    }

    /**
     * Runs {@code work} on a worker; throws {@link Busy} when every worker and queue place is taken, and
     * {@link ShuttingDown} once the server is stopping.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            throw executor.isShutdown() ? new ShuttingDown() : new Busy();
        }
    }

    /** Takes no new work; completes when the running and queued requests are answered. Never blocks the caller. */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        executor.shutdown();
        return drained;
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(executor.getActiveCount() + (long) executor.getQueue().size());
    }

    public int active() {
        return executor.getActiveCount();
    }

    public int queued() {
        return executor.getQueue().size();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Every worker busy and the queue full: the client is told to retry after a moment. */
    public static final class Busy extends RuntimeException {
        public static final int RETRY_AFTER_SECONDS = 1;

        Busy() {
            super("The server is busy; retry after " + RETRY_AFTER_SECONDS + " s.", null, false, false);
        }
    }

    /** The server is stopping: nothing was done, and another node (or this one, restarted) will take the request. */
    public static final class ShuttingDown extends RuntimeException {
        public static final int RETRY_AFTER_SECONDS = 2;

        ShuttingDown() {
            super("The server is shutting down; nothing was done. Retry after " + RETRY_AFTER_SECONDS + " s.", null,
                    false, false);
        }
    }
}
