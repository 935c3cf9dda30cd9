package jp.hyoka.server.integration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The outbox's lag as metrics (Prometheus at /prometheus): {@code hyoka_integration_outbox_waiting} rows not yet
 * published, {@code hyoka_integration_outbox_oldest_waiting_age_seconds} how long the oldest has waited (0 when none)
 * and {@code hyoka_integration_outbox_relay_active} (1 when a relay on some node holds the lock). The table is read
 * at most once per {@link #FRESH}, however often the metrics are scraped.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class OutboxMetrics {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMetrics.class);

    private final DataSource dataSource;
    private OutboxTable.Lag last = new OutboxTable.Lag(0, null, 0, false);
    private long readAt;

    public OutboxMetrics(MeterRegistry registry, DataSource dataSource) {
        this.dataSource = dataSource;
        Gauge.builder("hyoka.integration.outbox.waiting", this, metrics -> metrics.lag().waiting())
                .description("Integration events in the outbox not yet published to Kafka").register(registry);
        Gauge.builder("hyoka.integration.outbox.oldest.waiting.age", this, metrics -> {
            Double age = metrics.lag().oldestWaitingAgeSeconds();
            return age == null ? 0 : age;
        }).baseUnit("seconds").description("How long the oldest unpublished integration event has waited")
                .register(registry);
        Gauge.builder("hyoka.integration.outbox.relay.active", this, metrics -> metrics.lag().relayActive() ? 1 : 0)
                .description("1 when a relay (on any node) publishes the outbox").register(registry);
    }

    /** The lag as last read, read again when older than {@link #FRESH}; the last known one if the database fails. */
    synchronized OutboxTable.Lag lag() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > FRESH.toNanos()) {
            try {
                last = OutboxTable.lag(dataSource);
                readAt = now;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Outbox lag could not be read for the metrics: {}", e.getMessage());
            }
        }
        return last;
    }
}
