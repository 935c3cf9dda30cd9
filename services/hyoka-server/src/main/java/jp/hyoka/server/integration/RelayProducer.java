package jp.hyoka.server.integration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;

/**
 * The relay's idempotent producer: acks from every in-sync replica, idempotence on (the broker drops a retried
 * batch it already has, and keeps a partition's order with up to 5 requests in flight). A producer whose batch
 * failed is closed and replaced, so the next attempt starts from the first row not acknowledged.
 */
final class RelayProducer implements AutoCloseable {

    private final Producer<String, byte[]> producer;

    RelayProducer(String bootstrapServers, Duration deliveryTimeout) {
        long delivery = Math.max(deliveryTimeout.toMillis(), 2_000);
        long request = Math.max(1_000, Math.min(10_000, delivery / 2));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "hyoka-outbox-relay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (delivery + 5),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery),
                new StringSerializer(), new ByteArraySerializer());
    }

    Producer<String, byte[]> producer() {
        return producer;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
