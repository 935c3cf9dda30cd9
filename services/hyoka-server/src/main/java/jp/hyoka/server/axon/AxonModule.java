package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.Module;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;

import java.util.List;

/**
 * A feature's share of the Axon configuration: its aggregates and what their command handlers take as parameters.
 * Each is a bean; {@link AxonFactory} applies every one and names none. A module whose aggregates are snapshotted
 * ({@link AggregateSnapshots}) also says how their state is written as JSON and which stored snapshots are still of
 * the current shape.
 */
public interface AxonModule {

    void configure(Configurer configurer);

    /** Jackson modules for the module's snapshotted aggregates (the events' own mapping, {@link EventJson}, applies). */
    default List<Module> snapshotJson() {
        return List.of();
    }

    /** Which stored snapshots of the module's aggregates may be loaded; others' pass. */
    default SnapshotFilter snapshotFilter() {
        return SnapshotFilter.allowAll();
    }
}
