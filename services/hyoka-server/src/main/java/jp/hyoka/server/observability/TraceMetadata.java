package jp.hyoka.server.observability;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

import java.util.HashMap;
import java.util.Map;

/**
 * A trace context carried in message metadata across the hop where no thread is shared: a command's events are
 * projected later, on the tracking processor's thread. W3C {@code traceparent} and {@code baggage} (municipality
 * and operation, so the projection's span can say whose request it serves), whatever propagators the operator set
 * for HTTP: the metadata is stored with the events and read by this server only.
 */
public final class TraceMetadata {

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapPropagator PROPAGATOR = TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
    private static final TextMapGetter<Map<String, ?>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, ?> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, ?> carrier, String key) {
            Object value = carrier == null ? null : carrier.get(key);
            return value instanceof String text ? text : null;
        }
    };

    private TraceMetadata() {
    }

    /** The current span's context with this thread's request facts, as metadata entries; empty without a span. */
    public static Map<String, String> ofCurrent() {
        Context context = Context.current();
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Map.of();
        }
        BaggageBuilder baggage = Baggage.empty().toBuilder();
        putIfPresent(baggage, Attributes.MUNICIPALITY.getKey(), RequestContext.municipality());
        putIfPresent(baggage, Attributes.OPERATION.getKey(), RequestContext.operation());
        Map<String, String> metadata = new HashMap<>(4);
        PROPAGATOR.inject(context.with(baggage.build()), metadata, Map::put);
        return metadata;
    }

    /** Only {@code span}'s {@code traceparent}: replaces the one an event carries, keeping its baggage. */
    static Map<String, String> of(Span span) {
        Map<String, String> metadata = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), metadata, Map::put);
        return metadata;
    }

    static boolean carriesTrace(Map<String, ?> metadata) {
        return metadata.containsKey(TRACEPARENT);
    }

    /** The context carried by {@code metadata}; the root context when it carries none. */
    public static Context from(Map<String, ?> metadata) {
        return PROPAGATOR.extract(Context.root(), metadata, GETTER);
    }

    /** Sets the municipality and operation carried in {@code context}'s baggage as the span's attributes. */
    static SpanBuilder withRequestFacts(SpanBuilder span, Context context) {
        Baggage baggage = Baggage.fromContext(context);
        String municipality = baggage.getEntryValue(Attributes.MUNICIPALITY.getKey());
        String operation = baggage.getEntryValue(Attributes.OPERATION.getKey());
        if (municipality != null) {
            span.setAttribute(Attributes.MUNICIPALITY, municipality);
        }
        if (operation != null) {
            span.setAttribute(Attributes.OPERATION, operation);
        }
        return span;
    }

    private static void putIfPresent(BaggageBuilder baggage, String key, String value) {
        if (value != null) {
            baggage.put(key, value);
        }
    }
}
