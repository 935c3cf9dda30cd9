package jp.hyoka.server.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.ProjectScripts;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.hyoka.server.support.Management.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded default (the dev environment infra/local/run.sh starts) Prometheus scrapes without a token and
 * finds GraphQL requests per operation, commands per name, outcome and problem code, the processor's lag per
 * segment, the connection pool and the JVM; every metric the Grafana dashboard (infra/grafana) queries is there.
 */
@MicronautTest(environments = "dev")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT extends SignedInServerTest {

    private static final String START = """
            mutation MetricsStart($name: String!) {
              startAssessment(input: {kind: ALL_ITEMS, affairName: $name}) {
                ... on AssessmentEdited { revision assessment { id } }
              }
            }""";
    private static final String ANSWER = """
            mutation MetricsAnswer($id: ID!, $rev: Int!, $item: ID!, $value: AnswerInput!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: $item, value: $value}) {
                __typename
              }
            }""";
    private static final String ME = """
            query MetricsMe { me { userId } }""";

    /** A metric in a PromQL expression: every one in the dashboard is followed by its label matchers. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\{");

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(), "hyoka.metrics.access");       // application-dev.yml's, as run.sh starts it
    }

    @BeforeAll
    void work() {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("name", "計測"))
                .path("assessment").path("id").asText();
        answer(id, 1, "department.name", Map.of("text", "市民文化局"));
        answer(id, 1, "department.name", Map.of("text", "健康福祉局"));                   // stale
        answer(id, 2, "affair.target-population", Map.of("selection", Map.of("code", "1,000人未満")));      // not an option
        callers.kawasakiEditor.data("me", ME, Map.of());
        callers.unregisteredMunicipality.execute(ME, Map.of());                         // an error
    }

    private void answer(String id, int revision, String item, Map<String, Object> value) {
        callers.kawasakiEditor.data("answerItem", ANSWER, Map.of("id", id, "rev", revision, "item", item,
                "value", value));
    }

    @Test
    void givenTheEmbeddedDefault_whenPrometheusScrapesWithoutAToken_thenItIsServed() {
        assertThat(ask(server.getURI(), "/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void givenNamedOperations_whenScraped_thenRequestsLatencyAndErrorsAreCountedPerOperation() {
        assertThat(scrape())
                .contains(graphQl("count", "MetricsAnswer", "ok", "mutation") + " 3")
                .contains(graphQl("count", "MetricsMe", "ok", "query") + " 1")
                .contains(graphQl("count", "MetricsMe", "error", "query") + " 1")
                .contains(graphQl("bucket", "MetricsMe", "ok", "query").replace("}", ",le=\"+Inf\"} 1"))
                .contains("hyoka_graphql_errors_total{code=\"UNAUTHENTICATED\",operation=\"MetricsMe\"} 1");
    }

    @Test
    void givenRefusedCommands_whenScraped_thenCommandsAreCountedPerCommandOutcomeAndProblemCode() {
        assertThat(scrape())
                .contains(command("AnswerItem", "accepted", "none") + " 1")
                .contains(command("AnswerItem", "refused", "STALE_REVISION") + " 1")
                .contains(command("AnswerItem", "refused", "OPTION_NOT_ALLOWED") + " 1")
                .contains(command("StartAssessment", "accepted", "none") + " 1")
                .contains(command("AnswerItem", "accepted", "none").replace("_count", "_bucket")
                        .replace("}", ",le=\"+Inf\"} 1"));
    }

    private static String graphQl(String series, String operation, String outcome, String type) {
        return "hyoka_graphql_requests_seconds_" + series + "{operation=\"" + operation + "\",outcome=\"" + outcome
                + "\",type=\"" + type + "\"}";
    }

    private static String command(String command, String outcome, String problem) {
        return "hyoka_commands_seconds_count{command=\"" + command + "\",outcome=\"" + outcome + "\",problem=\""
                + problem + "\"}";
    }

    @Test
    void givenTheProcessorCaughtUp_whenScraped_thenItsLagPerSegmentIsZero() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String lag = "hyoka_event_processor_lag_events{processor=\"assessment-read-models\",segment=\"0\"} 0.0";
        Pattern head = Pattern.compile("(?m)^hyoka_event_store_head [1-9]");
        String scrape = scrape();
        while (!(scrape.contains(lag) && head.matcher(scrape).find()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);      // read every hyoka.health.check-interval (2 s)
            scrape = scrape();
        }
        assertThat(scrape).contains(lag).containsPattern(head);
    }

    @Test
    void givenTheServerRuns_whenScraped_thenThePoolAndTheJvmAreMeasured() {
        assertThat(scrape())
                .contains("hikaricp_connections_active{pool=\"hyoka\"}")
                .contains("hikaricp_connections_pending{pool=\"hyoka\"}")
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_threads_live_threads");
    }

    @Test
    void givenTheGrafanaDashboard_whenItsQueriesAreRead_thenEveryMetricTheyNameIsInAScrape() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                Files.readString(ProjectScripts.find("infra/grafana/hyoka-dashboard.json")));
        Set<String> named = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher metric = METRIC.matcher(target.path("expr").asText());
                while (metric.find()) {
                    named.add(metric.group(1));
                }
            }
        }
        String scrape = scrapeOnceACollectionWasMeasured();

        assertThat(named).hasSizeGreaterThan(15);
        assertThat(named).allSatisfy(name -> assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    /**
     * jvm_gc_pause appears with the first collection, and Micrometer hears of a collection through an asynchronous
     * JMX notification: the scrape right after {@code System.gc()} may not have it yet.
     */
    private String scrapeOnceACollectionWasMeasured() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String scrape;
        do {
            System.gc();
            scrape = scrape();
        } while (!scrape.contains("jvm_gc_pause_seconds_sum") && System.nanoTime() < deadline && pause());
        return scrape;
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);                              // poll interval of a deadline-bounded wait
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String scrape() {
        HttpResponse<String> scraped = ask(server.getURI(), "/prometheus");
        assertThat(scraped.statusCode()).isEqualTo(200);
        return scraped.body();
    }
}
