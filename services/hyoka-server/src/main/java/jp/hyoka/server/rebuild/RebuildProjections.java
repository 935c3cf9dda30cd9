package jp.hyoka.server.rebuild;

import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The projections a rebuild runs: new instances of the live processor's projection classes (every
 * {@link ReadModelProjection} bean, as AxonFactory registers them), writing through the rebuild's connections. A
 * rebuild refuses to start when the live processor runs any other set of classes ({@link #checkSameAs}).
 */
final class RebuildProjections {

    private RebuildProjections() {
    }

    static List<Object> create(List<ReadModelProjection> live, AxonConnections connections) {
        return live.stream().sorted(Comparator.comparingInt(ReadModelProjection::order))
                .map(projection -> (Object) projection.writingThrough(connections)).toList();
    }

    /** @throws IllegalStateException when the live read-model processor's handlers are not these classes */
    static void checkSameAs(Configuration axon, List<Object> projections) {
        Set<Class<?>> rebuilt = new HashSet<>();
        projections.forEach(projection -> rebuilt.add(projection.getClass()));
        Set<Class<?>> live = liveHandlerTypes(axon);
        if (!live.equals(rebuilt)) {
            throw new IllegalStateException("the live processor runs " + names(live) + " but a rebuild would run "
                    + names(rebuilt) + " (every projection must be a ReadModelProjection bean)");
        }
    }

    static Set<Class<?>> liveHandlerTypes(Configuration axon) {
        TrackingEventProcessor live = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModelProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + ReadModelProjection.PROCESSING_GROUP));
        Set<Class<?>> types = new HashSet<>();
        collect(live.eventHandlerInvoker(), types);
        return types;
    }

    private static void collect(EventHandlerInvoker invoker, Set<Class<?>> types) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, types));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            for (EventMessageHandler handler : simple.eventHandlers()) {
                if (!(handler instanceof AnnotationEventHandlerAdapter annotated)) {
                    throw new IllegalStateException("unexpected event handler " + handler.getClass().getName());
                }
                types.add(annotated.getTargetType());
            }
        } else {
            throw new IllegalStateException("unexpected handler invoker " + invoker.getClass().getName());
        }
    }

    private static List<String> names(Collection<Class<?>> types) {
        List<String> names = new ArrayList<>(types.stream().map(Class::getSimpleName).toList());
        names.sort(null);
        return names;
    }
}
