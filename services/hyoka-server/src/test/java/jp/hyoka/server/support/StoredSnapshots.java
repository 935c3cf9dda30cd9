package jp.hyoka.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Aggregate snapshots as stored in {@code snapshotevententry}, read on connections the test opens. */
public final class StoredSnapshots {

    /** A connection of the test's (closed by the caller). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;

    public StoredSnapshots(Connections connections) {
        this.connections = connections;
    }

    /** Snapshots are written in the background, after the command's commit: waits (30 s at most) for one. */
    public void awaitAtLeast(String id, long revision) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (revision(id) < revision) {
            assertThat(System.nanoTime()).as("a snapshot at revision %d or later", revision).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** The revision of the aggregate's newest snapshot; 0 if it has none. */
    public long revision(String id) throws SQLException {
        try (Connection connection = connections.open(); PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(sequencenumber), -1) + 1 FROM snapshotevententry WHERE aggregateidentifier = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
