package jp.hyoka.server.bench;

import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.server.audit.EventChainBackfill;
import jp.hyoka.server.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The at-scale pass's data set (issue 22): a database of its own that {@link NationalLoader} fills level by level
 * (10⁴ → 10⁵ → 10⁶ events: each level adds municipalities to the previous one), from which every harness's database
 * is then copied ({@code CREATE DATABASE … TEMPLATE}, a file copy: seconds, where loading again would take minutes).
 * Each harness creates its database as it always does ({@link TestDatabase#newDatabase}); while
 * {@link #copiedIntoEveryNewDatabase} runs, that database is a copy of this one.
 */
final class ScaleDataSet {

    private final BenchDatabase database;
    private int municipalities;

    /**
     * Loaded without synchronous commit (a setting of this database only, not inherited by its copies: each
     * harness's copy commits as its alone database does): the data are the same, the loading faster.
     */
    ScaleDataSet() throws Exception {
        this.database = BenchDatabase.create(false);
    }

    /**
     * Adds municipalities up to {@code total} through the product's event store, on a server started for it and
     * stopped after (a template may have no connection), with every processor caught up; the integration events of
     * the loaded data count as relayed history (none left in the relay's queue), as on a platform running for years.
     */
    NationalLoader.Loaded growTo(int total, int history, Consumer<String> progress) throws Exception {
        NationalLoader.Loaded loaded;
        try (EmbeddedServer server = database.startServer(Map.of())) {
            loaded = new NationalLoader(server.getApplicationContext()).load(municipalities, total, history, progress);
            // What the next start of a node would do first: the hash-chain backfill finds everything linked and
            // moves its mark to the head, so a start on a copy is a restart of a platform running with these data,
            // not the first start after an upgrade from a version without the mark (V20).
            server.getApplicationContext().getBean(EventChainBackfill.class).chainUnchainedEvents();
        }
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM integration_outbox_queue");
            statement.execute("VACUUM ANALYZE");
        }
        municipalities = total;
        return loaded;
    }

    /** Runs {@code rows} with every new database a copy of this data set; the copies are dropped after. */
    void copiedIntoEveryNewDatabase(Pass rows) throws Exception {
        TestDatabase.copyFrom(database.url());
        try {
            rows.run();
        } finally {
            TestDatabase.stopCopyingAndDropCopies();
        }
    }

    /** Database size, for the report (pg_database_size). */
    long bytes() throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            row.next();
            return row.getLong(1);
        }
    }

    interface Pass {
        void run() throws Exception;
    }
}
