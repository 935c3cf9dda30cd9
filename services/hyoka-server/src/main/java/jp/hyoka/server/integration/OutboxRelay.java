package jp.hyoka.server.integration;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jp.hyoka.server.database.AdvisoryLock;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox to Kafka, on a thread of its own (never Netty's event loop, never a GraphQL worker). While it
 * holds the installation's relay lock (an {@link AdvisoryLock} on a connection of
 * its own, which it also reads on: a node that loses the lock fails its next statement) it reads the oldest unpublished
 * rows in position order, sends them with the idempotent producer ({@link RelayProducer}) and marks a batch published
 * ({@link Marker}, on a thread of its own: it deletes the rows' queue entries) only once the broker has acknowledged
 * every row of it. Up to {@code IN_FLIGHT} batches are with the broker at once, and the next batch is read and made
 * into records ahead ({@link ReadAhead}) while one is sent and the oldest acknowledged (measured: 0.23 one step at a
 * time → 0.53–0.56 of the ordered-read ceiling; infra/docs/integration-benchmark.md).
 *
 * <p><b>Order.</b> Every read takes the lowest waiting rows that are not sent and unmarked ({@link SentRows}), below
 * the rows in flight as well as above them: a row that committed after the relay had read past its position (late:
 * another municipality's higher position committed first) comes with the very next read, before any row above it.
 * Since one municipality's append rows draw their positions in its commit order (under its chain head), a read never
 * sees a row of it without every lower row of it that will ever commit, so the relay never sends a municipality's
 * row — nor an assessment's, one Kafka key — while a lower one of it waits unsent. Until session 11 the relay read
 * after a cursor and looked from the start only when idle or every 5 s: a late row was overtaken by the next row of
 * its municipality meanwhile (the known gap of infra/docs/guarantees.md, {@code RelayLateRowIT}). A row a replay
 * queues again, or one whose mark failed, is read again by the same rule. Rows written outside an append (proposals,
 * deadlines) keep their weaker order: they draw positions without the chain head.
 *
 * <p>Without the lock it stays idle and asks again ({@code hyoka.kafka.relay.lock-retry}). A broker that goes away holds the batch until it is back (the producer
 * retries, in order); a broker away at the first send fails the attempt: the acknowledged beginning is marked, the
 * rest is sent again after a back-off (doubling up to {@code hyoka.kafka.relay.max-backoff}) with a new producer.
 * Commands never wait for any of this: the outbox grows. Without {@code hyoka.kafka.bootstrap-servers} nothing
 * runs and the outbox keeps its rows.
 */
@Singleton
public class OutboxRelay implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** One publishing relay in the installation: the advisory lock's name. */
    static final String LOCK = "hyoka.integration.outbox-relay";
    private static final Duration STUCK_AFTER = Duration.ofSeconds(15);
    /** Batches with the broker at once: reading and sending the next overlaps waiting for the previous. */
    private static final int IN_FLIGHT = 4;

    private final HikariDataSource dataSource;
    private final KafkaSettings settings;
    private final AtomicLong publishedHere = new AtomicLong();
    private volatile boolean running;
    private volatile boolean active;
    private volatile int failures;
    private Thread thread;

    public OutboxRelay(HikariDataSource dataSource, KafkaSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (settings.bootstrapServers().isEmpty()) {
            LOG.info("No Kafka broker configured (hyoka.kafka.bootstrap-servers, HYOKA_KAFKA_BOOTSTRAP_SERVERS): the "
                    + "outbox relay does not run; integration events wait in integration_outbox until one does");
            return;
        }
        start();
    }

    /** Starts the relay thread (once; a stopped relay may be started again). */
    public synchronized void start() {
        if (running || settings.bootstrapServers().isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops publishing and gives the lock up (another node's relay takes over); waits for the thread. */
    @PreDestroy
    public void stop() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
        }
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this node's relay holds the lock and publishes. */
    public boolean active() {
        return active;
    }

    /** Failed attempts in a row (broker or database out of reach); 0 once a batch goes through. */
    public int failures() {
        return failures;
    }

    /** Rows this node's relay has marked published since it started. */
    public long publishedHere() {
        return publishedHere.get();
    }

    private void run() {
        String bootstrap = settings.bootstrapServers().orElseThrow();
        AdvisoryLock lock = null;
        RelayProducer producer = null;
        TopicProvisioning topics = null;
        SentRows sentRows = new SentRows();
        Marker marker = new Marker(dataSource, sentRows);
        ReadAhead reads = new ReadAhead(sentRows);
        Deque<Sent> inFlight = new ArrayDeque<>();
        boolean refused = false;                            // a row was refused: nothing more until it is retried
        failures = 0;
        try {
            while (running) {
                try {
                    if (lock == null) {
                        lock = AdvisoryLock.tryTake(dataSource, LOCK).orElse(null);
                        if (lock == null) {
                            pause(settings.lockRetry());
                            continue;
                        }
                        active = true;
                        LOG.info("Outbox relay: this node publishes integration events to {}", bootstrap);
                    }
                    if (producer == null) {
                        // A start: the first batch is read on the reader thread while the Kafka clients are made
                        // and connect (they ask for the cluster's metadata at once): one after the other, the
                        // start's steps were a third of a 3,000-row round of row 10 (infra/docs).
                        reads.readAhead(lock.connection(), settings.batchSize());
                        producer = new RelayProducer(bootstrap, settings.maxBlock());
                        topics = new TopicProvisioning(bootstrap, settings.maxBlock());
                    }
                    // Up to IN_FLIGHT batches with the broker: the next is read and sent while one is acknowledged.
                    while (!refused && inFlight.size() < IN_FLIGHT) {
                        ReadAhead.Batch batch = reads.next(lock.connection(), settings.batchSize());
                        if (batch.isEmpty()) {
                            break;
                        }
                        sentRows.add(batch.rows());                 // before the next read: it must leave them out
                        reads.readAhead(lock.connection(), settings.batchSize());
                        topics.ensure(batch.records());
                        producer.prime(batch.records());
                        Sent sent = send(producer.producer(), batch);
                        inFlight.add(sent);
                        if (sent.futures().size() < batch.rows().size()) {
                            // Refused at once: send nothing after it (a later row of its key would overtake it)
                            // until its batch's turn fails the attempt and everything unmarked is read again.
                            reads.discard();
                            refused = true;
                            break;
                        }
                    }
                    if (inFlight.isEmpty()) {
                        pause(settings.pollInterval());
                        continue;
                    }
                    Sent oldest = inFlight.poll();
                    List<OutboxRow> acknowledged = acknowledged(oldest);
                    marker.mark(acknowledged, publishedHere);
                    if (acknowledged.size() < oldest.rows().size()) {
                        throw new BrokerUnavailable(oldest.rows().size() - acknowledged.size());
                    }
                    if (failures > 0) {
                        LOG.info("Outbox relay: publishing again after {} failed attempts", failures);
                    }
                    failures = 0;
                } catch (InterruptedException e) {
                    return;
                } catch (SQLException | RuntimeException e) {
                    failures++;
                    if (failures == 1 || failures % 20 == 0) {
                        LOG.warn("Outbox relay: attempt {} failed ({}); retrying with back-off", failures, e.toString());
                    }
                    // What was sent and not marked is read again from the outbox and sent again (same ids).
                    inFlight.clear();
                    reads.discard();
                    marker.drain();
                    sentRows.clear();
                    refused = false;
                    if (e instanceof SQLException && lock != null) {
                        lock.close();
                        lock = null;
                        active = false;
                    }
                    if (producer != null) {
                        producer.close();
                        producer = null;
                    }
                    if (topics != null) {
                        topics.close();
                        topics = null;
                    }
                    pause(backoff(failures));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            active = false;
            if (producer != null) {
                producer.close();
            }
            if (topics != null) {
                topics.close();
            }
            marker.close();
            reads.close();
            if (lock != null) {
                lock.close();
            }
            LOG.info("Outbox relay stopped");
        }
    }

    /** A batch handed to the producer: its rows and the futures of those queued (a beginning of them). */
    private record Sent(List<OutboxRow> rows, List<Future<RecordMetadata>> futures) {
    }

    /** Queues the records in order; stops at one the producer refuses at once (no metadata: the broker is away). */
    private static Sent send(Producer<String, byte[]> producer, ReadAhead.Batch batch) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (ProducerRecord<String, byte[]> record : batch.records()) {
                Future<RecordMetadata> future = producer.send(record);
                sent.add(future);
                if (future.isDone()) {
                    // failed at once (no metadata within max-block: the broker is away): queue nothing after it
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Outbox relay: send refused", e);
        }
        return new Sent(batch.rows(), sent);
    }

    /** Waits for the broker; @return the acknowledged rows of the batch: a beginning of them. */
    private static List<OutboxRow> acknowledged(Sent sent) throws InterruptedException {
        List<OutboxRow> acknowledged = new ArrayList<>();
        for (int i = 0; i < sent.futures().size(); i++) {
            try {
                awaitAcknowledgement(sent.futures().get(i), sent.rows().get(i));
                acknowledged.add(sent.rows().get(i));
            } catch (ExecutionException e) {
                LOG.debug("Outbox relay: not acknowledged: position {}", sent.rows().get(i).position(), e.getCause());
                break;
            }
        }
        return acknowledged;
    }

    /**
     * Waits for the broker's acknowledgement while the producer retries; past {@link #STUCK_AFTER} the attempt fails
     * and the relay starts again with a new producer from the first unmarked row (at least once: consumers drop a
     * repeated {@code ce_id}). Never waiting forever matters: an idempotent producer whose first batch to a new
     * partition was refused for metadata (though written) retried it as out of sequence, endlessly, and the relay
     * stood still (seen in RelayNodesIT and RelayRewindIT under load).
     */
    private static void awaitAcknowledgement(Future<RecordMetadata> sent, OutboxRow row)
            throws InterruptedException, ExecutionException {
        try {
            sent.get(STUCK_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no acknowledgement from the broker for " + STUCK_AFTER.toSeconds()
                    + " s (position " + row.position() + "); the producer is started again, the outbox keeps the rows");
        }
    }

    private Duration backoff(int failures) {
        long millis = 250L << Math.min(failures - 1, 10);
        return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
    }

    private void pause(Duration duration) throws InterruptedException {
        if (!running) {
            throw new InterruptedException("stopping");
        }
        Thread.sleep(duration.toMillis());
    }

    /** Some rows of a batch were not acknowledged (the broker is out of reach, or refused them). */
    private static final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(int rows) {
            super(rows + " row(s) not acknowledged by the broker");
        }
    }
}
