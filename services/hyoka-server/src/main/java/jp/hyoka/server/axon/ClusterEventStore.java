package jp.hyoka.server.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which a node's tracking processors read from. It learns of events appended on this
 * node at once (they pass through it); events appended by another node it only finds when it next polls the
 * database, by default a second later. {@link #eventsAppendedElsewhere()} lets a notification from another node
 * start that poll now, so the node holding the read-model processor projects any node's edit within milliseconds.
 */
public final class ClusterEventStore extends EmbeddedEventStore {

    ClusterEventStore(Builder builder) {
        super(builder);
    }

    /** Another node committed events: read them now instead of at the next poll. */
    public void eventsAppendedElsewhere() {
        afterCommit(List.of());       // what a local commit does: wake the producer if it is waiting for data
    }
}
