package jp.hyoka.server.integration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates a municipality's topic before the relay first sends to it (broker defaults for partitions and
 * replication), instead of leaving it to the broker's auto-creation on the first produce. Measured: a first produce
 * racing the auto-creation got a metadata error for a batch the broker had in fact written while the next batches
 * went on; the idempotent producer's retry of it was then refused as out of sequence, again and again (the relay's
 * delivery timeout is unbounded, for order), and the relay stood still. A topic that exists before the first record
 * has its leader from the start. Where the relay may not create topics (a broker ACL), they are provisioned by the
 * operator, as the README says, and this steps aside.
 */
final class TopicProvisioning implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioning.class);

    private final Admin admin;
    private final Duration patience;
    private final Set<String> known = new HashSet<>();

    TopicProvisioning(String bootstrapServers, Duration patience) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "hyoka-outbox-relay-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) patience.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) patience.toMillis()));
        this.patience = patience;
    }

    /**
     * Makes sure the records' topics exist.
     * @throws IllegalStateException when the broker did not answer in time (the relay's attempt fails and is retried)
     */
    void ensure(Collection<ProducerRecord<String, byte[]>> records) throws InterruptedException {
        List<String> unknown = records.stream().map(ProducerRecord::topic).distinct()
                .filter(topic -> !known.contains(topic)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> ready = ready(unknown);
        if (!ready.isEmpty()) {
            // described with leaders is not yet led (awaitLeaders): a topic created a moment ago by another client,
            // or by an attempt of this relay that failed before its wait, would otherwise reopen that race
            awaitLeaders(ready.keySet(), ready.values());
            known.addAll(ready.keySet());
        }
        List<NewTopic> missing = unknown.stream().filter(topic -> !known.contains(topic))
                .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, org.apache.kafka.common.KafkaFuture<Void>> created = admin.createTopics(missing).values();
        for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> topic : created.entrySet()) {
            try {
                topic.getValue().get(patience.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Outbox relay: created topic {}", topic.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    if (!(e.getCause() instanceof TopicAuthorizationException
                            || e.getCause() instanceof ClusterAuthorizationException)) {
                        throw new IllegalStateException("topic " + topic.getKey() + " could not be created", e.getCause());
                    }
                    LOG.info("Outbox relay: may not create topic {}; it is expected to be provisioned", topic.getKey());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("the broker did not create topic " + topic.getKey() + " in time", e);
            }
            known.add(topic.getKey());
        }
        awaitLeaders(created.keySet(), null);
    }

    /**
     * The topics that exist with a leader for every partition, in one request: a relay starting on existing topics
     * (the usual case: every start after the first) asked the broker to create each and then to describe them, two
     * round trips per start (row 10's profile: ~0.2 s of a start on a busy machine). A topic not described (missing,
     * or not allowed) goes the creating way; no answer in time fails the attempt, as a creation would.
     */
    private Map<String, TopicDescription> ready(List<String> topics) throws InterruptedException {
        Map<String, TopicDescription> ready = new HashMap<>();
        for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<TopicDescription>> topic
                : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                TopicDescription description = topic.getValue().get(patience.toMillis(), TimeUnit.MILLISECONDS);
                if (description.partitions().stream().allMatch(partition -> partition.leader() != null
                        && !partition.leader().isEmpty())) {
                    ready.put(topic.getKey(), description);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                    throw new IllegalStateException("the broker did not describe topic " + topic.getKey() + " in time",
                            e.getCause());
                }
                LOG.debug("Outbox relay: topic {} not described ({}); creating it", topic.getKey(), e.getCause());
            } catch (TimeoutException e) {
                // the broker is away: the attempt fails as a creation would, and is retried after a back-off
                throw new IllegalStateException("the broker did not describe topic " + topic.getKey() + " in time", e);
            }
        }
        return ready;
    }

    /**
     * Until every partition's leader takes requests as the leader. Its metadata naming a leader is not enough: a
     * broker publishes a new partition's leader in its metadata (what describe and the producer's metadata read) a
     * moment before its replica manager has made the partition a leader, and a produce in that moment is refused
     * as NOT_LEADER_OR_FOLLOWER. The relay's idempotent producer then had a partition's first batch refused while
     * the next, sent behind it, was written (a broker takes any sequence from a producer it has no state for): the
     * retry was out of sequence until the stuck timeout, and a key's first records stood in the log out of order
     * (TopicProvisioningIT). A list-offsets request is answered by the leader's replica manager itself, so once it
     * answers for every partition a produce is taken too.
     */
    private void awaitLeaders(Collection<String> topics, Collection<TopicDescription> described)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (described == null) {
                    described = admin.describeTopics(topics).allTopicNames()
                            .get(patience.toMillis(), TimeUnit.MILLISECONDS).values();
                }
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                described.forEach(topic -> topic.partitions().forEach(partition ->
                        partitions.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get(patience.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("Outbox relay: topics {} not led yet", topics, e);
                described = null;                           // described again: a leader may have moved
            }
            Thread.sleep(20);
        }
        LOG.info("Outbox relay: not every partition of {} is led yet; sending all the same", topics);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
