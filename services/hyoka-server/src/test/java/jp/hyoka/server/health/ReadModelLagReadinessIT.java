package jp.hyoka.server.health;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.axon.ReadModelProjection;
import jp.hyoka.server.support.SignedInServerTest;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static jp.hyoka.server.support.Management.ask;
import static jp.hyoka.server.support.Management.awaitStatus;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the read-model processor stopped, edits are stored but not projected: once they are more than
 * {@code hyoka.health.max-read-model-lag} events ahead, readiness is DOWN and liveness stays UP; once the
 * processor has caught up, readiness is UP again.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelLagReadinessIT extends SignedInServerTest {

    private static final Duration CHECKED = Duration.ofSeconds(20);

    private static final String EDIT = """
            mutation($id: ID!, $rev: Int!, $text: String!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "department.name",
                                 value: {text: $text}}) {
                ... on AssessmentEdited { revision }
                ... on EditNotYetVisible { revision }
              }
            }""";

    @Inject
    Configuration axon;

    @Override
    public Map<String, String> getProperties() {
        // The edits below wait for read models that do not move; they need not wait long.
        return baseProperties(Map.of("hyoka.health.max-read-model-lag", "3", "hyoka.health.check-interval", "200ms",
                "hyoka.read-your-writes.timeout", "1s"));
    }

    @Test
    void givenTheReadModelsFarBehind_whenTheProbesAsk_thenReadinessIsDownLivenessUpAndUpAgainOnceCaughtUp()
            throws InterruptedException {
        assertThat(awaitStatus(server.getURI(), "/health/readiness", 200, CHECKED).statusCode()).isEqualTo(200);
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "遅延"))
                .path("assessment").path("id").asText();
        TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModelProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();

        int revision = 1;
        for (int i = 0; i < 5; i++) {
            revision = callers.kawasakiEditor.data("answerItem", EDIT, Map.of("id", id, "rev", revision,
                    "text", "課" + i)).path("revision").asInt();
        }

        HttpResponse<String> behind = awaitStatus(server.getURI(), "/health/readiness", 503, CHECKED);
        assertThat(behind.statusCode()).isEqualTo(503);
        assertThat(behind.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(ask(server.getURI(), "/health/liveness").statusCode()).isEqualTo(200);
        assertThat(ask(server.getURI(), "/prometheus").body())
                .containsPattern("hyoka_event_processor_lag_events\\{processor=\"assessment-read-models\","
                        + "segment=\"0\"} [4-9]\\.0");

        processor.start();
        assertThat(awaitStatus(server.getURI(), "/health/readiness", 200, CHECKED).statusCode()).isEqualTo(200);
    }
}
