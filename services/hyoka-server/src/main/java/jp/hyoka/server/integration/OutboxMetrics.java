package jp.hyoka.server.integration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The outbox's lag as metrics (Prometheus at /prometheus): {@code hyoka_integration_outbox_waiting} rows not yet
 * published, {@code hyoka_integration_outbox_oldest_waiting_age_seconds} how long the oldest has waited (0 when none)
 * and {@code hyoka_integration_outbox_relay_active} (1 when a relay on some node holds the lock). Read every
 * {@link #FRESH} on a thread of its own; a scrape only reads the last values: it runs on Netty's event loop, where a
 * query (or a database out of reach, a connection's whole timeout) must never run.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class OutboxMetrics {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMetrics.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hyoka-outbox-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private volatile OutboxTable.Lag last = new OutboxTable.Lag(0, null, 0, false);

    public OutboxMetrics(MeterRegistry registry, DataSource dataSource) {
        this.dataSource = dataSource;
        Gauge.builder("hyoka.integration.outbox.waiting", this, metrics -> metrics.last.waiting())
                .description("Integration events in the outbox not yet published to Kafka").register(registry);
        Gauge.builder("hyoka.integration.outbox.oldest.waiting.age", this, metrics -> {
            Double age = metrics.last.oldestWaitingAgeSeconds();
            return age == null ? 0 : age;
        }).baseUnit("seconds").description("How long the oldest unpublished integration event has waited")
                .register(registry);
        Gauge.builder("hyoka.integration.outbox.relay.active", this, metrics -> metrics.last.relayActive() ? 1 : 0)
                .description("1 when a relay (on any node) publishes the outbox").register(registry);
        reader.scheduleWithFixedDelay(this::read, 0, FRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last known values stay when the database fails (said in the log). */
    private void read() {
        try {
            last = OutboxTable.lag(dataSource, false);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Outbox lag could not be read for the metrics: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }
}
