package jp.hyoka.server.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay against a real broker ({@link TestKafka}): rows of the outbox arrive in position order per key, as
 * CloudEvents in binary content mode, and are marked published only once the broker has them; operators read the
 * lag.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayIT extends RelayServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    String bootstrapServers() {
        return TestKafka.bootstrapServers();
    }

    @Test
    void givenRowsInTheOutbox_whenTheRelayRuns_thenEachArrivesInOrderPerKeyAsACloudEvent() throws Exception {
        String topic = "hyoka.test.ordered." + UUID.randomUUID();
        Outbox outbox = new Outbox(dataSource);
        List<Outbox.Row> rows = outbox.insert(topic, 30, "141305:a", "141305:b", "012041:c");

        outbox.awaitAllPublished(60);
        List<TopicReader.Received> received = TopicReader.read(TestKafka.bootstrapServers(), topic, rows.size());

        assertThat(received).hasSize(rows.size());
        for (String key : List.of("141305:a", "141305:b", "012041:c")) {
            assertThat(received.stream().filter(r -> r.key().equals(key)).map(TopicReader.Received::ceId))
                    .containsExactlyElementsOf(rows.stream().filter(r -> r.key().equals(key))
                            .map(r -> r.eventId().toString()).toList());
            assertThat(received.stream().filter(r -> r.key().equals(key)).map(TopicReader.Received::partition)
                    .distinct()).hasSize(1);
        }
        Outbox.Row first = rows.get(0);
        TopicReader.Received firstReceived = received.stream()
                .filter(r -> r.ceId().equals(first.eventId().toString())).findFirst().orElseThrow();
        assertThat(firstReceived.headers()).containsAllEntriesOf(Map.of(
                "ce_specversion", "1.0",
                "ce_id", first.eventId().toString(),
                "ce_source", "/hyoka/141305",
                "ce_type", "jp.hyoka.test.happened.v1",
                "ce_time", "2026-12-06T08:00:00.123Z",
                "ce_subject", "assessments/141305:a",
                "ce_dataschema", "https://hyoka.jp/schema/events/test-happened.v1.json",
                "ce_hyokatenant", "141305",
                "content-type", "application/json"));
        assertThat(JSON.readTree(firstReceived.value())).isEqualTo(JSON.readTree(first.payload()));
        assertThat(relay.active()).isTrue();
    }

    @Test
    void givenAPlatformOperator_whenTheOutboxIsAskedFor_thenItsLagAndRelayShow() throws Exception {
        Outbox outbox = new Outbox(dataSource);
        outbox.insert("hyoka.test.lag." + UUID.randomUUID(), 3, "141305:lag");
        outbox.awaitAllPublished(60);
        GraphQlClient operator = new GraphQlClient(server.getURI(),
                issuer.issue("operator", "運用者", null, List.of("platform-operator")));

        JsonNode status = operator.data("integrationOutbox", "{ integrationOutbox { waiting oldestWaitingAgeSeconds "
                + "publishedTotal relayActive bootstrapServers } }", Map.of());

        assertThat(status.get("waiting").asInt()).isZero();
        assertThat(status.get("oldestWaitingAgeSeconds").isNull()).isTrue();
        assertThat(status.get("publishedTotal").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(status.get("relayActive").asBoolean()).isTrue();
        assertThat(status.get("bootstrapServers").asText()).isEqualTo(TestKafka.bootstrapServers());
    }
}
