package jp.hyoka.server.integration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * The relay's idempotent producer: acks from every in-sync replica, idempotence on (the broker drops a retried
 * batch it already has, and keeps a partition's order with up to 5 requests in flight). A sent record never expires
 * (delivery timeout: unbounded): while the broker is away the producer retries it, reconnecting with back-off, and
 * the relay waits — up to OutboxRelay's STUCK_AFTER, after which it starts again with a new producer from the first
 * unmarked row (at least once; consumers drop a repeated ce_id). A batch that expired would break the order: its producer would go on with the records after it,
 * which the broker then takes before the expired one's second attempt. Only a record that could not be queued at all
 * (no metadata within {@code max-block}: the broker was away at the first send) fails the attempt; what was queued
 * before it is delivered in order, and the relay starts again after it with a new producer.
 */
final class RelayProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayProducer.class);

    private final Producer<String, byte[]> producer;

    RelayProducer(String bootstrapServers, Duration maxBlock) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "hyoka-outbox-relay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // A relay batch spreads over many partitions (one per municipality's topic); with the default 16 KB a
                // partition's records left in several small batches, each a separate append for the broker.
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis()),
                new StringSerializer(), new ByteArraySerializer());
    }

    Producer<String, byte[]> producer() {
        return producer;
    }

    /** Closes the producer; on a stopping (interrupted) thread too, which keeps its interrupt. */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            producer.close(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debug("Outbox relay: the producer did not close cleanly", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
