package jp.hyoka.server.rebuild;

import jp.hyoka.server.database.SchemaBaseline;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A rebuild refused at its start: a newer build has migrated the database past the newest version this node's build
 * knows (a rolling upgrade under way). The rebuild would copy the migrated tables but fill them with this build's
 * projections, which know nothing of what the migration added (V22's {@code revision} would stay at its default), and
 * the switch could not tell ({@link LiveTablesChanged} sees only a migration run after the copies were made). The
 * rebuild's status reports it as {@code NewerSchema: …}; start the rebuild on a node of the newest build.
 */
public final class NewerSchema extends IllegalStateException {

    private NewerSchema(long database, int build) {
        super("the database is at schema version " + database + ", this node's build knows versions up to " + build
                + ": a newer build migrated it, whose projections this node does not have; start the rebuild on a "
                + "node of the newest build");
    }

    /** Throws unless this build knows the database's schema version. */
    static void refuseIfNewerThanThisBuild(DataSource dataSource) throws SQLException {
        int build = SchemaBaseline.newestVersion();
        try (Connection connection = dataSource.getConnection()) {
            long database = Migrations.newestVersion(connection);
            if (database > build) {
                throw new NewerSchema(database, build);
            }
        }
    }
}
