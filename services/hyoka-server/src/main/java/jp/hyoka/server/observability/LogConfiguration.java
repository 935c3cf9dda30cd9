package jp.hyoka.server.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The server's logging configuration, in code instead of a logback.xml: logback finds it as a service
 * (META-INF/services) before its own XML configurator, and a start then parses no XML (Joran's parser and model
 * were ~10 % of the main thread's start, infra/docs/startup.md). Read at each start, like the XML it replaces:
 * {@code HYOKA_LOG_FORMAT} (or {@code -Dhyoka.log.format}) json or human, {@code HYOKA_REQUEST_LOG_LEVEL} the
 * request log's level (default INFO).
 *
 * <p>A logback XML file still wins: {@code -Dlogback.configurationFile=...}, or a {@code logback-test.xml} /
 * {@code logback.xml} on the class path (the tests' own) — then this configurator steps aside and logback reads it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    /** Libraries' chatter below these levels stays out of the server's log. */
    private static final Map<String, Level> QUIETER = Map.of(
            "io.zonky.test.db.postgres", Level.WARN,
            "org.axonframework", Level.WARN,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            // the relay's producer: its configuration dump and connection chatter at INFO; a reconnect attempt a
            // second while the broker is away at WARN (the relay says so itself, every 30 s)
            "org.apache.kafka", Level.WARN,
            "org.apache.kafka.clients.NetworkClient", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LogConfiguration.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, LogConfiguration::setting);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Configures {@code context} with the settings {@code settings} gives by name (a system property, else an
     * environment variable, in a start), as the XML configuration did.
     */
    static void apply(LoggerContext context, UnaryOperator<String> settings) {
        // java.util.logging (OpenTelemetry's SDK logs through it) at logback's levels, so that what is not logged
        // costs nothing there (JavaUtilLogging).
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        julLevels.start();
        context.addListener(julLevels);

        LogEncoder encoder = new LogEncoder();
        encoder.setContext(context);
        String format = settings.apply("hyoka.log.format");
        encoder.setFormat(format != null ? format : orDefault(settings.apply("HYOKA_LOG_FORMAT"), "human"));
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();

        // one line per GraphQL request (operation, status, duration, error codes); HYOKA_REQUEST_LOG_LEVEL=WARN
        // silences it
        context.getLogger("hyoka.requests").setLevel(
                Level.toLevel(orDefault(settings.apply("HYOKA_REQUEST_LOG_LEVEL"), "INFO"), Level.INFO));
        QUIETER.forEach((logger, level) -> context.getLogger(logger).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }

    private static String setting(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
