package jp.hyoka.server.lifecycle;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The server is gone {@code hyoka.shutdown.grace-period} + {@code hyoka.shutdown.stop-timeout} after SIGTERM, whatever
 * hangs: an orchestrator that waits longer than it said kills the process anyway (Kubernetes' SIGKILL after
 * terminationGracePeriodSeconds), and a stop bounded here is one whose cause is logged. Armed by a JVM shutdown hook,
 * so only when the process ends (SIGTERM, Ctrl-C), never when a test closes an application context; past the
 * deadline the JVM halts. Nothing acknowledged is at risk then (commits are durable), and an embedded PostgreSQL
 * still running is stopped at the next start (LeftoverPostmaster).
 */
@Context
public class ShutdownDeadline {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDeadline.class);
    /** The exit status of a stop cut short, apart from 143 (SIGTERM handled) so that operators can tell. */
    static final int CUT_SHORT = 3;

    private final Thread hook;

    public ShutdownDeadline(@Value("${hyoka.shutdown.grace-period:15s}") Duration gracePeriod,
                            @Value("${hyoka.shutdown.stop-timeout:10s}") Duration stopTimeout) {
        Duration deadline = gracePeriod.plus(stopTimeout);
        hook = new Thread(() -> arm(gracePeriod, deadline), "hyoka-shutdown-deadline");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Returns at once: the JVM waits for its hooks, and this one must not be what keeps it. */
    private static void arm(Duration gracePeriod, Duration deadline) {
        LOG.info("Shutting down: no new requests; those in progress have {} to finish; the server exits within {}",
                gracePeriod, deadline);
        Thread watch = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            LOG.error("Shutdown still incomplete after {}: halting the JVM", deadline);
            Runtime.getRuntime().halt(CUT_SHORT);
        }, "hyoka-shutdown-watch");
        watch.setDaemon(true);                           // the JVM exiting in time ends it
        watch.start();
    }

    /** A context closed inside a running JVM (tests) leaves no hook behind. */
    @PreDestroy
    void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is already running its hooks: this one stays armed
        }
    }
}
