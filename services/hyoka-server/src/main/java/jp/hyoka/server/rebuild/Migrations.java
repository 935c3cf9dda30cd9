package jp.hyoka.server.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The successful migrations in Flyway's history: by {@code installed_rank}, a rebuild records the newest when it copies
 * the live tables, and the switch refuses if any was installed since ({@link ShadowSchema#swapIn}), whatever it did;
 * by version, a rebuild refuses to start on a database a newer build migrated ({@link NewerSchema}).
 */
final class Migrations {

    private Migrations() {
    }

    /** The newest successful migration's {@code installed_rank}, 0 when there is none. */
    static long newestInstalled(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(installed_rank), 0) FROM flyway_schema_history WHERE success");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The version of the newest successful versioned migration (repeatables left out), 0 when none. */
    static long newestVersion(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(max(version::bigint), 0) "
                + "FROM flyway_schema_history WHERE success AND version ~ '^[0-9]+$'");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** One line per successful migration installed after {@code rank}, oldest first; empty when there is none. */
    static List<String> installedSince(Connection connection, long rank) throws SQLException {
        List<String> installed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT coalesce('version ' || version, 'repeatable'), description, script
                FROM flyway_schema_history WHERE success AND installed_rank > ? ORDER BY installed_rank""")) {
            select.setLong(1, rank);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    installed.add("migration " + rows.getString(3) + " (" + rows.getString(1) + ", "
                            + rows.getString(2) + ") was installed since the copies were made");
                }
            }
        }
        return installed;
    }
}
