package jp.hyoka.server.integration;

import jp.hyoka.server.support.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New topics and a burst right after them (the flake seen in RelayNodesIT and BrokerOutageIT): a broker names a new
 * partition's leader in its metadata a moment before its replica manager has made it one, and a produce in that
 * moment is refused as NOT_LEADER_OR_FOLLOWER. For the relay's idempotent producer that was the first batch of a
 * partition refused while the next one, sent behind it, was written (the broker takes any sequence from a producer
 * it has no state for): the retry was then out of sequence, and a key's records were out of order in the log.
 */
class TopicProvisioningIT {

    /** Many partitions at once: the broker makes them leaders one by one, which widens the moment. */
    private static final int TOPICS = 40;

    @Test
    void givenNewTopics_whenProvisionedAndABurstFollowsAtOnce_thenEveryPartitionTakesItsFirstProduceWithoutRetry()
            throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        String prefix = "hyoka.test.provision." + UUID.randomUUID() + ".";
        List<ProducerRecord<String, byte[]>> records = IntStream.range(0, TOPICS)
                .mapToObj(i -> new ProducerRecord<String, byte[]>(prefix + i, "141305:a", new byte[0])).toList();

        try (TopicProvisioning topics = new TopicProvisioning(bootstrap, Duration.ofSeconds(10))) {
            topics.ensure(records);
        }

        // No retries, no idempotence: a partition not yet ready shows itself as a failed send instead of a retry.
        List<String> refused = new ArrayList<>();
        try (KafkaProducer<String, byte[]> burst = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.RETRIES_CONFIG, 0,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            List<String> partitions = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                for (PartitionInfo partition : burst.partitionsFor(record.topic())) {
                    sent.add(burst.send(new ProducerRecord<>(record.topic(), partition.partition(), "141305:a",
                            "first".getBytes(StandardCharsets.UTF_8))));
                    partitions.add(record.topic() + "-" + partition.partition());
                }
            }
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get();
                } catch (ExecutionException e) {
                    refused.add(partitions.get(i) + ": " + e.getCause());
                }
            }
            assertThat(sent).hasSizeGreaterThanOrEqualTo(TOPICS);
        }
        assertThat(refused).as("first produces refused right after provisioning").isEmpty();
    }
}
