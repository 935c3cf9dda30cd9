package jp.hyoka.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.RoundTripProxy;
import jp.hyoka.server.support.RoundTripProxy.RoundTrip;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.hyoka.server.support.AuditOperations.VERIFY;
import static jp.hyoka.server.support.AuditOperations.startAndAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-event command's transaction is 3 network round trips, counted on the wire between the server's pool and
 * PostgreSQL ({@link RoundTripProxy}: whatever pgjdbc sends before it waits for an answer, an extra Describe and Sync
 * included): the event's insert with its tenant's head lock — and, for an event told outside, its outbox row after
 * the lock, so the row's position is drawn in the municipality's commit order — then the link and the head's move
 * (computed from the rows bound to the insert: nothing reads the event table back), then the commit
 * (infra/docs/hash-chain.md, BENCHMARKS.md rows 1 and 2). So is an import's, whose command appends several events
 * (the start, the content, the import, the past): their insert, the head's lock, the outbox rows, in the first round
 * trip (BENCHMARKS.md row 4). The chain still verifies against the events as stored.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainAppendRoundTripsIT extends SignedInServerTest {

    private static final String EVENT_INSERT = "insert into domainevententry";
    private static final String HEAD_LOCK = "insert into event_chain_head";
    private static final String OUTBOX = "integration_outbox";
    private static final String LINKS_INSERT = "insert into event_chain (";

    private static final Caller IMPORTER = new Caller(Callers.KAWASAKI, new Actor("k-editor", "川崎 一郎"),
            Set.of(Caller.EDITOR));

    private static RoundTripProxy proxy;          // made with the properties, before the server starts

    @Inject
    DocumentImport imports;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        proxy = RoundTripProxy.before(properties.get("hyoka.database.url"));
        properties.put("hyoka.database.url", proxy.url());
        return properties;
    }

    @AfterAll
    void closeProxy() {
        proxy.close();
    }

    @Test
    void givenOneEventCommands_whenCommitted_thenEachTransactionIsThreeRoundTrips_insertWithHeadAndOutbox_links_commit() {
        long mark = proxy.mark();
        startAndAnswer(callers.kawasakiEditor, "住民基本台帳に関する事務", "市民課", "区政推進課「本庁」");

        List<List<RoundTrip>> appends = proxy.transactionsSince(mark).stream()
                .filter(transaction -> transaction.stream().anyMatch(trip -> index(trip, EVENT_INSERT) >= 0))
                .toList();
        assertThat(appends).as("the start's and the two answers' transactions").hasSize(3);
        for (List<RoundTrip> append : appends) {
            assertThat(append).as("round trips of a one-event command's transaction: %s", append).hasSize(3);
            assertThat(append).as("one Sync per round trip, no Flush: %s", append).allSatisfy(trip -> {
                assertThat(trip.syncs()).as("Syncs in %s", trip).isEqualTo(1);
                assertThat(trip.flushes()).as("Flushes in %s", trip).isZero();
            });
            RoundTrip insert = append.get(0);
            assertThat(insert.runs("BEGIN")).as("the transaction begins with the insert").isTrue();
            assertThat(index(insert, HEAD_LOCK)).as("the tenant's head, locked after the insert in its round trip: %s",
                    insert).isGreaterThan(index(insert, EVENT_INSERT));
            assertThat(append.get(1).lowerCase()).as("the link and the head's move, nothing read back")
                    .singleElement().asString().contains(LINKS_INSERT).doesNotContain("domainevententry");
            assertThat(append.get(2).statements()).as("the commit alone").containsExactly("COMMIT");
        }
        List<List<RoundTrip>> told = appends.stream().filter(append -> index(append.get(0), OUTBOX) >= 0).toList();
        assertThat(told).as("the start's outbox row (assessment.started), in the insert's round trip; the answers "
                + "(not told outside) write none").hasSize(1);
        RoundTrip started = told.get(0).get(0);
        assertThat(index(started, OUTBOX)).as("the outbox row after the head's lock: %s", started)
                .isGreaterThan(index(started, HEAD_LOCK));
        assertThat(appends).as("no outbox statement outside the insert's round trip").allSatisfy(append ->
                assertThat(append.subList(1, append.size())).allSatisfy(trip -> assertThat(index(trip, OUTBOX))
                        .isNegative()));

        JsonNode verified = callers.kawasakiReader.data("verifyEventChain", VERIFY, Map.of());
        assertThat(verified.path("intact").asBoolean()).as("the links hash what is stored").isTrue();
        assertThat(verified.path("eventsVerified").asLong()).isGreaterThanOrEqualTo(appends.size());
    }

    @Test
    void givenAnImportOfSeveralEvents_whenCommitted_thenItsTransactionIsThreeRoundTrips_insertsHeadAndOutbox_links_commit() {
        long mark = proxy.mark();
        DocumentImport.Result imported = imports.importDocument(IMPORTER, "003.txt",
                Samples.bytes(Samples.KEY_ITEMS_003), null, null, null);
        long revision = ((EditOutcome.Edited) imported.outcome()).revision();
        assertThat(revision).as("the import's events").isGreaterThan(2);

        List<RoundTrip> append = proxy.transactionsSince(mark).stream()
                .filter(transaction -> transaction.stream().anyMatch(trip -> index(trip, EVENT_INSERT) >= 0))
                .findFirst().orElseThrow();
        assertThat(append).as("round trips of the import's transaction: %s", append).hasSize(3);
        RoundTrip insert = append.get(0);
        assertThat(insert.runs("BEGIN")).as("the transaction begins with the insert").isTrue();
        assertThat(index(insert, HEAD_LOCK)).as("the tenant's head, locked after the insert in its round trip: %s",
                insert).isGreaterThan(index(insert, EVENT_INSERT));
        assertThat(index(insert, OUTBOX)).as("the outbox rows (assessment.started, document.imported) after the "
                + "head's lock: %s", insert).isGreaterThan(index(insert, HEAD_LOCK));
        assertThat(append.get(1).lowerCase()).as("the links and the head's move, nothing read back")
                .singleElement().asString().contains(LINKS_INSERT).doesNotContain("domainevententry");
        assertThat(append.get(2).statements()).as("the commit alone").containsExactly("COMMIT");

        JsonNode verified = callers.kawasakiReader.data("verifyEventChain", VERIFY, Map.of());
        assertThat(verified.path("intact").asBoolean()).as("the links hash what is stored").isTrue();
        assertThat(verified.path("eventsVerified").asLong()).isGreaterThanOrEqualTo(revision);
    }

    /** Where the first statement containing {@code sql} stands in the round trip's statements; -1 if none does. */
    private static int index(RoundTrip trip, String sql) {
        List<String> statements = trip.lowerCase();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).contains(sql)) {
                return i;
            }
        }
        return -1;
    }
}
