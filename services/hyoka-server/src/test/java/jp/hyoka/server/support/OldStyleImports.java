package jp.hyoka.server.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.server.axon.EventJson;
import jp.hyoka.server.axon.WholeCommands;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An import's events as imports stored them before 2026-12 (one RepeatEntryAdded per entry, one ItemAnswered per
 * answer, where the DocumentContentImported now stands): what stored streams of that time hold, to prove that both
 * shapes read the same, and the per-answer events that edits store, for workloads that need a store's usual mix.
 */
public final class OldStyleImports {

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private OldStyleImports() {
    }

    public static List<AssessmentEvent> expand(List<? extends AssessmentEvent> events) {
        List<AssessmentEvent> expanded = new ArrayList<>();
        for (AssessmentEvent event : events) {
            if (event instanceof DocumentContentImported content) {
                expanded.addAll(content.edits());
            } else {
                expanded.add(event);
            }
        }
        return expanded;
    }

    /**
     * Appends an imported stream's events as the per-answer contract stored them, under a new assessment id (the same
     * JSON with the id replaced), each with the metadata of the event it comes from (the command) and its own position
     * in the command (as the aggregate writes it), in one unit of work through the real event store (so the hash chain
     * and the outbox see them as any append). Returns the new aggregate id.
     */
    public static String appendPerAnswer(EventStore eventStore, List<DomainEventMessage<?>> stored) {
        String from = stored.get(0).getAggregateIdentifier();
        String to = UUID.randomUUID().toString();
        List<AssessmentEvent> perAnswer = expand(stored.stream()
                .map(message -> (AssessmentEvent) message.getPayload()).toList());
        List<MetaData> metaData = new ArrayList<>();
        for (DomainEventMessage<?> message : stored) {
            int standsFor = message.getPayload() instanceof DocumentContentImported content ? content.edits().size() : 1;
            for (int i = 0; i < standsFor; i++) {
                metaData.add(message.getMetaData());
            }
        }
        List<EventMessage<?>> events = new ArrayList<>();
        for (AssessmentEvent event : perAnswer) {
            int sequence = events.size();
            events.add(new GenericDomainEventMessage<>(stored.get(0).getType(), to, sequence, moved(event, from, to),
                    metaData.get(sequence).mergedWith(WholeCommands.positionInCommand(sequence, perAnswer.size()))));
        }
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(events));
        return to;
    }

    /** Every event of an aggregate's stream from the first (reading by id alone starts at its newest snapshot). */
    public static List<DomainEventMessage<?>> storedFromTheFirst(EventStore eventStore, String aggregateId) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        eventStore.readEvents(aggregateId, 0).asStream().forEach(messages::add);
        return messages;
    }

    private static AssessmentEvent moved(AssessmentEvent event, String from, String to) {
        try {
            return JSON.readValue(JSON.writeValueAsString(event).replace(from, to), event.getClass());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
