package jp.hyoka.server.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.util.List;

/**
 * A load's stream over messages already in memory: the newest snapshot (if any) and the events after it, in sequence
 * order, from one statement (BENCHMARKS.md row 5). It answers as the stream a load answered with before (Axon's
 * {@code ConcatenatingDomainEventStream} of the snapshot's stream, the events' and this unit of work's staged ones):
 * {@link #peek} and {@link #next} give {@code null} once exhausted, and the last sequence number is the last
 * message's whether or not it was read (null when there is none). Why not those streams: each message went through
 * two concatenating streams and a stream pipeline's iterator, and the last sequence number through a stream of
 * streams — ~5 % of a 10-event load's CPU (LoadCostProbe's JFR), for a list in hand.
 */
final class LoadedStream implements DomainEventStream {

    private final List<? extends DomainEventMessage<?>> messages;
    private int next;

    /** {@code messages} in strictly ascending sequence order (a snapshot first, then the events after it). */
    LoadedStream(List<? extends DomainEventMessage<?>> messages) {
        this.messages = messages;
    }

    @Override
    public boolean hasNext() {
        return next < messages.size();
    }

    @Override
    public DomainEventMessage<?> next() {
        return hasNext() ? messages.get(next++) : null;
    }

    @Override
    public DomainEventMessage<?> peek() {
        return hasNext() ? messages.get(next) : null;
    }

    @Override
    public Long getLastSequenceNumber() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1).getSequenceNumber();
    }
}
