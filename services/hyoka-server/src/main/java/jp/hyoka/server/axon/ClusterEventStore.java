package jp.hyoka.server.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which a node's tracking processors read from. It learns of events appended on this
 * node at once (they pass through it); events appended by another node it only finds when it next polls the
 * database, by default a second later. So each local append is announced to the other nodes once committed, and
 * {@link #eventsAppendedElsewhere()} lets such an announcement start the poll now: the node holding the read-model
 * processor projects any node's edit within milliseconds. Both wake the processor's stream too, even when Axon serves it
 * from a stream of its own rather than from the shared cache ({@link WakeableEventStream}).
 *
 * <p>An aggregate's stream starts with its snapshot when there is one ({@link AggregateSnapshots}), read with its
 * events in one statement. A snapshot that cannot be read back (corrupt, or written by code that no longer reads it
 * while keeping its shape) is passed over and the aggregate replayed from its first event: a snapshot only saves
 * time, it never decides a command's fate.
 */
public final class ClusterEventStore extends EmbeddedEventStore {

    private final NotifyingEventStorageEngine storage;
    private final Runnable announceAppend;
    private final WakeableEventStream.Appends appends = new WakeableEventStream.Appends();

    ClusterEventStore(Builder builder, NotifyingEventStorageEngine storage, Runnable announceAppend) {
        super(builder);
        this.storage = storage;
        this.announceAppend = announceAppend;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        appends.signal();
        announceAppend.run();
    }

    /** A tracking processor's stream, woken by every append this node hears of ({@link WakeableEventStream}). */
    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new WakeableEventStream(super.openStream(trackingToken), appends);
    }

    /**
     * The aggregate's newest snapshot and its events after it, in one statement ({@link
     * NotifyingEventStorageEngine#readFromNewestSnapshot}), then any of its events staged in this unit of work (as
     * Axon's store does). A load before its command decided anything has none staged: its stream is then the stored
     * one when that is already the whole stream in hand ({@link LoadedStream}, which answers as the concatenation did).
     */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        DomainEventStream stored = storage.readFromNewestSnapshot(aggregateIdentifier);
        if (stored instanceof LoadedStream && queuedMessages().isEmpty()) {
            return stored;
        }
        return DomainEventStream.concat(stored, DomainEventStream.of(stagedDomainEventMessages(aggregateIdentifier)));
    }

    /** Another node committed events: read them now instead of at the next poll. */
    public void eventsAppendedElsewhere() {
        super.afterCommit(List.of());       // what a local commit does: wake the producer if it is waiting for data
        appends.signal();
    }
}
