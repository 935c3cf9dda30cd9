package jp.hyoka.server.rebuild;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild's database round trips (BENCHMARKS.md row 7, infra/docs/rebuilds.md): the shadow tables are made in one
 * batch of DDL after the catalog reads, a repeating group's list is read and written once per processor batch, not
 * once per entry event, and an import's events are not read a second time to project them as one command; the
 * rebuilt entries equal the live ones.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildRoundTripsIT extends SignedInServerTest {

    /** Catalog reads in ShadowSchema, for all the tables together (keys, indexes, grants, relations, policies). */
    private static final int CATALOG_READS = 5;

    @Inject
    DocumentImport imports;
    @Inject
    ReadModelRebuilds rebuilds;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("hyoka.database.url", CountingDriver.url(properties.get("hyoka.database.url")));
        return properties;
    }

    @Test
    void givenAnImportedDocumentWithRepeatingGroups_whenRebuilt_thenFewRoundTripsAndTheSameEntries() throws Exception {
        importSample000();
        List<List<String>> liveEntries = entries();
        long entryEvents = count("SELECT count(*) FROM rm_repeat_entry");     // one row per entry
        long groups = count("SELECT count(DISTINCT (tenant_code, assessment_id, group_id, parent_path)) "
                + "FROM rm_repeat_entry");
        assertThat(entryEvents).as("sample 000 adds entries to repeating groups").isGreaterThan(groups);

        int mark = CountingDriver.mark();
        RebuildStatus status = rebuilds.start(SwitchOver.MANUAL).orElseThrow();
        List<CountingDriver.RoundTrip> startTrips = CountingDriver.sinceOnThisThread(mark);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (status.state() == RebuildState.RUNNING) {
            assertThat(System.nanoTime()).as("the rebuild catches up").isLessThan(deadline);
            Thread.sleep(20);
            status = rebuilds.status().orElseThrow();
        }
        assertThat(status.state()).isEqualTo(RebuildState.CAUGHT_UP);
        String processor = status.processor();
        List<CountingDriver.RoundTrip> rebuildTrips = CountingDriver.since(mark).stream()
                .filter(trip -> trip.thread().contains(processor)).toList();

        assertThat(startTrips.stream().filter(trip -> trip.sql().matches("(?s)\\s*(CREATE|ALTER|GRANT|COMMENT).*")))
                .as("no DDL statement sent on its own").isEmpty();
        assertThat(startTrips).as("round trips of starting a rebuild: catalog reads, one DDL batch, a few more")
                .hasSizeLessThanOrEqualTo(CATALOG_READS + 12);
        assertThat(rebuildTrips.stream().filter(trip -> trip.sql().contains("FROM rm_repeat_entry")))
                .as("each group's list read at most once per batch").hasSizeLessThanOrEqualTo((int) groups);
        assertThat(rebuildTrips.stream().filter(trip -> trip.sql().contains("INSERT INTO rm_repeat_entry")))
                .as("the lists written once per batch").hasSizeLessThan((int) groups);

        assertThat(rebuildTrips.stream().filter(trip -> trip.sql().matches("(?is).*aggregateIdentifier\\s*=\\s*\\?.*")))
                .as("a command's earlier events projected as they passed, not read again by aggregate").isEmpty();

        // As the live processor: from the first read of the stream (the token is claimed) to the last batch's commit,
        // the token is stored once per batch, at its start, in the batch's transaction: not claimed first (a SELECT
        // FOR UPDATE and an UPDATE) and stored at the end. (Axon extends the claim at the end of a batch that took
        // longer than the processor's event wait, 200 ms: in the same transaction, on the row already locked.)
        List<String> batchWork = batchWork(rebuildTrips);
        long batches = batchWork.stream().filter(sql -> sql.equals("commit")).count();
        List<String> tokenTrips = batchWork.stream().filter(sql -> sql.contains("tokenentry")).toList();
        assertThat(batches).as("the rebuild committed its batches").isPositive();
        assertThat(tokenTrips.stream().filter(sql -> sql.startsWith("update tokenentry set token")))
                .as("the token stored once per batch").hasSize((int) batches);
        assertThat(tokenTrips.get(0)).as("stored at the batch's start, not claimed first")
                .startsWith("update tokenentry set token");
        assertThat(batchWork.stream().filter(sql -> sql.contains("from rm_repeat_entry")))
                .as("an assessment's lists read at most twice per batch: one group alone, then all of them")
                .hasSizeLessThanOrEqualTo(2 * (int) batches);

        assertThat(rebuilds.switchWhenCaughtUp(Duration.ofSeconds(30)).orElseThrow().state())
                .isEqualTo(RebuildState.SWITCHED);
        assertThat(entries()).as("the rebuilt entries, in order").isEqualTo(liveEntries);
    }

    private static List<String> batchWork(List<CountingDriver.RoundTrip> trips) {
        List<String> sql = trips.stream()
                .map(trip -> trip.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip()).toList();
        int firstRead = 0;
        while (firstRead < sql.size() && !sql.get(firstRead).contains("globalindex >")) {
            firstRead++;
        }
        assertThat(firstRead).as("the rebuild read the event stream").isLessThan(sql.size());
        return sql.subList(firstRead, sql.lastIndexOf("commit") + 1);
    }

    private List<List<String>> entries() throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT tenant_code, assessment_id, group_id, parent_path, "
                     + "position, entry_id FROM rm_repeat_entry ORDER BY 1, 2, 3, 4, 5")) {
            while (row.next()) {
                List<String> columns = new ArrayList<>();
                for (int column = 1; column <= 6; column++) {
                    columns.add(row.getString(column));
                }
                rows.add(columns);
            }
        }
        return rows;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void importSample000() throws InterruptedException, SQLException {
        DocumentImport.Result result = imports.importDocument(new Caller(Callers.KAWASAKI,
                        new Actor("importer", "取込 太郎"), Set.of(Caller.EDITOR)), Samples.ALL_ITEMS_000,
                Samples.bytes(Samples.ALL_ITEMS_000), null, null, "rebuild round trips");
        String id = ((EditOutcome.Edited) result.outcome()).assessmentId().value().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("SELECT count(*) FROM rm_assessment WHERE assessment_id = '" + id + "'") == 0) {
            assertThat(System.nanoTime()).as("the imported document is projected").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
