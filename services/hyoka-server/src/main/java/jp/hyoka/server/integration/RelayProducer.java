package jp.hyoka.server.integration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** Threads asking for new topics' metadata at once (each waits for the producer's metadata update). */
    private static final int MAX_ASKERS = 32;

    /** The producer's batch size per partition. */
    static final int BATCH_BYTES = 64 * 1024;

    private final Producer<String, byte[]> producer;
    private final Set<String> primed = new HashSet<>();
    private final Duration maxBlock;

    RelayProducer(String bootstrapServers, Duration maxBlock) {
        this.maxBlock = maxBlock;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "hyoka-outbox-relay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // A relay batch spreads over many partitions (one per municipality's topic); with the default 16 KB a
                // partition's records left in several small batches, each a separate append for the broker. Not
                // larger: the producer takes a whole batch-size buffer per partition with records, and 256 KB × the
                // partitions of 20 topics × the batches in flight outgrew the 32 MB buffer memory, so that send()
                // stood waiting for buffers (the relay thread's longest wait in a profile of row 10).
                ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis()),
                new StringSerializer(), new ByteArraySerializer());
    }

    Producer<String, byte[]> producer() {
        return producer;
    }

    /**
     * Asks the broker for the partitions of the records' topics this producer has not sent to yet, all at once. A
     * new producer's first send to a topic waits for that topic's metadata, one round trip per topic in turn (20
     * municipalities' topics: the relay thread's second longest wait in row 10's profile); asked together, the
     * producer fetches them in one or two requests. A topic whose metadata does not come within {@code max-block}
     * is left to {@code send}, which fails the attempt as before.
     */
    void prime(Collection<ProducerRecord<String, byte[]>> records) throws InterruptedException {
        List<String> topics = records.stream().map(ProducerRecord::topic).distinct().filter(primed::add).toList();
        if (topics.size() < 2) {
            return;
        }
        ExecutorService askers = Executors.newFixedThreadPool(Math.min(topics.size(), MAX_ASKERS), runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-metadata");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> asked = topics.stream().<Future<?>>map(topic -> askers.submit(() -> producer.partitionsFor(topic)))
                    .toList();
            for (Future<?> answer : asked) {
                try {
                    answer.get(maxBlock.toMillis() + 1_000, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("Outbox relay: no metadata yet; the send will wait for it", e);
                }
            }
        } finally {
            askers.shutdownNow();
        }
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
