package jp.hyoka.server.integration;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how the relay publishes. No bootstrap address ({@code hyoka.kafka.bootstrap-servers}, env
 * {@code HYOKA_KAFKA_BOOTSTRAP_SERVERS}): no relay runs, and the outbox keeps every row until one does.
 */
@Singleton
public class KafkaSettings {

    private final String bootstrapServers;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration lockRetry;
    private final Duration maxBackoff;
    private final Duration maxBlock;

    public KafkaSettings(@Value("${hyoka.kafka.bootstrap-servers:}") String bootstrapServers,
                         @Value("${hyoka.kafka.relay.batch-size:2000}") int batchSize,
                         @Value("${hyoka.kafka.relay.poll-interval:200ms}") Duration pollInterval,
                         @Value("${hyoka.kafka.relay.lock-retry:2s}") Duration lockRetry,
                         @Value("${hyoka.kafka.relay.max-backoff:10s}") Duration maxBackoff,
                         @Value("${hyoka.kafka.max-block:10s}") Duration maxBlock) {
        this.bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.trim();
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.lockRetry = lockRetry;
        this.maxBackoff = maxBackoff;
        this.maxBlock = maxBlock;
    }

    public Optional<String> bootstrapServers() {
        return bootstrapServers.isEmpty() ? Optional.empty() : Optional.of(bootstrapServers);
    }

    int batchSize() {
        return batchSize;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    Duration lockRetry() {
        return lockRetry;
    }

    Duration maxBackoff() {
        return maxBackoff;
    }

    Duration maxBlock() {
        return maxBlock;
    }
}
