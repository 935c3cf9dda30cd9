package jp.hyoka.server.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A span per read-model batch ({@code project <processor>}), on the tracking processor's thread, from its first
 * event to its commit. Its parent is the trace its events carry when they all carry one (one command's events: the
 * usual case of an edit), so the request's trace ends with its projection; a batch of several traces links to each
 * (up to {@link #MAX_LINKS}) instead of belonging to one of them.
 */
public final class TracedProjectionBatches implements MessageHandlerInterceptor<EventMessage<?>> {

    static final int MAX_LINKS = 32;
    private static final String SPAN = TracedProjectionBatches.class.getName() + ".span";

    private final Tracing tracing;
    private final String processor;

    public TracedProjectionBatches(Tracing tracing, String processor) {
        this.tracing = tracing;
        this.processor = processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (tracing.on()) {
            UnitOfWork<?> batch = unitOfWork.root();
            batch.resources().computeIfAbsent(SPAN, key -> start(batch));
        }
        return chain.proceed();
    }

    private Span start(UnitOfWork<?> batch) {
        List<? extends EventMessage<?>> events = batch instanceof BatchingUnitOfWork<?> batching
                ? eventsOf(batching) : List.of((EventMessage<?>) batch.getMessage());
        Map<SpanContext, Context> traces = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            Context carried = TraceMetadata.from(event.getMetaData());
            SpanContext span = Span.fromContext(carried).getSpanContext();
            if (span.isValid()) {
                traces.putIfAbsent(span, carried);
            }
        }
        SpanBuilder builder = tracing.tracer().spanBuilder("project " + processor)
                .setAttribute(Attributes.EVENTS, (long) events.size());
        if (traces.size() == 1) {
            Context parent = traces.values().iterator().next();
            TraceMetadata.withRequestFacts(builder, parent).setParent(parent);
        } else {
            builder.setNoParent();
            traces.keySet().stream().limit(MAX_LINKS).forEach(builder::addLink);
        }
        Span span = builder.startSpan();
        Spans.endWith(batch, span);
        return span;
    }

    @SuppressWarnings("unchecked")
    private static List<? extends EventMessage<?>> eventsOf(BatchingUnitOfWork<?> batch) {
        return (List<? extends EventMessage<?>>) batch.getMessages();
    }
}
