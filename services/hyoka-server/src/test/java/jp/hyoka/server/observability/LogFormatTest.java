package jp.hyoka.server.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.Configurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's own logging configuration ({@link LogConfiguration}, not the tests' logback-test.xml): human lines by
 * default, JSON lines when configured. */
class LogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream systemOut;

    @BeforeEach
    void captureStdout() {
        systemOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(systemOut);
        MDC.clear();
    }

    @Test
    void givenJsonFormat_whenALineIsLoggedInARequest_thenItIsOneJsonObjectWithTheRequestsContext() throws Exception {
        LoggerContext logback = configured("json");
        MDC.put(RequestContext.REQUEST_ID, "req-1");
        MDC.put(RequestContext.MUNICIPALITY, "141305");
        MDC.put(RequestContext.OPERATION, "answerItem");
        logback.getLogger("hyoka.requests").info("{}: {} in {} ms", "mutation answerItem", 200, 3);
        logback.getLogger("hyoka.requests").info("second");
        logback.stop();

        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("loggerName").asText()).isEqualTo("hyoka.requests");
        assertThat(line.path("formattedMessage").asText()).isEqualTo("mutation answerItem: 200 in 3 ms");
        assertThat(line.path("mdc").path("requestId").asText()).isEqualTo("req-1");
        assertThat(line.path("mdc").path("municipality").asText()).isEqualTo("141305");
        assertThat(line.path("mdc").path("operation").asText()).isEqualTo("answerItem");
        assertThat(line.has("arguments")).as("the message once, formatted").isFalse();
    }

    @Test
    void givenNoFormat_whenALineIsLogged_thenItIsTheHumanFormat() throws Exception {
        LoggerContext logback = configured(Map.of());
        logback.getLogger("hyoka.requests").info("mutation answerItem: 200 in 3 ms");
        logback.stop();

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .doesNotStartWith("{").contains("INFO  [", "hyoka.requests - mutation answerItem: 200 in 3 ms"));
    }

    @Test
    void givenAnUnknownFormat_whenALineIsLogged_thenItIsTheHumanFormat() throws Exception {
        LoggerContext logback = configured("xml");
        logback.getLogger("hyoka.requests").info("still readable");
        logback.stop();

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).endsWith("- still readable"));
    }

    @Test
    void givenTheRequestLogLevelWarn_whenARequestIsLogged_thenItIsNotAndTheLibrariesStayQuiet() {
        LoggerContext logback = configured(Map.of("HYOKA_REQUEST_LOG_LEVEL", "WARN"));
        logback.getLogger("hyoka.requests").info("mutation answerItem: 200 in 3 ms");
        logback.getLogger("org.flywaydb.core").info("migrating");
        logback.getLogger("jp.hyoka.server.Anything").info("kept");
        Level kafkaClient = logback.getLogger("org.apache.kafka.clients.NetworkClient").getEffectiveLevel();
        logback.stop();

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).endsWith("- kept"));
        assertThat(kafkaClient).isEqualTo(Level.ERROR);
    }

    @Test
    void givenTheFormatAsEnvironmentVariable_whenALineIsLogged_thenItIsJson() throws Exception {
        LoggerContext logback = configured(Map.of("HYOKA_LOG_FORMAT", "JSON"));
        logback.getLogger("hyoka.requests").info("as a collector reads it");
        logback.stop();

        assertThat(JSON.readTree(lines().get(0)).path("formattedMessage").asText()).isEqualTo("as a collector reads it");
    }

    @Test
    void givenALogbackXmlOnTheClassPath_whenLogbackConfigures_thenTheConfigurationStepsAsideForIt() {
        // The tests' class path has logback-test.xml: logback reads it, as an operator's -Dlogback.configurationFile.
        LoggerContext logback = new LoggerContext();
        LogConfiguration configuration = new LogConfiguration();
        configuration.setContext(logback);

        assertThat(configuration.configure(logback)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    private static LoggerContext configured(String format) {
        Map<String, String> settings = new HashMap<>();
        if (format != null) {
            settings.put("hyoka.log.format", format);
        }
        return configured(settings);
    }

    /** The configuration a start applies, with these settings as its system properties and environment. */
    private static LoggerContext configured(Map<String, String> settings) {
        LoggerContext logback = new LoggerContext();
        logback.setMDCAdapter(MDC.getMDCAdapter());     // the one the request's code writes to
        LogConfiguration.apply(logback, settings::get);
        return logback;
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }
}
