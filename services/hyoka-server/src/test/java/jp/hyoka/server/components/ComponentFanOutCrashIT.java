package jp.hyoka.server.components;

import io.micronaut.context.ApplicationContext;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.components.ComponentDocuments.Use;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.ServerProcess;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static jp.hyoka.server.components.ComponentDocuments.published;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out survives a crash half way. A publication raises its proposals in the read-model processor's batch
 * transaction: the proposals (one INSERT … SELECT), then the summary row, then the processor's token. Here the real
 * server, in a JVM of its own, is stopped between the two: the test holds an uncommitted row with the summary's key
 * (component, 2) on a connection of its own, so the processor's INSERT of that row waits for it (PostgreSQL shows the
 * backend waiting for a lock while it holds its proposals insert), and the server is killed with SIGKILL right there.
 *
 * <p>Why this shows "no duplicates, no gaps": at the kill, every proposal of the publication had been written but
 * not committed, and the token still pointed before the publication; after the kill (and the blocker's rollback)
 * the database holds none of them (checked), so nothing half done survives. The restarted server's processor takes
 * the token over and handles the publication again: every followed use is already in rm_component_use (they were
 * projected before the publication, in event order), so the retry raises exactly the set of (assessment, use) of the
 * followed uses, once each (the set and the count are compared, and the summary's counts). A second restart, with the
 * processor shown caught up past the publication by a later event, changes no row: the token moved past the
 * publication in the same commit as the proposals, so nothing is raised twice.
 *
 * <p>The documents are seeded in-process first (there is no GraphQL for inserting components yet): a server context in
 * this JVM on the same database sends the domain commands, then closes; the server process then starts on it.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ComponentFanOutCrashIT {

    private static final String COMPONENT = "crash.intermediate-server-platform";
    private static final int MUNICIPALITIES = 6;
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final String PUBLISH = "mutation($id: ID!) { publishComponentVersion(input: "
            + "{componentId: $id, version: 2}) { __typename } }";
    private static final String REGISTER = """
            mutation($id: ID!) {
              registerSharedComponent(input: {componentId: $id, family: "intermediate-server-platform",
                  name: "後続の登録", issuer: "J-LIS", fits: [{kind: KEY_ITEMS, version: "2025",
                  itemId: "file.storage.location"}]}) { __typename }
            }""";

    private final String url = TestDatabase.newDatabase();
    private final String user = TestDatabase.user();
    private final String password = TestDatabase.password();

    @Test
    void givenTheFanOutHeldAfterItsProposals_whenTheServerIsKilledAndRestarted_thenEachFollowedUseHasOneProposal()
            throws Exception {
        List<Use> uses = seed();
        Set<String> followed = keys(uses, use -> use.mode().followed());
        assertThat(followed).hasSizeGreaterThan(MUNICIPALITIES);
        assertThat(keys(uses, use -> !use.mode().followed())).isNotEmpty();

        // The killed server's claim on the processor outlives it by the claim timeout, which the restart waits out
        // before it handles the publication again: short here (one node at a time).
        ServerProcess.Config config = ServerProcess.external(url, user, password).name("fan-out-crash")
                .property("hyoka.read-models.claim-timeout", "2s");
        try (ServerProcess server = config.start();
             Connection blocker = connect();
             Connection observer = connect()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement hold = blocker.prepareStatement("INSERT INTO rm_component_fan_out (component_id, "
                    + "version, proposals, documents, municipalities, raised_at) VALUES (?, 2, 0, 0, 0, now())")) {
                hold.setString(1, COMPONENT);
                hold.executeUpdate();
            }
            GraphQlClient operator = server.client(ServerProcess.operatorToken());
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(
                    () -> operator.execute(PUBLISH, Map.of("id", COMPONENT)));

            int processor = awaitWaitingOn(observer, "rm_component_fan_out");
            assertThat(locksHeld(observer, processor)).as("the waiting transaction wrote the proposals")
                    .contains("rm_component_proposal RowExclusiveLock");
            assertThat(proposals(observer)).as("uncommitted: nobody sees them").isEmpty();
            assertThat(count(observer, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                    + "AND payloadtype LIKE '%ComponentVersionPublished'")).as("the publication is stored")
                    .isEqualTo(2);

            server.kill();
            blocker.rollback();
            publishing.handle((done, gone) -> null).get(30, TimeUnit.SECONDS);
            awaitGone(observer, processor);
            assertThat(proposals(observer)).as("the killed transaction left no proposal").isEmpty();
            assertThat(count(observer, "SELECT count(*) FROM rm_component_fan_out WHERE component_id = ? "
                    + "AND version = 2")).isZero();
        }

        List<String> afterRestart;
        try (ServerProcess restarted = config.start(); Connection observer = connect()) {
            awaitFanOut(observer);
            assertThat(proposals(observer)).as("one proposal per followed use, none for detached ones")
                    .hasSize(followed.size()).containsExactlyInAnyOrderElementsOf(followed);
            assertThat(statuses(observer)).containsOnly("PENDING 1→2");
            assertThat(fanOut(observer)).isEqualTo(List.of(followed.size(), followed.size(),
                    (int) uses.stream().filter(use -> use.mode().followed()).map(Use::tenant).distinct().count()));
            afterRestart = everything(observer);
            restarted.stop();
        }

        try (ServerProcess again = config.start(); Connection observer = connect()) {
            // A later event projected means the processor passed over the publication again (if it were to).
            again.client(ServerProcess.operatorToken()).execute(REGISTER, Map.of("id", COMPONENT + ".later"));
            awaitCount(observer, "SELECT count(*) FROM rm_shared_component WHERE component_id = ? || '.later'", 1);
            assertThat(everything(observer)).as("a second restart changes nothing").isEqualTo(afterRestart);
            again.stop();
        }
    }

    /** Municipalities with documents using v1 locked, adapted and (every other one) detached; v2 is in review. */
    private List<Use> seed() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "hyoka.database.url", url,
                "hyoka.database.username", user,
                "hyoka.database.password", password,
                "hyoka.dev-issuer.enabled", "true",
                "hyoka.demo.enabled", "false",
                "micronaut.server.port", "-1"))) {
            ComponentDocuments documents = new ComponentDocuments(context);
            PublishedComponent v1 = published(documents.registerAndPublish(COMPONENT), 1);
            List<Use> uses = new ArrayList<>();
            for (int n = 0; n < MUNICIPALITIES; n++) {
                MunicipalityCode tenant = ComponentDocuments.municipality(100 + n);
                uses.add(documents.document(tenant, v1, ComponentUseMode.LOCKED));
                uses.add(documents.document(tenant, v1, ComponentUseMode.ADAPTED));
                if (n % 2 == 0) {
                    uses.add(documents.document(tenant, v1, ComponentUseMode.DETACHED));
                }
            }
            documents.draftAndSubmit(COMPONENT, 2);
            ReadModelCatchUp catchUp = context.getBean(ReadModelCatchUp.class);
            for (Use use : uses) {
                assertThat(catchUp.await(use.tenant(), use.assessmentId(), use.revision())).isTrue();
            }
            return uses;
        }
    }

    private static Set<String> keys(List<Use> uses, Predicate<Use> which) {
        return uses.stream().filter(which).map(use -> use.assessmentId().value() + "/" + use.useId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** (assessment/use) of every proposal of version 2, committed ones only. */
    private static List<String> proposals(Connection observer) throws SQLException {
        return strings(observer, "SELECT assessment_id || '/' || use_id FROM rm_component_proposal "
                + "WHERE component_id = ? AND to_version = 2 ORDER BY 1");
    }

    private static List<String> statuses(Connection observer) throws SQLException {
        return strings(observer, "SELECT DISTINCT status || ' ' || from_version || '→' || to_version "
                + "FROM rm_component_proposal WHERE component_id = ?");
    }

    /** [proposals, documents, municipalities] of the publication of version 2. */
    private static List<Integer> fanOut(Connection observer) throws SQLException {
        return strings(observer, "SELECT concat_ws(',', proposals, documents, municipalities) FROM rm_component_fan_out "
                + "WHERE component_id = ? AND version = 2").stream().flatMap(row -> List.of(row.split(",")).stream())
                .map(Integer::valueOf).toList();
    }

    /** Every proposal and summary row of the component, as text, in a fixed order. */
    private static List<String> everything(Connection observer) throws SQLException {
        List<String> rows = new ArrayList<>(strings(observer, "SELECT p::text FROM rm_component_proposal p "
                + "WHERE component_id = ? ORDER BY assessment_id, use_id, to_version"));
        rows.addAll(strings(observer, "SELECT f::text FROM rm_component_fan_out f WHERE component_id = ?"));
        return rows;
    }

    /** The pid of the backend that waits for a lock while running an INSERT into {@code table} (bounded). */
    private static int awaitWaitingOn(Connection observer, String table) throws SQLException {
        String waiting = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock' AND query ILIKE ?";
        String like = "%INSERT INTO " + table + "%";
        awaitUntil("the read-model processor waits on " + table, () -> !strings(observer, waiting, like).isEmpty());
        return Integer.parseInt(strings(observer, waiting, like).get(0));
    }

    /** "table mode" of the relation locks the backend holds. */
    private static List<String> locksHeld(Connection observer, int pid) throws SQLException {
        return strings(observer, "SELECT relation::regclass || ' ' || mode FROM pg_locks "
                + "WHERE pid = ? AND granted AND relation IS NOT NULL", pid);
    }

    /** The killed server's backend ends once it may go on and finds its client gone, rolling its work back. */
    private static void awaitGone(Connection observer, int pid) throws SQLException {
        awaitUntil("backend " + pid + " of the killed server ends",
                () -> strings(observer, "SELECT pid FROM pg_stat_activity WHERE pid = ?", pid).isEmpty());
    }

    /** After a restart: until the processor has taken the token over and raised the fan-out again (bounded). */
    private static void awaitFanOut(Connection observer) throws SQLException {
        awaitCount(observer, "SELECT count(*) FROM rm_component_fan_out WHERE component_id = ? AND version = 2", 1);
    }

    private static void awaitCount(Connection observer, String sql, long expected) throws SQLException {
        awaitUntil(sql, () -> count(observer, sql) >= expected);
    }

    private interface Check {
        boolean holds() throws SQLException;
    }

    private static void awaitUntil(String what, Check check) throws SQLException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WITHIN + ": " + what);
            }
            pause();
        }
    }

    private static long count(Connection observer, String sql) throws SQLException {
        return Long.parseLong(strings(observer, sql).get(0));
    }

    private static List<String> strings(Connection observer, String sql) throws SQLException {
        return strings(observer, sql, COMPONENT);
    }

    /** The first column of every row of {@code sql}, its one parameter set to {@code parameter}. */
    private static List<String> strings(Connection observer, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = observer.prepareStatement(sql)) {
            query.setObject(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void pause() {
        try {
            Thread.sleep(50);                               // poll interval of a deadline-bounded wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
