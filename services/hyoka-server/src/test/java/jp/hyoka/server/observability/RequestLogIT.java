package jp.hyoka.server.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's log lines as a collector reads them (logback's JSON encoder, as {@code HYOKA_LOG_FORMAT=json}
 * configures it): whose request a line belongs to, and nothing a request carried that is not the server's to log.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLogIT extends SignedInServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;
    @Inject
    Tracing tracing;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private Level requestLogLevel;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(FailingField.ENABLED, "true");
        // One worker: every request runs on the same pooled thread, so what one leaves in its MDC the next would show.
        properties.put("hyoka.graphql.workers", "1");
        return properties;
    }

    @BeforeAll
    void captureJsonLines() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(logback);
        encoder.setWithFormattedMessage(true);
        encoder.setWithArguments(false);
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(logback);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger requests = logback.getLogger("hyoka.requests");
        requestLogLevel = requests.getLevel();
        requests.setLevel(Level.INFO);
    }

    @AfterAll
    void stopCapturing() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        logback.getLogger("hyoka.requests").setLevel(requestLogLevel);
        appender.stop();
    }

    @Test
    void givenAnEditorsMutation_whenServed_thenItsJsonLineCarriesRequestMunicipalityAndOperationButNoTokenNorText() {
        String token = issuer.issue("log-editor", "記録 太郎", Callers.KAWASAKI, List.of("editor"));
        String affairName = "ログに出てはならない事務 " + System.nanoTime();

        HttpResponse<String> response = post(token, "it-request-42", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", affairName));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(ObservedRequests.REQUEST_ID_HEADER)).hasValue("it-request-42");
        JsonNode line = requestLine("it-request-42");
        assertThat(line.path("mdc").path(RequestContext.MUNICIPALITY).asText()).isEqualTo("141305");
        assertThat(line.path("mdc").path(RequestContext.OPERATION).asText()).isEqualTo("startAssessment");
        assertThat(line.path("formattedMessage").asText()).startsWith("mutation startAssessment: 200 in ");
        String everything = out.toString(StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1))
                .doesNotContain("Bearer").doesNotContain(affairName).doesNotContain("記録 太郎");
    }

    @Test
    void givenOneWorker_whenAnOperatorsRequestFollowsAnEditors_thenItsLineCarriesNothingOfTheEditorsRequest() {
        String editor = issuer.issue("log-editor", "記録 太郎", Callers.KAWASAKI, List.of("editor"));
        String operator = issuer.issue("log-operator", "運用 次郎", null, List.of("platform-operator"));
        post(editor, "editor-first", "{ me { userId } }", Map.of());

        post(operator, "operator-next", "query Operator { me { userId } }", Map.of());

        JsonNode editors = requestLine("editor-first");
        JsonNode operators = requestLine("operator-next");
        assertThat(operators.path("threadName").asText()).isEqualTo(editors.path("threadName").asText());
        assertThat(editors.path("mdc").path(RequestContext.MUNICIPALITY).asText()).isEqualTo("141305");
        assertThat(operators.path("mdc").has(RequestContext.MUNICIPALITY)).as("acts for none").isFalse();
        assertThat(operators.path("mdc").path(RequestContext.OPERATION).asText()).isEqualTo("Operator");
    }

    @Test
    void givenNoRequestIdOrAForgedOne_whenServed_thenTheServerGivesItsOwn() {
        String token = issuer.issue("log-editor", "記録 太郎", Callers.KAWASAKI, List.of("editor"));

        HttpResponse<String> response = post(token, "forged\"}{\"level\":\"ERROR", "{ me { userId } }", Map.of());

        assertThat(response.headers().firstValue(ObservedRequests.REQUEST_ID_HEADER)).get().asString()
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void givenAFieldThatFailsUnexpectedly_whenQueried_thenTheLoggedFailureCarriesTheIncidentTheClientWasTold() {
        GraphQlClient.Response response = callers.kawasakiEditor.execute("{ failingField(note: \"住民の氏名\") }",
                Map.of());

        JsonNode error = response.errors().path(0);
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("INTERNAL");
        Matcher told = Pattern.compile("incident ([0-9a-f-]{36})").matcher(error.path("message").asText());
        assertThat(told.find()).as(error.toString()).isTrue();
        String incident = told.group(1);
        List<JsonNode> lines = lines().stream()
                .filter(l -> l.path("mdc").path(RequestContext.INCIDENT).asText().equals(incident)).toList();
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("level").asText()).isEqualTo("ERROR");
            assertThat(l.path("formattedMessage").asText()).contains(incident);
            assertThat(l.path("throwable").path("className").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(l.path("mdc").path(RequestContext.MUNICIPALITY).asText()).isEqualTo("141305");
            assertThat(l.path("mdc").path(RequestContext.OPERATION).asText()).isEqualTo("failingField");
        });
        assertThat(lines).as("the request's own line too").anySatisfy(l ->
                assertThat(l.path("loggerName").asText()).isEqualTo("hyoka.requests"));
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("住民の氏名");
    }

    @Test
    void givenNoOtelSettings_whenAMutationIsStored_thenNoExporterRunsAndItsEventsCarryNoTraceContext() throws Exception {
        callers.kawasakiEditor.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS", "name", "追跡なし"));

        assertThat(tracing.on()).as("no exporter configured, none runs").isFalse();
        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry"
                + " WHERE convert_from(metadata, 'UTF8') LIKE '%traceparent%'")).isZero();
    }

    @Test
    void givenAStatementThatFailsOnAUsersText_whenItsExceptionIsRead_thenItQuotesNeitherTheRowNorTheParameters()
            throws SQLException {
        String typed = "利用者が書いた文 " + System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TEMP TABLE typed (text varchar PRIMARY KEY)");
            List<String> messages = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO typed VALUES (?)")) {
                insert.setString(1, typed);
                insert.executeUpdate();
                insert.setString(1, typed);
                insert.executeUpdate();
            } catch (SQLException duplicate) {
                messages.add(duplicate.toString());
            }
            try (PreparedStatement batch = connection.prepareStatement("INSERT INTO typed VALUES (?)")) {
                batch.setString(1, typed);
                batch.addBatch();
                batch.executeBatch();
            } catch (SQLException duplicate) {
                messages.add(duplicate.toString());
                messages.add(String.valueOf(duplicate.getNextException()));
            }

            assertThat(messages).hasSize(3).allSatisfy(message -> assertThat(message).doesNotContain(typed));
            assertThat(messages.get(0)).as("still says what went wrong").contains("duplicate key");
        }
    }

    private HttpResponse<String> post(String token, String requestId, String query, Map<String, Object> variables) {
        try {
            URI endpoint = server.getURI().resolve("/graphql");
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .header(ObservedRequests.REQUEST_ID_HEADER, requestId)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("query", query, "variables", variables))))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode requestLine(String requestId) {
        return lines().stream()
                .filter(l -> l.path("loggerName").asText().equals("hyoka.requests"))
                .filter(l -> l.path("mdc").path(RequestContext.REQUEST_ID).asText().equals(requestId))
                .findFirst().orElseThrow(() -> new AssertionError("no request line for " + requestId + " in " + out));
    }

    private List<JsonNode> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
