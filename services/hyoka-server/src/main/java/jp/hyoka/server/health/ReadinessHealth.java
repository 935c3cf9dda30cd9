package jp.hyoka.server.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Counts for readiness only (it is not marked {@code @Liveness}): DOWN while the database does not answer or the
 * read models are more than {@code hyoka.health.max-read-model-lag} events behind the event store (a node started on
 * a long backlog, a stuck processor), when answers would be stale and read-your-writes waits would time out. A
 * restart cures neither, so liveness stays UP.
 */
@Singleton
public class ReadinessHealth implements HealthIndicator {

    private final ReadinessChecks checks;

    public ReadinessHealth(ReadinessChecks checks) {
        this.checks = checks;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean ready = checks.databaseUp() && checks.readModelsUp();
        return Publishers.just(HealthResult.builder("hyoka", ready ? HealthStatus.UP : HealthStatus.DOWN).build());
    }
}
