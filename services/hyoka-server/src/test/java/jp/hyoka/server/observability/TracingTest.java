package jp.hyoka.server.observability;

import io.opentelemetry.api.trace.Span;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TracingTest {

    @Test
    void givenNoOtelSettings_whenTracingStarts_thenNoExporterRunsAndSpansAreNotRecorded() {
        Tracing tracing = new Tracing(Map.of());

        Span span = tracing.tracer().spanBuilder("request").startSpan();

        assertThat(tracing.on()).isFalse();
        assertThat(span.isRecording()).isFalse();
        assertThat(span.getSpanContext().isValid()).isFalse();
        assertThat(TraceMetadata.ofCurrent()).as("nothing added to the events' metadata").isEmpty();
    }

    @Test
    void givenSettingsThatCannotBeFollowed_whenTracingStarts_thenItIsOffAndTheServerStillStarts() {
        // gRPC needs a sender this build does not ship (OTLP/HTTP over the JDK's client is what it has).
        Tracing tracing = new Tracing(Map.of("otel.traces.exporter", "otlp", "otel.exporter.otlp.protocol", "grpc"));

        assertThat(tracing.on()).isFalse();
    }

    @Test
    void givenTheStandardSettings_whenAskedWhetherAnExporterIsConfigured_thenOnlyAnExporterOrAnEndpointCounts() {
        assertThat(Tracing.exporterConfigured(Map.of())).isFalse();
        assertThat(Tracing.exporterConfigured(Map.of("otel.traces.exporter", "none",
                "otel.exporter.otlp.endpoint", "http://collector:4318"))).isFalse();
        assertThat(Tracing.exporterConfigured(Map.of("otel.traces.exporter", "otlp"))).isTrue();
        assertThat(Tracing.exporterConfigured(Map.of("otel.exporter.otlp.endpoint", "http://collector:4318"))).isTrue();
        assertThat(Tracing.exporterConfigured(Map.of("otel.exporter.otlp.traces.endpoint", "http://c/v1/traces")))
                .isTrue();
        assertThat(Tracing.exporterConfigured(Map.of("otel.service.name", "hyoka"))).isFalse();
    }
}
