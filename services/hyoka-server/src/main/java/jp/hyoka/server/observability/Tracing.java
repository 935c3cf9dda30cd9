package jp.hyoka.server.observability;

import io.micronaut.context.env.Environment;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OpenTelemetry for the server's own spans (request, command, append, projection batch). Off, and free, unless the
 * standard settings name an exporter: {@code OTEL_TRACES_EXPORTER} (other than {@code none}) or an OTLP endpoint
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}); the SDK's autoconfiguration
 * then reads every other {@code OTEL_*} variable itself. Why not autoconfigure always: its default exporter is OTLP
 * to localhost, and a municipality's server that sends spans nowhere in particular should send none.
 * The same settings are read as Micronaut properties ({@code otel.traces.exporter} …), which is how tests set them.
 */
@Singleton
public class Tracing {

    static final String INSTRUMENTATION = "jp.hyoka.server";
    private static final String EXPORTER = "otel.traces.exporter";
    private static final List<String> ENDPOINTS = List.of("otel.exporter.otlp.endpoint",
            "otel.exporter.otlp.traces.endpoint");
    /** Passed on from Micronaut's configuration; the SDK reads environment variables and system properties itself. */
    private static final List<String> PASSED_ON = List.of(EXPORTER, "otel.exporter.otlp.endpoint",
            "otel.exporter.otlp.traces.endpoint", "otel.exporter.otlp.protocol", "otel.exporter.otlp.traces.protocol",
            "otel.exporter.otlp.headers", "otel.service.name", "otel.resource.attributes", "otel.traces.sampler",
            "otel.traces.sampler.arg", "otel.bsp.schedule.delay", "otel.propagators");

    private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);

    private final OpenTelemetry openTelemetry;
    private final OpenTelemetrySdk sdk;
    private final Tracer tracer;

    @Inject
    public Tracing(Environment environment) {
        this(settings(environment));
    }

    /** @param settings {@code otel.*} properties (the SDK adds the environment's and the system's own) */
    Tracing(Map<String, String> settings) {
        sdk = exporterConfigured(settings) ? configured(settings) : null;
        openTelemetry = sdk != null ? sdk : OpenTelemetry.noop();
        tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /** The SDK as the settings describe it; none if they cannot be followed: telemetry never stops the service. */
    private static OpenTelemetrySdk configured(Map<String, String> settings) {
        // Traces only: metrics go to /prometheus and logs to stdout; both can still be turned on by OTEL_*.
        // OTLP over HTTP (4318): the JDK's client speaks it; gRPC, the Java SDK's default, would need OkHttp or gRPC.
        Map<String, String> defaults = new HashMap<>(Map.of("otel.service.name", "hyoka",
                "otel.metrics.exporter", "none", "otel.logs.exporter", "none",
                "otel.exporter.otlp.protocol", "http/protobuf"));
        defaults.putAll(settings);
        try {
            return AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> defaults)
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
        } catch (ConfigurationException e) {
            // Neither the message nor the exception: the SDK quotes the offending value, which may be an exporter's
            // header with its token (OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer …).
            LOG.error("Tracing is off: the OTEL_* settings cannot be followed ({}); check their syntax",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static Map<String, String> settings(Environment environment) {
        Map<String, String> settings = new HashMap<>();
        PASSED_ON.forEach(key -> setting(environment, key).ifPresent(value -> settings.put(key, value)));
        return settings;
    }

    static boolean exporterConfigured(Map<String, String> settings) {
        String exporter = settings.get(EXPORTER);
        if (exporter != null && !exporter.isBlank()) {
            return !exporter.trim().equalsIgnoreCase("none");
        }
        return ENDPOINTS.stream().anyMatch(key -> !settings.getOrDefault(key, "").isBlank());
    }

    /** Whether spans are recorded at all; when not, callers skip even the cheap work of making them. */
    public boolean on() {
        return sdk != null;
    }

    public Tracer tracer() {
        return tracer;
    }

    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    private static Optional<String> setting(Environment environment, String key) {
        Optional<String> configured = environment.getProperty(key, String.class);
        if (configured.isPresent()) {
            return configured;
        }
        return Optional.ofNullable(System.getenv(key.replace('.', '_').toUpperCase(Locale.ROOT)));
    }

    /** Sends what the batch processor still holds before the server stops. */
    @PreDestroy
    void close() {
        if (sdk != null) {
            sdk.close();
        }
    }
}
