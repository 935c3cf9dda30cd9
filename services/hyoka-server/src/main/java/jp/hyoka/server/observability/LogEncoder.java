package jp.hyoka.server.observability;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import java.util.Locale;

/**
 * The console's encoder, chosen by configuration ({@code HYOKA_LOG_FORMAT}): logback's {@link JsonEncoder} (one
 * object per line, the MDC under {@code mdc}) or the human pattern. One appender whose encoder switches, rather than
 * two appenders of which one is picked: logback warns of the one left unreferenced, and a warning makes it print its
 * status lines on stdout, which would be the first lines of a JSON log and no JSON.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "human";
    private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    private Encoder<ILoggingEvent> delegate;

    /** Whether the process is configured for JSON lines, as LogConfiguration reads it. */
    public static boolean jsonConfigured() {
        String format = System.getProperty("hyoka.log.format", System.getenv("HYOKA_LOG_FORMAT"));
        return format != null && format.trim().equalsIgnoreCase("json");
    }

    /** {@code json} or {@code human}; anything else is human, with a warning. */
    public void setFormat(String format) {
        this.format = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    }

    /** The human format's pattern. */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        if (format.equals("json")) {
            JsonEncoder json = new JsonEncoder();
            // The formatted message (what a person reads) instead of its arguments a second time; no logger-context
            // properties and sequence numbers on every line.
            json.setWithFormattedMessage(true);
            json.setWithArguments(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            delegate = json;
        } else {
            if (!format.equals("human")) {
                addWarn("Unknown log format '" + format + "' (HYOKA_LOG_FORMAT: json or human): human it is");
            }
            PatternLayoutEncoder human = new PatternLayoutEncoder();
            human.setPattern(pattern);
            delegate = human;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
