package jp.hyoka.server.database;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where one application context is in its life, for the exit hook of the embedded database it started
 * ({@link EmbeddedDatabase}): told by that context's listener ({@link EmbeddedDatabaseLifecycle}), heard by that
 * context's database only. A JVM may hold several contexts (tests, tools): a database must not wait at exit for a
 * context that is not its own. A database started outside any context (the backup tool) has a life of its own that
 * never hears of a server, so its exit hook stops it at once.
 */
@Singleton
public final class ServerLife {

    private volatile boolean serverRunning;
    private final CountDownLatch stopping = new CountDownLatch(1);

    /** The context's HTTP server runs: Micronaut's shutdown hook (registered right after) will stop the context. */
    void serverRunning() {
        serverRunning = true;
    }

    /** The context has begun to stop: it closes its database after the beans that use it. */
    void stopping() {
        stopping.countDown();
    }

    boolean isServerRunning() {
        return serverRunning;
    }

    /** True once the context has begun to stop, false if it did not within {@code timeout}. */
    boolean awaitStopping(Duration timeout) throws InterruptedException {
        return stopping.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
