package jp.hyoka.server.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an {@link EventAppendListener} writes for a one-event append, sent in the same round trip as the event's
 * insert: {@link NotifyingEventStorageEngine} prepares the insert and every listener's statement as one SQL text,
 * which pgjdbc sends as one message sequence before a single Sync (one round trip), executed in order in the append's
 * transaction. The insert runs first, so a second writer of the same revision still fails on the event table's unique
 * key before any listener's statement takes a lock; statements that lock ({@link #locks}) run last, so their locks
 * are held for as short a time as the round trip allows. After the round trip each listener gets its statement's
 * result ({@link #executed}) and then writes what depends on it ({@link #finish}), on the same connection.
 */
public interface BesideInsert {

    /** The listener has nothing to write for this append (no statement, nothing after). */
    BesideInsert NOTHING = new BesideInsert() {
        @Override
        public String sql() {
            return null;
        }

        @Override
        public int bind(PreparedStatement statement, int first) {
            return first;
        }

        @Override
        public void executed(Statement statement) {
            // nothing was sent
        }
    };

    /** One SQL statement (no {@code ;}), parameters as {@code ?}; null for {@link #NOTHING}. */
    String sql();

    /** Binds this statement's parameters from index {@code first}; answers the index after its last. */
    int bind(PreparedStatement statement, int first) throws SQLException;

    /** Takes a lock held until the commit (sent after those that take none). */
    default boolean locks() {
        return false;
    }

    /** Reads this statement's result: {@code statement} stands at it (its result set or update count). */
    void executed(Statement statement) throws SQLException;

    /** After the round trip: what the listener writes that depends on the result, in the same transaction. */
    default void finish(Connection connection) throws SQLException {
    }
}
