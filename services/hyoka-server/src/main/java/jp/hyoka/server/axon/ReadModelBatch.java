package jp.hyoka.server.axon;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The read-model rows of one unit of work (a tracking-processor batch of up to 200 events), buffered by the
 * features' projections in {@link Part}s and sent to PostgreSQL as a few JDBC batches when the unit of work prepares
 * to commit, in the same transaction as the token.
 *
 * <p>Why: written one statement at a time, every event cost two or three round trips (answer, document revision,
 * history row), and the read models took several times longer than the import's own commit; an import's
 * {@code importDocument} mutation waits for them (read-your-writes). Measured by the bulk-import benchmark
 * (BENCHMARKS.md row 4, {@code infra/scripts/bench-import.sh}).
 *
 * <p>The result is the same as writing each event's rows at once as long as each part keeps its own rows' order
 * (the parts say how: the host's document rows, the history feature's rows) and the parts are written in
 * {@link Part#order()}; a projection that writes directly (a delete, a migration) first calls
 * {@link #flush(AxonConnections)}, so the writes to one row keep their order. A failed write fails the batch's
 * commit, and the processor retries the batch; nothing is skipped silently. Outside a unit of work (a projection
 * called directly) there is no batch: {@link #part} answers null and the caller writes at once.
 */
public final class ReadModelBatch {

    /** One feature's buffered rows. */
    public interface Part {

        /** Lower writes first (new documents before anything else). */
        int order();

        /** Writes the buffered rows on {@code connection} and forgets them. */
        void writeTo(Connection connection) throws SQLException;

        boolean isEmpty();
    }

    /** Rows written at once, outside any batch. */
    public interface Write {
        void to(Connection connection) throws SQLException;
    }

    private static final String RESOURCE = ReadModelBatch.class.getName();

    private final AxonConnections connections;
    private final Map<Class<?>, Part> parts = new LinkedHashMap<>();

    private ReadModelBatch(AxonConnections connections) {
        this.connections = connections;
    }

    /** The current unit of work's part of {@code type}, created on first use; null outside a unit of work. */
    public static <P extends Part> P part(AxonConnections connections, Class<P> type, Supplier<P> create) {
        ReadModelBatch batch = current(connections);
        return batch == null ? null : type.cast(batch.parts.computeIfAbsent(type, key -> create.get()));
    }

    /** Writes what the current unit of work has buffered; call before writing read-model rows directly. */
    public static void flush(AxonConnections connections) throws SQLException {
        ReadModelBatch batch = current(connections);
        if (batch != null) {
            batch.flush();
        }
    }

    public static void writeNow(AxonConnections connections, Write write) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            write.to(connection);
        }
    }

    /** The batch of the current unit of work, created (and flushed at its prepare-commit) on first use. */
    private static ReadModelBatch current(AxonConnections connections) {
        if (!CurrentUnitOfWork.isStarted()
                || CurrentUnitOfWork.get().phase().isAfter(UnitOfWork.Phase.STARTED)) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ReadModelBatch batch = new ReadModelBatch(connections);
            root.onPrepareCommit(unitOfWork -> {
                try {
                    batch.flush();
                } catch (SQLException e) {
                    throw new IllegalStateException("read-model rows of this batch could not be written: "
                            + e.getMessage(), e);
                }
            });
            return batch;
        });
    }

    private void flush() throws SQLException {
        List<Part> pending = new ArrayList<>(parts.values().stream().filter(part -> !part.isEmpty()).toList());
        if (pending.isEmpty()) {
            return;
        }
        pending.sort(Comparator.comparingInt(Part::order));
        try (Connection connection = connections.getConnection()) {
            for (Part part : pending) {
                part.writeTo(connection);
            }
        }
    }
}
