package jp.hyoka.server.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An {@link EventAppendListener}'s answer for an append (its events), one of three, never null:
 * <ul>
 *     <li>{@link #NOTHING}: the listener writes nothing for these events (and is not called at
 *     {@link EventAppendListener#appended} for it);</li>
 *     <li>{@link #GENERAL_WAY}: it is called at {@link EventAppendListener#appended} after the insert's round
 *     trip;</li>
 *     <li>a {@link Sql} statement (or several), sent in the same round trip as the events' insert.</li>
 * </ul>
 * {@link NotifyingEventStorageEngine} prepares the insert and every listener's statement as one SQL text, which pgjdbc
 * sends as one message sequence before a single Sync (one round trip), executed in order in the append's
 * transaction: the events' insert first, so a second writer of the same revision still fails on the event table's
 * unique key before any listener's statement takes a lock; then the statements in listener order, which puts the lock that orders
 * a tenant's commits (the hash chain's head, {@link EventAppendListener#ordersCommits}) before the rows that must
 * follow that order (the outbox's positions). After the round trip each listener gets its statement's result
 * ({@link Sql#executed}) and then writes what depends on it ({@link Sql#finish}), on the same connection.
 */
public sealed interface BesideInsert permits BesideInsert.NoStatement, BesideInsert.Sql {

    /** Nothing to write for this append: no statement, no call at {@link EventAppendListener#appended}. */
    BesideInsert NOTHING = NoStatement.NOTHING;

    /** The general way: no statement in the insert's round trip, a call at {@link EventAppendListener#appended}. */
    BesideInsert GENERAL_WAY = NoStatement.GENERAL_WAY;

    /** The two answers without a statement. */
    enum NoStatement implements BesideInsert {
        NOTHING, GENERAL_WAY
    }

    /** A statement to send in the insert's round trip, and what follows from its result. */
    non-sealed interface Sql extends BesideInsert {

        /** {@link #statements} SQL statements separated by {@code ;}, parameters as {@code ?}. */
        String sql();

        /** How many statements {@link #sql} is: one unless said otherwise. */
        default int statements() {
            return 1;
        }

        /** Binds this statement's parameters from index {@code first}; answers the index after its last. */
        int bind(PreparedStatement statement, int first) throws SQLException;

        /**
         * Reads a result of this statement's, once for each of its {@link #statements} in order: {@code statement}
         * stands at it (its result set or update count).
         */
        void executed(Statement statement) throws SQLException;

        /** After the round trip: what the listener writes that depends on the result, in the same transaction. */
        default void finish(Connection connection) throws SQLException {
        }
    }
}
