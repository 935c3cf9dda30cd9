package jp.hyoka.server.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which a node's tracking processors read from. It learns of events appended on this
 * node at once (they pass through it); events appended by another node it only finds when it next polls the
 * database, by default a second later. So each local append is announced to the other nodes once committed, and
 * {@link #eventsAppendedElsewhere()} lets such an announcement start the poll now: the node holding the read-model
 * processor projects any node's edit within milliseconds.
 */
public final class ClusterEventStore extends EmbeddedEventStore {

    private final Runnable announceAppend;

    ClusterEventStore(Builder builder, Runnable announceAppend) {
        super(builder);
        this.announceAppend = announceAppend;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        announceAppend.run();
    }

    /** Another node committed events: read them now instead of at the next poll. */
    public void eventsAppendedElsewhere() {
        super.afterCommit(List.of());       // what a local commit does: wake the producer if it is waiting for data
    }
}
