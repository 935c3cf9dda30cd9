package jp.hyoka.server.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.observability.OtlpReceiver.ReceivedSpan;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an exporter configured as an operator would (the standard OTEL settings, here as properties), one edit is
 * one trace at a real OTLP/HTTP receiver: request → command → append → projection, each saying whose request.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingIT extends SignedInServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OtlpReceiver receiver = new OtlpReceiver();

    /** Exporter and endpoint only: OTLP/HTTP protobuf is Hyoka's default protocol. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("otel.traces.exporter", "otlp");
        properties.put("otel.exporter.otlp.traces.endpoint", receiver.tracesEndpoint());
        properties.put("otel.bsp.schedule.delay", "50");
        return properties;
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void givenAnExporter_whenAnEditorAnswersAnItem_thenRequestCommandAppendAndProjectionAreOneConnectedTrace() {
        String id = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "追跡の確認")).path("assessment").path("id").asText();

        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "rev", 1, "item", "department.name",
                "value", Map.of("text", "健康福祉局 保険年金課")));
        variables.put("reason", null);
        callers.kawasakiEditor.data("answerItem", Operations.ANSWER, variables);

        ReceivedSpan request = awaitSpan(span -> span.name().equals("mutation answerItem"));
        ReceivedSpan command = awaitSpan(span -> span.name().equals("command AnswerItem")
                && span.traceId().equals(request.traceId()));
        ReceivedSpan append = awaitSpan(span -> span.name().equals("append")
                && span.traceId().equals(request.traceId()));
        ReceivedSpan projection = awaitSpan(span -> span.name().startsWith("project ")
                && span.traceId().equals(request.traceId()));
        assertThat(command.parentSpanId()).isEqualTo(request.spanId());
        assertThat(append.parentSpanId()).isEqualTo(command.spanId());
        assertThat(projection.parentSpanId()).isEqualTo(append.spanId());
        for (ReceivedSpan span : List.of(request, command, append, projection)) {
            assertThat(span.attributes()).as(span.name())
                    .containsEntry("hyoka.municipality", "141305")
                    .containsEntry("graphql.operation.name", "answerItem");
        }
        assertThat(request.attributes()).containsEntry("graphql.operation.type", "mutation");
        assertThat(receiver.contentTypes()).allMatch(type -> type.startsWith("application/x-protobuf"));
    }

    @Test
    void givenACallerInATrace_whenItSendsARequest_thenTheRequestsSpanContinuesThatTrace() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        String token = issuer.issue("trace-editor", "追跡 花子", jp.hyoka.server.support.Callers.KAWASAKI,
                List.of("editor"));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query",
                        "query Whoami { me { userId } }"))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        ReceivedSpan request = awaitSpan(span -> span.traceId().equals(traceId));
        assertThat(request.name()).isEqualTo("query Whoami");
        assertThat(request.parentSpanId()).isEqualTo(callerSpan);
        assertThat(request.attributes()).containsEntry("graphql.operation.name", "Whoami")
                .containsEntry("hyoka.municipality", "141305");
    }

    private ReceivedSpan awaitSpan(Predicate<ReceivedSpan> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ReceivedSpan> found = receiver.spans().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no such span among " + receiver.spans());
    }
}
