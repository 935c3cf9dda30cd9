package jp.hyoka.server.integration;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.ScriptKafka;
import jp.hyoka.server.support.ServerProcess;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker stopped in the middle of a burst and started again, for real: the project's own
 * {@code infra/kafka/stop.sh} and {@code start.sh} ({@link ScriptKafka}), same address, same data. Meanwhile commands
 * keep working and the outbox grows; afterwards every row is published, and a consumer deduplicating by ce_id sees
 * each exactly once, in order per key. And the real server in a JVM of its own ({@link ServerProcess}) killed with
 * rows committed but not acknowledged by the broker: the next start publishes them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerOutageIT extends RelayServerTest {

    private static final ScriptKafka KAFKA = new ScriptKafka("kafka-outage").start();

    @Override
    String bootstrapServers() {
        return KAFKA.bootstrapServers();
    }

    @Test
    void givenRowsNotYetAcknowledged_whenTheServerIsKilledAndStartedAgain_thenTheyArePublishedInOrder()
            throws Exception {
        String topic = "hyoka.test.crash." + UUID.randomUUID();
        String database = TestDatabase.newDatabase();
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setUrl(database);
        direct.setUser(TestDatabase.user());
        direct.setPassword(TestDatabase.password());
        Outbox outbox = new Outbox(direct);
        ServerProcess.Config config = ServerProcess.external(database, TestDatabase.user(), TestDatabase.password())
                .name("relay-crash")
                .property("hyoka.kafka.bootstrap-servers", KAFKA.bootstrapServers())
                .property("hyoka.kafka.relay.poll-interval", "20ms");
        List<Outbox.Row> rows = new ArrayList<>();
        try (ServerProcess server = config.start()) {
            rows.addAll(outbox.insert(topic, 10, "141305:crash"));
            outbox.awaitAllPublished(60);
            KAFKA.stop();
            // committed, handed to the relay (which waits for the broker), never acknowledged: then SIGKILL
            rows.addAll(outbox.insert(topic, 30, "141305:crash"));
            server.kill();
        }
        assertThat(outbox.waiting()).isEqualTo(30);

        KAFKA.start();
        try (ServerProcess restarted = config.start()) {
            outbox.awaitAllPublished(60);
        }

        Map<String, TopicReader.Received> once = new LinkedHashMap<>();
        TopicReader.read(KAFKA.bootstrapServers(), topic, rows.size())
                .forEach(record -> once.putIfAbsent(record.ceId(), record));
        assertThat(once.keySet()).containsExactlyElementsOf(rows.stream().map(r -> r.eventId().toString()).toList());
    }

    @AfterAll
    void stopTheBroker() {
        KAFKA.stop();
    }

    @Test
    void givenABurst_whenTheBrokerStopsAndStartsAgain_thenEveryRowArrivesOnceAfterDeduplication() throws Exception {
        String topic = "hyoka.test.outage." + UUID.randomUUID();
        String[] keys = {"141305:a", "141305:b", "012041:c"};
        Outbox outbox = new Outbox(dataSource);
        List<Outbox.Row> rows = new ArrayList<>();
        for (int burst = 0; burst < 5; burst++) {
            rows.addAll(outbox.insert(topic, 20, keys));
        }

        long stopping = System.nanoTime();
        KAFKA.stop();
        System.out.printf("BrokerOutageIT: broker stopped in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
        for (int burst = 0; burst < 5; burst++) {
            rows.addAll(outbox.insert(topic, 20, keys));
        }
        assertThat(outbox.waiting()).isGreaterThanOrEqualTo(100);
        assertThat(callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "停止中の事務")).path("__typename").asText())
                .isEqualTo("AssessmentEdited");
        KAFKA.start();
        outbox.awaitAllPublished(90);

        List<TopicReader.Received> received = TopicReader.read(KAFKA.bootstrapServers(), topic, rows.size());
        Map<String, TopicReader.Received> once = new LinkedHashMap<>();
        received.forEach(record -> once.putIfAbsent(record.ceId(), record));
        assertThat(once).hasSize(rows.size());
        for (String key : keys) {
            assertThat(once.values().stream().filter(r -> r.key().equals(key)).map(TopicReader.Received::ceId))
                    .containsExactlyElementsOf(rows.stream().filter(r -> r.key().equals(key))
                            .map(r -> r.eventId().toString()).toList());
        }
        assertThat(relay.failures()).isZero();
    }
}
