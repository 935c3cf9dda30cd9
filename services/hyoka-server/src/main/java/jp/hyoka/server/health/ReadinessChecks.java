package jp.hyoka.server.health;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.annotation.PreDestroy;
import jp.hyoka.server.axon.ProcessorLag;
import jp.hyoka.server.axon.ReadModelProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Checks the database and the read models' lag on a thread of its own every {@code hyoka.health.check-interval}
 * and keeps the verdicts; the health indicators only read them. Why not check in the probe: the health endpoint
 * runs on the event loop, and a database out of reach makes a connection wait its full timeout (5 s), longer than
 * a probe waits. A check that has not finished for {@link #stale} counts as failed (a hung connection).
 */
@Context
// Its first check waits for the schema migration: among the last eager beans (just before Axon's start, which waits
// too), so that the main thread builds the others while the migration runs (infra/docs/startup.md).
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class ReadinessChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessChecks.class);

    /** One check's verdicts, and when it ended (System.nanoTime). */
    private record Verdict(boolean databaseUp, boolean readModelsUp, long at) {
    }

    private final DataSource dataSource;
    private final ProcessorLag lag;
    private final long maxLag;
    private final Duration stale;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hyoka-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Verdict last;

    public ReadinessChecks(DataSource dataSource, ProcessorLag lag,
                           @Value("${hyoka.health.max-read-model-lag:10000}") long maxLag,
                           @Value("${hyoka.health.check-interval:2s}") Duration interval,
                           @Value("${hyoka.database.connection-timeout:5s}") Duration connectionTimeout) {
        this.dataSource = dataSource;
        this.lag = lag;
        this.maxLag = maxLag;
        this.stale = interval.multipliedBy(2).plus(connectionTimeout);
        check();   // the first verdict is there before the server takes requests
        checker.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The database answered the last check. */
    public boolean databaseUp() {
        Verdict verdict = current();
        return verdict != null && verdict.databaseUp();
    }

    /** The read-model processor was at most {@code hyoka.health.max-read-model-lag} events behind at the last check. */
    public boolean readModelsUp() {
        Verdict verdict = current();
        return verdict != null && verdict.readModelsUp();
    }

    private Verdict current() {
        Verdict verdict = last;
        return verdict == null || System.nanoTime() - verdict.at() > stale.toNanos() ? null : verdict;
    }

    private void check() {
        boolean databaseUp = false;
        boolean readModelsUp = false;
        String why = null;
        try {
            // One connection at a time: when requests hold every pooled connection but one, the check still gets it.
            try (Connection connection = dataSource.getConnection()) {
                databaseUp = connection.isValid(1);
            }
            if (databaseUp) {
                long behind = lag.refresh().lagOf(ReadModelProjection.PROCESSING_GROUP);
                readModelsUp = readModelsUp(behind);
                why = readModelsUp ? null : "the read models are " + behind + " events behind (at most " + maxLag + ")";
            } else {
                why = "the database does not answer";
            }
        } catch (Exception e) {
            why = e.toString();
        }
        Verdict previous = last;
        last = new Verdict(databaseUp, readModelsUp, System.nanoTime());
        boolean ready = databaseUp && readModelsUp;
        // Said once when it changes, not at every check of an outage.
        if (previous == null || ready != (previous.databaseUp() && previous.readModelsUp())) {
            if (ready) {
                LOG.info("Ready");
            } else {
                LOG.warn("Not ready: {}", why);
            }
        }
    }

    /**
     * Down past {@code max-read-model-lag}, up again only at half of it: a lag hovering at the threshold does not make
     * the node flap in and out of the load balancer. The lag is the installation's (one processor), so every node
     * turns at the same moment: the threshold is for a processor that is stuck, not for a burst (README).
     */
    private boolean readModelsUp(long behind) {
        Verdict previous = last;
        boolean wasUp = previous == null || previous.readModelsUp();
        return wasUp ? behind <= maxLag : behind <= maxLag / 2;
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
