package jp.hyoka.server.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Opens the observation of one request on the thread that serves it: its MDC (request id; municipality and
 * operation once known) and its server span, a child of the caller's {@code traceparent} if it sent one.
 */
@Singleton
public class ObservedRequests {

    /** The request id a caller may send (and gets back with every request that reached a worker), for the logs. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Accepted as sent; anything else is replaced, so a header cannot forge a log line. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> headers) {
            return List.of();
        }

        @Override
        public String get(Function<String, String> headers, String name) {
            return headers == null ? null : headers.apply(name);
        }
    };

    private final Tracing tracing;

    public ObservedRequests(Tracing tracing) {
        this.tracing = tracing;
    }

    /** The caller's request id if it is a plain token, else a new one. */
    public static String requestId(String sent) {
        if (sent != null && REQUEST_ID.matcher(sent).matches()) {
            return sent;
        }
        // Random, not secret: ThreadLocalRandom spares every request the lock of UUID.randomUUID's SecureRandom.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /**
     * Call on the thread that does the work, and close there (try-with-resources): the MDC and the current span
     * are the thread's, and a pooled thread must not carry them into the next request.
     *
     * @param headers the request's header by name (for {@code traceparent})
     */
    public ObservedRequest open(String requestId, String method, String path, Function<String, String> headers) {
        MDC.clear();
        MDC.put(RequestContext.REQUEST_ID, requestId);
        if (!tracing.on()) {
            return new ObservedRequest(Span.getInvalid(), null);
        }
        Context parent = tracing.openTelemetry().getPropagators().getTextMapPropagator()
                .extract(Context.root(), headers, HEADERS);
        Span span = tracing.tracer().spanBuilder(method + " " + path)
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute("http.request.method", method)
                .setAttribute("url.path", path)
                .setAttribute("hyoka.request.id", requestId)
                .startSpan();
        MDC.put(RequestContext.TRACE_ID, span.getSpanContext().getTraceId());
        return new ObservedRequest(span, span.makeCurrent());
    }
}
