package jp.hyoka.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.audit.ChainVerification;
import jp.hyoka.domain.platform.FirstAdministrator;
import jp.hyoka.domain.platform.MunicipalityOnboarded;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.audit.EventChainAudit;
import jp.hyoka.server.audit.EventChainBackfill;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.LockWaits;
import jp.hyoka.server.support.SignedInServerTest;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import static jp.hyoka.server.support.AuditOperations.VERIFY;
import static jp.hyoka.server.support.AuditOperations.startAndAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stored event is linked into its municipality's hash chain as it is appended, concurrent appends of one
 * municipality never fork it, and events stored before the chain existed are linked by the backfill.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventChainIT extends SignedInServerTest {

    /** Events per municipality whose payload names it: what its chain must hold. */
    private static final String EVENTS_OF_TENANT = "SELECT count(*) FROM domainevententry "
            + "WHERE convert_from(payload, 'UTF8')::jsonb ->> 'tenant' = ?";

    @Inject
    DataSource dataSource;
    @Inject
    EventChainBackfill backfill;
    @Inject
    EventChainAudit audit;
    @Inject
    Configuration axon;

    private GraphQlClient kawasakiAuditor;
    private GraphQlClient asahikawaAuditor;

    @BeforeAll
    void bothMunicipalitiesEdit() {
        kawasakiAuditor = callers.kawasakiReader;
        asahikawaAuditor = new GraphQlClient(server.getURI(), issuer.issue("a-auditor", "旭川 監査",
                Callers.ASAHIKAWA, List.of("auditor")));
        startAndAnswer(callers.kawasakiEditor, "住民基本台帳に関する事務", "市民課", "区政推進課");
        startAndAnswer(callers.asahikawaEditor, "国民健康保険に関する事務", "保険課");
    }

    @Test
    void givenEditsInTwoMunicipalities_whenEachAuditorVerifies_thenEachChainIsIntactAndHoldsExactlyItsOwnEvents()
            throws SQLException {
        JsonNode kawasaki = kawasakiAuditor.data("verifyEventChain", VERIFY, Map.of());
        JsonNode asahikawa = asahikawaAuditor.data("verifyEventChain", VERIFY, Map.of());

        assertThat(kawasaki.path("municipalityCode").asText()).isEqualTo("141305");
        assertThat(kawasaki.path("intact").asBoolean()).isTrue();
        assertThat(kawasaki.path("firstBrokenLink").isNull()).isTrue();
        assertThat(kawasaki.path("eventsVerified").asLong()).isEqualTo(count(EVENTS_OF_TENANT, "141305"));
        assertThat(kawasaki.path("headHash").asText()).matches("[0-9a-f]{64}")
                .isEqualTo(string("SELECT hash FROM event_chain_head WHERE tenant_code = ?", "141305"));
        assertThat(asahikawa.path("municipalityCode").asText()).isEqualTo("012041");
        assertThat(asahikawa.path("intact").asBoolean()).isTrue();
        assertThat(asahikawa.path("eventsVerified").asLong()).isEqualTo(count(EVENTS_OF_TENANT, "012041"));
        assertThat(asahikawa.path("headHash").asText()).isNotEqualTo(kawasaki.path("headHash").asText());
    }

    @Test
    void givenANewEdit_whenVerifiedAgain_thenTheChainGrewByOneAndStillHolds() {
        JsonNode before = kawasakiAuditor.data("verifyEventChain", VERIFY, Map.of());

        startAndAnswer(callers.kawasakiEditor, "介護保険関係事務");
        JsonNode after = kawasakiAuditor.data("verifyEventChain", VERIFY, Map.of());

        assertThat(after.path("intact").asBoolean()).isTrue();
        assertThat(after.path("eventsVerified").asLong()).isEqualTo(before.path("eventsVerified").asLong() + 1);
        assertThat(after.path("headHash").asText()).isNotEqualTo(before.path("headHash").asText());
    }

    @Test
    void givenEightEditorsOfOneMunicipalityAtOnce_whenVerified_thenTheChainHasEveryEventOnceWithoutGapOrFork()
            throws Exception {
        startAndAnswer(callers.kawasakiEditor, "先に作成する事務", "課", "係");     // the chain head exists
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> started = new ArrayList<>();
        // The appends meet for certain: the chain head is held until PostgreSQL shows several of them waiting for
        // it (as many as the server runs at once, at least two), then let go.
        try (Connection head = dataSource.getConnection()) {
            LockWaits.holdChainHead(head, "141305");
            for (int i = 0; i < 8; i++) {
                String affair = "同時に作成する事務" + i;
                started.add(pool.submit(() -> startAndAnswer(callers.kawasakiEditor, affair, "課" + affair,
                        "係" + affair)));
            }
            LockWaits.await(dataSource, 2, Duration.ofSeconds(20));
            head.rollback();
        }
        for (Future<String> assessment : started) {
            assessment.get();
        }
        pool.shutdown();

        JsonNode verification = kawasakiAuditor.data("verifyEventChain", VERIFY, Map.of());
        long events = count(EVENTS_OF_TENANT, "141305");
        assertThat(verification.path("intact").asBoolean()).isTrue();
        assertThat(verification.path("eventsVerified").asLong()).isEqualTo(events);
        assertThat(count("SELECT count(DISTINCT chain_position) FROM event_chain WHERE tenant_code = ?", "141305"))
                .isEqualTo(events);
        assertThat(count("SELECT max(chain_position) FROM event_chain WHERE tenant_code = ?", "141305"))
                .isEqualTo(events);
    }

    @Test
    void givenEventsStoredBeforeTheChainExisted_whenTheBackfillRuns_thenTheyAreLinkedInStoredOrderAndVerify()
            throws SQLException {
        long stored = count("SELECT count(*) FROM domainevententry");
        execute("DELETE FROM event_chain");                 // the state of a database just migrated to V9
        execute("DELETE FROM event_chain_head");
        execute("DELETE FROM event_chain_backfill_mark");  // (and on to V20: no backfill has run yet)
        JsonNode unlinked = kawasakiAuditor.data("verifyEventChain", VERIFY, Map.of());

        int linked = backfill.chainUnchainedEvents();
        JsonNode relinked = kawasakiAuditor.data("verifyEventChain", VERIFY, Map.of());

        assertThat(unlinked.path("intact").asBoolean()).isFalse();
        assertThat(unlinked.path("firstBrokenLink").path("reason").asText()).isEqualTo("UNCHAINED_EVENT");
        assertThat(linked).isEqualTo(stored);
        assertThat(relinked.path("intact").asBoolean()).isTrue();
        assertThat(relinked.path("eventsVerified").asLong()).isEqualTo(count(EVENTS_OF_TENANT, "141305"));
        assertThat(asahikawaAuditor.data("verifyEventChain", VERIFY, Map.of()).path("intact").asBoolean()).isTrue();
        assertThat(strings("SELECT c.event_identifier FROM event_chain c JOIN domainevententry d "
                + "ON d.eventidentifier = c.event_identifier WHERE c.tenant_code = ? ORDER BY c.chain_position"))
                .as("linked in the order they were stored").isEqualTo(strings("SELECT d.eventidentifier FROM "
                        + "domainevententry d JOIN event_chain c ON d.eventidentifier = c.event_identifier "
                        + "WHERE c.tenant_code = ? ORDER BY d.globalindex"));
        assertThat(backfill.chainUnchainedEvents()).as("a second run finds nothing to link").isZero();
    }

    @Test
    void givenABackfillRan_whenAnOlderNodeAppendsWithoutALink_thenTheNextBackfillLinksItAndMovesItsMarkToTheHead()
            throws SQLException {
        backfill.chainUnchainedEvents();
        MunicipalityCode chiyoda = new MunicipalityCode("131016");      // no other events here
        onboard(chiyoda, "千代田区");
        // What a node of a version before the chain leaves behind: the event without its link (its only one).
        execute("DELETE FROM event_chain WHERE tenant_code = '131016'");
        execute("DELETE FROM event_chain_head WHERE tenant_code = '131016'");
        assertThat(audit.verify(chiyoda).intact()).isFalse();

        int linked = backfill.chainUnchainedEvents();

        assertThat(linked).isEqualTo(1);
        assertThat(audit.verify(chiyoda).intact()).isTrue();
        assertThat(count("SELECT linked_through FROM event_chain_backfill_mark"))
                .isEqualTo(count("SELECT max(globalindex) FROM domainevententry"));
    }

    @Test
    void givenAnEventAtOrBelowTheMark_whenItsLinkIsMissing_thenTheBackfillDoesNotLookThereButTheVerifierFindsIt()
            throws SQLException {
        MunicipalityCode minato = new MunicipalityCode("131032");       // no other events here
        onboard(minato, "港区");
        backfill.chainUnchainedEvents();                               // the mark moves past minato's event
        // The mark says every event up to it is linked; a start trusts it and reads only above it (issue 22: the
        // whole-store check was 3-4 s of a start at 10^6 events). The verifier never trusts it.
        execute("DELETE FROM event_chain WHERE tenant_code = '131032'");
        execute("DELETE FROM event_chain_head WHERE tenant_code = '131032'");

        int linked = backfill.chainUnchainedEvents();

        assertThat(linked).as("the backfill read only above its mark").isZero();
        assertThat(audit.verify(minato).intact()).isFalse();
        execute("DELETE FROM event_chain_backfill_mark");              // a restored database has no mark
        assertThat(backfill.chainUnchainedEvents()).as("without a mark, the whole store").isEqualTo(1);
        assertThat(audit.verify(minato).intact()).isTrue();
    }

    @Test
    void givenAnAppendInFlight_whenTheBackfillRuns_thenItStillLinksButLeavesItsMarkWhereItWas() throws SQLException {
        backfill.chainUnchainedEvents();
        long mark = count("SELECT linked_through FROM event_chain_backfill_mark");
        onboard(new MunicipalityCode("131024"), "中央区");    // the head moves past the mark
        try (Connection inFlight = dataSource.getConnection(); Statement insert = inFlight.createStatement()) {
            inFlight.setAutoCommit(false);
            // What an insert into the event table holds until it commits: an event below the head may still come.
            insert.execute("LOCK TABLE domainevententry IN ROW EXCLUSIVE MODE");

            backfill.chainUnchainedEvents();

            assertThat(count("SELECT linked_through FROM event_chain_backfill_mark")).isEqualTo(mark);
            inFlight.rollback();
        }
        backfill.chainUnchainedEvents();
        assertThat(count("SELECT linked_through FROM event_chain_backfill_mark"))
                .isEqualTo(count("SELECT max(globalindex) FROM domainevententry"));
    }

    /**
     * A database upgraded from before the chain may hold very many unlinked events: each batch reads on from the last
     * event of the batch before, so every event is read once (from the mark each time, every batch read again the
     * events the batches before had linked: quadratic).
     */
    @Test
    void givenManyEventsWithoutALink_whenTheBackfillLinksThemInBatches_thenEachBatchReadsOnAfterTheLastOneBefore()
            throws SQLException {
        startAndAnswer(callers.kawasakiEditor, "未連結の多い事務", "一", "二", "三", "四", "五", "六", "七", "八");
        execute("DELETE FROM event_chain");
        execute("DELETE FROM event_chain_head");
        execute("DELETE FROM event_chain_backfill_mark");
        List<Long> events = query("SELECT globalindex FROM domainevententry ORDER BY globalindex").stream()
                .map(Long::parseLong).toList();
        List<Long> lowerBounds = new ArrayList<>();
        EventChainBackfill inBatchesOfThree = new EventChainBackfill(recordingLowerBounds(lowerBounds), 3);

        int linked = inBatchesOfThree.chainUnchainedEvents();

        List<Long> expected = new ArrayList<>(List.of(0L));
        for (int last = 2; last < events.size() + 2; last += 3) {
            expected.add(events.get(Math.min(last, events.size() - 1)));     // a batch's last event
        }
        assertThat(events).as("several batches").hasSizeGreaterThan(9);
        assertThat(linked).isEqualTo(events.size());
        assertThat(lowerBounds).as("each batch after the last event of the one before, then one read finding none")
                .containsExactlyElementsOf(expected);
        assertThat(kawasakiAuditor.data("verifyEventChain", VERIFY, Map.of()).path("intact").asBoolean()).isTrue();
    }

    /** The server's data source, recording the lower bound of every read of unlinked events. */
    private DataSource recordingLowerBounds(List<Long> bounds) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (source, method, args) -> {
                    Object result = invoke(method, dataSource, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                            (proxy, call, callArgs) -> {
                                Object made = invoke(call, connection, callArgs);
                                if (!call.getName().equals("prepareStatement")
                                        || !((String) callArgs[0]).contains("FROM event_chain c WHERE")) {
                                    return made;
                                }
                                return Proxy.newProxyInstance(getClass().getClassLoader(),
                                        new Class<?>[]{PreparedStatement.class}, (statement, set, values) -> {
                                            if (set.getName().equals("setLong") && (int) values[0] == 1) {
                                                bounds.add((long) values[1]);
                                            }
                                            return invoke(set, made, values);
                                        });
                            });
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void givenAnEventPublishedOutsideAnyUnitOfWork_whenVerified_thenItIsLinkedIntoTheChainOfTheMunicipalityItNames() {
        // Axon allows it (Hyoka's own code always appends inside a command's unit of work): the engine starts one,
        // so the event and its link still commit together. 131075 has no other events here.
        MunicipalityCode sumida = new MunicipalityCode("131075");
        axon.eventStore().publish(GenericEventMessage.asEventMessage(new MunicipalityOnboarded(sumida, "墨田区",
                new FirstAdministrator("admin@city.sumida.lg.jp", "墨田 管理者"), new Actor("op-1", "運営 太郎"),
                Instant.parse("2026-12-05T01:00:00Z"))));

        ChainVerification verification = audit.verify(sumida);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.verified().position()).isEqualTo(1);
    }

    private void onboard(MunicipalityCode code, String name) {
        axon.eventStore().publish(GenericEventMessage.asEventMessage(new MunicipalityOnboarded(code, name,
                new FirstAdministrator("admin@" + code.value() + ".lg.jp", name + " 管理者"),
                new Actor("op-1", "運営 太郎"), Instant.parse("2026-12-07T01:00:00Z"))));
    }

    private long count(String sql, String... parameters) throws SQLException {
        return Long.parseLong(string(sql, parameters));
    }

    private String string(String sql, String... parameters) throws SQLException {
        return query(sql, parameters).get(0);
    }

    private List<String> strings(String sql) throws SQLException {
        return query(sql, "141305");
    }

    private List<String> query(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
