package jp.hyoka.server.rebuild;

import jp.hyoka.server.assessment.AssessmentDocumentProjection;
import jp.hyoka.server.assessment.EditHistoryProjection;
import jp.hyoka.server.assessment.ImportedDocumentProjection;
import jp.hyoka.server.assessment.PastChangeProjection;
import jp.hyoka.server.assessment.ReadModels;
import jp.hyoka.server.assessment.RepeatEntryProjection;
import jp.hyoka.server.axon.AxonConnections;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The projections a rebuild runs: new instances of the live processor's projection classes, writing through the
 * rebuild's connections. The list mirrors AxonFactory; a rebuild refuses to start when the live processor runs
 * any other set of classes ({@link #checkSameAs}).
 */
final class RebuildProjections {

    private RebuildProjections() {
    }

    static List<Object> create(AxonConnections connections) {
        return List.of(
                new AssessmentDocumentProjection(connections),
                new EditHistoryProjection(connections),
                new RepeatEntryProjection(connections),
                new PastChangeProjection(connections),
                new ImportedDocumentProjection(connections));
    }

    /** @throws IllegalStateException when the live read-model processor's handlers are not these classes */
    static void checkSameAs(Configuration axon, List<Object> projections) {
        Set<Class<?>> rebuilt = new HashSet<>();
        projections.forEach(projection -> rebuilt.add(projection.getClass()));
        Set<Class<?>> live = liveHandlerTypes(axon);
        if (!live.equals(rebuilt)) {
            throw new IllegalStateException("the live processor runs " + names(live) + " but a rebuild would run "
                    + names(rebuilt) + " (RebuildProjections must list what AxonFactory registers)");
        }
    }

    static Set<Class<?>> liveHandlerTypes(Configuration axon) {
        TrackingEventProcessor live = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + ReadModels.PROCESSING_GROUP));
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
