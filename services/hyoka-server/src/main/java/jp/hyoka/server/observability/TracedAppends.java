package jp.hyoka.server.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.axonframework.eventhandling.EventMessage;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A span per append to the event store ({@code append}), a child of the trace its events carry (the command's).
 * The events are stored carrying the append's span instead, so the projection that reads them back is its child:
 * the trace reads request → command → append → projection, in the order things happened.
 */
public final class TracedAppends {

    private final Tracing tracing;

    public TracedAppends(Tracing tracing) {
        this.tracing = tracing;
    }

    /** Runs {@code append} with the events to store: these, or when tracing, these carrying the append's span. */
    public void append(List<? extends EventMessage<?>> events, Consumer<List<? extends EventMessage<?>>> append) {
        if (!tracing.on()) {
            append.accept(events);
            return;
        }
        Context parent = TraceMetadata.from(events.get(0).getMetaData());
        Span span = TraceMetadata.withRequestFacts(tracing.tracer().spanBuilder("append"), parent)
                .setParent(parent)
                .setAttribute(Attributes.EVENTS, (long) events.size())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            append.accept(carrying(span, events));
        } catch (RuntimeException | Error e) {
            Spans.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static List<? extends EventMessage<?>> carrying(Span span, List<? extends EventMessage<?>> events) {
        if (!TraceMetadata.carriesTrace(events.get(0).getMetaData())) {
            return events;      // appended outside any traced command (a migration, a backfill): left as they are
        }
        Map<String, String> traced = TraceMetadata.of(span);
        return events.stream().map(event -> event.andMetaData(traced)).toList();
    }
}
