package jp.hyoka.server.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's own logback.xml (not the tests'): human lines by default, JSON lines when configured. */
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
        LoggerContext logback = configured(null);
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

    private static LoggerContext configured(String format) throws Exception {
        LoggerContext logback = new LoggerContext();
        logback.setMDCAdapter(MDC.getMDCAdapter());     // the one the request's code writes to
        if (format != null) {
            logback.putProperty("hyoka.log.format", format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logback);
        configurator.doConfigure(LogFormatTest.class.getClassLoader().getResource("logback.xml"));
        return logback;
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }
}
