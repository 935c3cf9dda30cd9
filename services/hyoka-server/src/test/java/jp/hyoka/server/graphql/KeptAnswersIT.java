package jp.hyoka.server.graphql;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQL;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SecondNode;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept answers served before graphql-java ({@link KeptAnswers}): what is served there is exactly what graphql-java's
 * execution serves (the bytes, the cost, the metrics, the request's log line), and every case where the answer could
 * differ goes to graphql-java: another municipality's token with the same query, a role without access, a change on
 * another node, variables that are not as coerced. The limits and the token's checks: {@code KeptAnswersLimitsIT}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptAnswersIT extends SignedInServerTest {

    private static final String WHOLE = Operations.READ_WHOLE;
    private static final String FEW = "query Few($id: ID!) { assessment(id: $id) { id revision affairName updatedAt } }";

    @Inject
    GraphQL graphQL;
    @Inject
    MeterRegistry registry;

    private final ListAppender<ILoggingEvent> requestLog = new ListAppender<>();
    private Level requestLogLevel;

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    @BeforeAll
    void captureRequestLog() {
        Logger requests = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("hyoka.requests");
        requestLogLevel = requests.getLevel();
        requests.setLevel(Level.INFO);
        requestLog.start();
        requests.addAppender(requestLog);
    }

    @AfterAll
    void releaseRequestLog() {
        Logger requests = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("hyoka.requests");
        requests.detachAppender(requestLog);
        requests.setLevel(requestLogLevel);
    }

    private long servedEarly() {
        return ((ResponseCache) graphQL.getQueryStrategy()).early().served();
    }

    private String kawasakiDocument(String name) {
        return KeptAnswerDocuments.answered(callers.kawasakiEditor, name);
    }

    private long requestsTimed(String operation) {
        return registry.find("hyoka.graphql.requests").tags("operation", operation, "type", "query", "outcome", "ok")
                .timers().stream().mapToLong(Timer::count).sum();
    }

    /** The requested and actual cost (the budget left differs from one request to the next). */
    private static List<Integer> cost(GraphQlClient.Response response) {
        JsonNode cost = response.body().path("extensions").path("cost");
        return List.of(cost.path("requestedQueryCost").asInt(-1), cost.path("actualQueryCost").asInt(-1));
    }

    @Test
    void givenAnAnswerKeptByGraphQlJava_whenReadAgain_thenItIsServedEarlyAsTheSameBytesCostMetricsAndLogLine() {
        String id = kawasakiDocument("早い答え");
        GraphQlClient.Response executed = callers.kawasakiEditor.execute(FEW, Map.of("id", id));
        GraphQlClient.Response secondRead = callers.kawasakiEditor.execute(FEW, Map.of("id", id));
        long early = servedEarly();
        long timed = requestsTimed("Few");
        requestLog.list.clear();

        GraphQlClient.Response servedEarly = callers.kawasakiEditor.execute(FEW, Map.of("id", id));

        assertThat(servedEarly()).isEqualTo(early + 1);
        assertThat(servedEarly.status()).isEqualTo(200);
        assertThat(servedEarly.body().path("data").toString()).isEqualTo(executed.body().path("data").toString())
                .isEqualTo(secondRead.body().path("data").toString());
        assertThat(cost(servedEarly)).isEqualTo(cost(executed)).isEqualTo(cost(secondRead));
        assertThat(servedEarly.body().path("extensions").path("cost").fieldNames()).toIterable()
                .containsExactlyElementsOf(() -> executed.body().path("extensions").path("cost").fieldNames());
        assertThat(servedEarly.body().fieldNames()).toIterable().containsExactly("data", "extensions");
        assertThat(requestsTimed("Few")).isEqualTo(timed + 1);
        assertThat(requestLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("query Few: 200 in "));
    }

    @Test
    void givenAWholeDocumentKept_whenReadAgain_thenItIsServedEarlyInOneRoundTrip() {
        String id = kawasakiDocument("一往復");
        GraphQlClient.Response executed = callers.kawasakiEditor.execute(WHOLE, Map.of("id", id));
        long early = servedEarly();

        int mark = CountingDriver.mark();
        GraphQlClient.Response servedEarly = callers.kawasakiEditor.execute(WHOLE, Map.of("id", id));
        List<CountingDriver.RoundTrip> trips = CountingDriver.since(mark).stream()
                .filter(trip -> trip.thread().startsWith(GraphQlWorkers.THREAD_PREFIX)).toList();

        assertThat(servedEarly()).isEqualTo(early + 1);
        assertThat(servedEarly.body().path("data")).isEqualTo(executed.body().path("data"));
        assertThat(cost(servedEarly)).isEqualTo(cost(executed));
        assertThat(trips).as("the version alone").hasSize(1);
        assertThat(trips.get(0).sql()).contains("set_config('hyoka.tenant'").contains("xmin");
    }

    @Test
    void givenKawasakisAnswerKept_whenAsahikawaSendsTheSameQuery_thenNothingIsServedEarlyAndItGetsNull() {
        String id = kawasakiDocument("他の団体の早い答え");
        callers.kawasakiEditor.execute(WHOLE, Map.of("id", id));
        callers.kawasakiEditor.execute(WHOLE, Map.of("id", id));
        long early = servedEarly();

        GraphQlClient.Response theirs = callers.asahikawaEditor.execute(WHOLE, Map.of("id", id));

        assertThat(theirs.data().path("assessment").isNull()).as(theirs.body().toString()).isTrue();
        assertThat(theirs.body().toString()).doesNotContain("他の団体の早い答え");
        assertThat(servedEarly()).isEqualTo(early);
    }

    @Test
    void givenAnEditorsAnswerKept_whenACallerWithoutAReadingRoleSendsIt_thenForbiddenEveryTimeAndNothingServedEarly() {
        String id = kawasakiDocument("役割の早い答え");
        callers.kawasakiEditor.execute(WHOLE, Map.of("id", id));
        GraphQlClient.Response editors = callers.kawasakiEditor.execute(WHOLE, Map.of("id", id));
        GraphQlClient noRole = new GraphQlClient(server.getURI(),
                issuer.issue("k-nobody-early", "川崎 無役", Callers.KAWASAKI, List.of()));
        long early = servedEarly();

        for (int i = 0; i < 3; i++) {
            GraphQlClient.Response refused = noRole.execute(WHOLE, Map.of("id", id));
            assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(refused.body().toString()).doesNotContain("役割の早い答え");
        }
        assertThat(servedEarly()).isEqualTo(early);
        // An auditor's own answer is kept under its own roles, then served early: the same document.
        callers.kawasakiReader.execute(WHOLE, Map.of("id", id));
        GraphQlClient.Response auditors = callers.kawasakiReader.execute(WHOLE, Map.of("id", id));
        assertThat(servedEarly()).isEqualTo(early + 1);
        assertThat(auditors.data()).isEqualTo(editors.data());
    }

    @Test
    void givenAnAnswerServedEarly_whenTheDocumentIsEditedOnAnotherNode_thenThisNodeServesTheEditAndThenServesItEarly() {
        String id = kawasakiDocument("二台目の早い答え");
        callers.kawasakiEditor.execute(FEW, Map.of("id", id));
        JsonNode before = callers.kawasakiEditor.data("assessment", FEW, Map.of("id", id));
        long early = servedEarly();
        try (SecondNode other = SecondNode.on(server.getApplicationContext())) {
            GraphQlClient otherEditor = other.client("k-editor", "川崎 一郎", Callers.KAWASAKI, List.of("editor"));
            JsonNode edited = otherEditor.data("answerItem", Operations.ANSWER, new HashMap<>(Map.of("id", id,
                    "rev", before.path("revision").asLong(), "item", "department.name",
                    "value", Map.of("text", "別の台で"))));
            assertThat(edited.path("__typename").asText()).as(edited.toString()).isEqualTo("AssessmentEdited");

            JsonNode after = callers.kawasakiEditor.data("assessment", FEW, Map.of("id", id));
            assertThat(after.path("revision").asLong()).isEqualTo(edited.path("revision").asLong());
            assertThat(servedEarly()).as("the version changed: executed").isEqualTo(early);
            assertThat(callers.kawasakiEditor.data("assessment", FEW, Map.of("id", id))).isEqualTo(after);
            assertThat(servedEarly()).isEqualTo(early + 1);
        }
    }

    @Test
    void givenAnAnswerKeptForVariablesWithADefaultFilledIn_whenSentAgain_thenServedEarlyOnlyOnceSentAsCoerced() {
        // graphql-java fills in $full's default: the coerced variables differ from the request's. Only a request whose
        // variables are exactly the key's (as coerced) is served before graphql-java.
        String id = kawasakiDocument("既定値");
        String withDefault = "query($id: ID!, $full: Boolean = true) { assessment(id: $id) { revision "
                + "affairName @include(if: $full) } }";
        GraphQlClient.Response executed = callers.kawasakiEditor.execute(withDefault, Map.of("id", id));
        long early = servedEarly();

        GraphQlClient.Response defaulted = callers.kawasakiEditor.execute(withDefault, Map.of("id", id));
        GraphQlClient.Response explicitOnce = callers.kawasakiEditor.execute(withDefault,
                Map.of("id", id, "full", true));
        assertThat(servedEarly()).as("neither request's variables were the kept answer's as sent").isEqualTo(early);

        GraphQlClient.Response explicitAgain = callers.kawasakiEditor.execute(withDefault,
                Map.of("id", id, "full", true));
        assertThat(servedEarly()).isEqualTo(early + 1);
        assertThat(List.of(defaulted, explicitOnce, explicitAgain)).extracting(response -> response.body().path("data"))
                .allMatch(executed.body().path("data")::equals);
        assertThat(executed.data().path("assessment").path("affairName").asText()).isEqualTo("既定値");
    }
}
