package jp.hyoka.server.integration;

import io.micronaut.context.ApplicationContext;
import jp.hyoka.server.support.ServerNodes;
import jp.hyoka.server.support.TestDatabase;
import jp.hyoka.server.support.TestKafka;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay across server nodes on one database (each node its own context, pool and relay, as behind a load
 * balancer) and a real broker ({@link TestKafka}): one relay publishes at a time, each row once; a node stopping
 * hands over; rows written while no relay ran are published by the next node that starts.
 */
class RelayNodesIT {

    @Test
    void givenTwoNodes_whenRowsArrive_thenOneRelayPublishesEachRowOnceAndTheOtherTakesOverWhenItStops()
            throws Exception {
        String database = TestDatabase.newDatabase();
        String topic = "hyoka.test.nodes." + UUID.randomUUID();
        try (ApplicationContext first = node(database, TestKafka.bootstrapServers());
             ApplicationContext second = node(database, TestKafka.bootstrapServers())) {
            Outbox outbox = new Outbox(first.getBean(DataSource.class));
            List<OutboxRelay> relays = Stream.of(first, second).map(node -> node.getBean(OutboxRelay.class)).toList();

            for (int burst = 0; burst < 10; burst++) {
                outbox.insert(topic, 30, "141305:a", "141305:b");
            }
            outbox.awaitAllPublished(60);

            assertThat(relays.stream().filter(OutboxRelay::active)).hasSize(1);
            assertThat(relays.stream().map(OutboxRelay::publishedHere)).containsExactlyInAnyOrder(300L, 0L);
            assertThat(distinctIds(TopicReader.read(TestKafka.bootstrapServers(), topic, 300))).isEqualTo(300);

            ApplicationContext publishing = relays.get(0).active() ? first : second;
            OutboxRelay other = relays.get(0).active() ? relays.get(1) : relays.get(0);
            publishing.close();
            outbox = new Outbox((publishing == first ? second : first).getBean(DataSource.class));
            outbox.insert(topic, 50, "141305:a", "141305:b");
            outbox.awaitAllPublished(60);

            assertThat(other.active()).isTrue();
            assertThat(other.publishedHere()).isEqualTo(50);
            List<TopicReader.Received> received = TopicReader.read(TestKafka.bootstrapServers(), topic, 350);
            assertThat(received).hasSize(350);
            assertThat(distinctIds(received)).isEqualTo(350);
        }
    }

    @Test
    void givenRowsWrittenWhileTheBrokerWasOutOfReach_whenTheNodeStopsAndAnotherStarts_thenItPublishesThemInOrder()
            throws Exception {
        String database = TestDatabase.newDatabase();
        String topic = "hyoka.test.restart." + UUID.randomUUID();
        List<Outbox.Row> rows;
        // a node whose broker is out of reach: its relay holds the lock, fails, backs off, retries, publishes nothing
        try (ApplicationContext unreachable = node(database, "127.0.0.1:" + closedPort())) {
            Outbox outbox = new Outbox(unreachable.getBean(DataSource.class));
            rows = outbox.insert(topic, 40, "141305:restart");
            OutboxRelay relay = unreachable.getBean(OutboxRelay.class);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (relay.failures() < 2) {
                assertThat(System.nanoTime()).as("the relay never retried").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(relay.active()).isTrue();
            assertThat(outbox.waiting()).isEqualTo(40);
        }
        try (ApplicationContext withoutBroker = node(database, "")) {
            assertThat(withoutBroker.getBean(OutboxRelay.class).active()).isFalse();
            assertThat(new Outbox(withoutBroker.getBean(DataSource.class)).waiting()).isEqualTo(40);
        }

        try (ApplicationContext restarted = node(database, TestKafka.bootstrapServers())) {
            new Outbox(restarted.getBean(DataSource.class)).awaitAllPublished(60);

            assertThat(TopicReader.read(TestKafka.bootstrapServers(), topic, 40).stream()
                    .map(TopicReader.Received::ceId))
                    .containsExactlyElementsOf(rows.stream().map(row -> row.eventId().toString()).toList());
        }
    }

    private static ApplicationContext node(String database, String bootstrapServers) {
        Map<String, Object> properties = ServerNodes.properties(database, TestDatabase.user(), TestDatabase.password());
        properties.put("hyoka.kafka.bootstrap-servers", bootstrapServers);
        properties.put("hyoka.kafka.relay.poll-interval", "20ms");
        properties.put("hyoka.kafka.relay.lock-retry", "100ms");
        properties.put("hyoka.kafka.relay.batch-size", "25");
        properties.put("hyoka.kafka.max-block", "300ms");
        properties.put("hyoka.kafka.relay.max-backoff", "300ms");
        return ApplicationContext.run(properties);
    }

    /** A loopback port nothing listens on (taken and given back). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long distinctIds(List<TopicReader.Received> received) {
        return received.stream().map(TopicReader.Received::ceId).distinct().count();
    }
}
