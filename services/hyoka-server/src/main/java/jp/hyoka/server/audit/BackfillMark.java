package jp.hyoka.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * How far the hash-chain backfill knows every event to be linked ({@code event_chain_backfill_mark}, V20), so that a
 * start looks only at the events appended since the previous backfill instead of the whole event table.
 *
 * <p>Why the mark is exact: a backfill moves it to a head read while no append was in flight ({@link #settledHead}),
 * and links every event above the old mark after that; so every event at or below the new mark was committed before
 * that scan began and was seen by it. Appends by this version link their events in their own transaction; only a node
 * of a version before the chain leaves events unlinked, and those land above the mark (the next start links them).
 */
final class BackfillMark {

    /**
     * How long a start waits for appends in flight before it gives up moving the mark (it still links, from the old
     * mark): while it waits, appends of other nodes queue behind its lock request.
     */
    static final String LOCK_WAIT = "250ms";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private BackfillMark() {
    }

    /** Every event at or below this global index is linked; 0 when no backfill has recorded a mark yet. */
    static long linkedThrough(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT linked_through FROM event_chain_backfill_mark")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /**
     * The event table's highest global index at a moment when no append was in flight: after a SHARE lock on the table
     * (which waits for every transaction inserting into it, each holding ROW EXCLUSIVE from its insert to its end, and
     * the global index is drawn inside the insert), so every event at or below it is committed or never will be.
     * Empty if appends did not settle within {@link #LOCK_WAIT}. Ends the transaction (the lock is released at once).
     */
    static OptionalLong settledHead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
            statement.execute("LOCK TABLE domainevententry IN SHARE MODE");
            try (ResultSet row = statement.executeQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry")) {
                row.next();
                long head = row.getLong(1);
                connection.commit();
                return OptionalLong.of(head);
            }
        } catch (SQLException e) {
            connection.rollback();
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /** Moves the mark forward to {@code head} (never back: two nodes' backfills may end in either order). */
    static void advance(Connection connection, long head) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO event_chain_backfill_mark "
                + "(linked_through) VALUES (?) ON CONFLICT (only_row) DO UPDATE "
                + "SET linked_through = greatest(event_chain_backfill_mark.linked_through, excluded.linked_through)")) {
            upsert.setLong(1, head);
            upsert.executeUpdate();
        }
        connection.commit();
    }
}
