package jp.hyoka.server.integration;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** Reads a whole topic from the beginning, as a consumer would (no group: every partition assigned). */
final class TopicReader {

    /** A record as consumed: key, value and its headers as text. */
    record Received(String key, String value, Map<String, String> headers, int partition, long offset) {
        String ceId() {
            return headers.get("ce_id");
        }
    }

    private TopicReader() {
    }

    /**
     * The {@code ce_id}s of {@code key}'s records on {@code topic} in the order they stand there (one key: one
     * partition), read from the beginning until every one of {@code expected} is among them (at most 60 s; then what
     * arrived).
     */
    static List<String> readKey(String bootstrapServers, String topic, String key, List<String> expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,        // the relay makes the topic
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {   // the relay may not have made it yet
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                if (partitions.isEmpty()) {
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
            }
            List<String> received = new ArrayList<>();
            if (partitions.isEmpty()) {
                return received;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!received.containsAll(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(record.key())) {
                        received.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    }
                }
            }
            return received;
        }
    }

    /** Every record of {@code topic}, polling until at least {@code expected} arrived (at most 60 s). */
    static List<Received> read(String bootstrapServers, String topic, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Received> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                    }
                    received.add(new Received(record.key(), new String(record.value(), StandardCharsets.UTF_8),
                            headers, record.partition(), record.offset()));
                }
            }
            // a last look: anything beyond what was expected (a duplicate) shows up too
            consumer.poll(Duration.ofMillis(500)).forEach(record -> received.add(new Received(record.key(),
                    new String(record.value(), StandardCharsets.UTF_8), Map.of("ce_id",
                    new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)),
                    record.partition(), record.offset())));
            return received;
        }
    }
}
