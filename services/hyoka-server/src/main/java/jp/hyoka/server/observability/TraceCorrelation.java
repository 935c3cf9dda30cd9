package jp.hyoka.server.observability;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * Puts the trace context of the command being handled into the metadata of every event it causes (as
 * {@code CommandNameCorrelation} does with the command's name), so the append and the projection join its trace.
 * Nothing when tracing is off: the metadata is stored with every event.
 */
public final class TraceCorrelation implements CorrelationDataProvider {

    private final Tracing tracing;

    public TraceCorrelation(Tracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return tracing.on() ? TraceMetadata.ofCurrent() : Map.of();
    }
}
