package jp.hyoka.server.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs inside every append to the event store, on its connection and in its transaction: the append commits with
 * what the listener wrote or not at all. The audit feature links each event into its tenant's hash chain this way.
 */
public interface EventAppendListener {

    /** Once, before Axon starts: bring up to date whatever was appended before the listener existed. */
    default void beforeStart() {
    }

    /**
     * @param events the appended events in append order: each its message (payload as an object) and its row as
     *               written (payload bytes as stored)
     */
    void appended(Connection connection, List<AppendedEvent> events) throws SQLException;

    /**
     * For an append (its events in append order), one of three answers ({@link BesideInsert}, never null): a statement
     * to send in the events' insert round trip, {@link BesideInsert#NOTHING}, or {@link BesideInsert#GENERAL_WAY} (the
     * default: called at {@link #appended} after that round trip).
     */
    default BesideInsert besideInsert(List<AppendedEvent> events) {
        return BesideInsert.GENERAL_WAY;
    }

    /**
     * Whether this listener takes the lock that orders its tenant's commits (the hash chain's head: held until the
     * commit, so a tenant's commits happen in the order it is granted). Such listeners run before every other (their
     * statements right after the insert), so that what the others write
     * under it follows the commit order: the outbox's positions are drawn from a sequence at their insert, and drawn
     * before the lock two commits of one municipality could hold them in the opposite order of their commits.
     */
    default boolean ordersCommits() {
        return false;
    }
}
