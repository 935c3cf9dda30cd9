package jp.hyoka.server.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.assessment.ReadModels;
import jp.hyoka.server.rebuild.ReadModelTables;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.SecondNode;
import jp.hyoka.server.support.SignedInServerTest;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One read-model rebuild at a time in the installation, not per node: two nodes on one database, a rebuild on
 * either refuses the other's (RebuildActiveElsewhere), the end of one lets the other start, and a node whose connection
 * dies mid-rebuild (a crash, as PostgreSQL sees it) blocks nobody.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildAcrossNodesIT extends SignedInServerTest {

    private static final String FIELDS = "{ processor state error }";
    private static final String RESULT = "{ __typename ... on RebuildStatus " + FIELDS + " ... on Problem { code message } }";
    private static final String REBUILD = "mutation { rebuildReadModels(switchOver: MANUAL) " + RESULT + " }";
    private static final String SWITCH = "mutation { switchReadModels " + RESULT + " }";
    private static final String STATUS = "{ readModelRebuild " + FIELDS + " }";

    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;

    private SecondNode secondNode;
    private GraphQlClient operator;
    private GraphQlClient operatorOnSecondNode;

    @BeforeAll
    void aSecondNodeAndSomeEvents() {
        callers.kawasakiEditor.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS", "name", "二つのノード"));
        secondNode = SecondNode.on(context);
        operator = new GraphQlClient(server.getURI(), issuer.issue("operator", "運用 太郎", null,
                List.of("platform-operator")));
        operatorOnSecondNode = secondNode.client("operator", "運用 太郎", null, List.of("platform-operator"));
        // The switch hands the live token over only when no node holds it (README, rebuild limits): the second
        // node's live processor stays off, so the first node's switches never depend on a claim race.
        secondNode.context().getBean(Configuration.class).eventProcessingConfiguration()
                .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow().shutDown();
    }

    @AfterAll
    void stopTheSecondNode() {
        secondNode.close();
    }

    @Test
    void givenARebuildOnOneNode_whenTheOtherAsks_thenItIsRefusedUntilTheFirstEnds_andACrashedNodeBlocksNobody()
            throws SQLException {
        Map<String, List<String>> before = ReadModelSnapshot.rows(dataSource, ReadModelTables.ALL);
        assertThat(operator.data("rebuildReadModels", REBUILD, Map.of()).path("state").asText())
                .isIn("RUNNING", "CAUGHT_UP");

        assertRefused(operatorOnSecondNode);
        assertThat(operatorOnSecondNode.data("readModelRebuild", STATUS, Map.of()).isNull()).isTrue();
        assertThat(operator.data("rebuildReadModels", REBUILD, Map.of()).path("state").asText())
                .as("asked again on its own node, the rebuild reports itself").isIn("RUNNING", "CAUGHT_UP");
        switchOver(operator);

        JsonNode second = operatorOnSecondNode.data("rebuildReadModels", REBUILD, Map.of());
        assertThat(second.path("state").asText()).as("the first has ended: " + second).isIn("RUNNING", "CAUGHT_UP");
        assertRefused(operator);

        // The second node "crashes": its lock's connection ends, as a dead node's would.
        assertThat(terminateTheRebuildLocksHolder()).isEqualTo(1L);
        JsonNode crashed = await(operatorOnSecondNode, status -> status.path("state").asText().equals("FAILED"));
        assertThat(crashed.path("error").asText()).contains("lock");
        JsonNode third = operator.data("rebuildReadModels", REBUILD, Map.of());
        assertThat(third.path("state").asText()).as(third.toString()).isIn("RUNNING", "CAUGHT_UP");
        switchOver(operator);
        assertThat(ReadModelSnapshot.rows(dataSource, ReadModelTables.ALL)).isEqualTo(before);
    }

    private static void assertRefused(GraphQlClient operator) {
        JsonNode refused = operator.data("rebuildReadModels", REBUILD, Map.of());
        assertThat(refused.path("__typename").asText()).as(refused.toString()).isEqualTo("RebuildActiveElsewhere");
        assertThat(refused.path("code").asText()).isEqualTo("REBUILD_ACTIVE_ELSEWHERE");
        assertThat(refused.path("message").asText()).contains("another node");
    }

    private static void switchOver(GraphQlClient operator) {
        operator.data("switchReadModels", SWITCH, Map.of());
        assertThat(await(operator, status -> !status.path("state").asText().matches("RUNNING|CAUGHT_UP"))
                .path("state").asText()).isEqualTo("SWITCHED");
    }

    /** Ends the session holding the rebuild's advisory lock (key hashtext of its name, split as classid:objid). */
    private long terminateTheRebuildLocksHolder() throws SQLException {
        return ReadModelSnapshot.count(dataSource, """
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objsubid = 1
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND ((classid::bigint << 32) | objid::bigint) = hashtext('hyoka.read_model.rebuild')::bigint""");
    }

    private static JsonNode await(GraphQlClient operator, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status = operator.data("readModelRebuild", STATUS, Map.of());
        while (!condition.test(status)) {
            assertThat(System.nanoTime()).as("rebuild status " + status).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            status = operator.data("readModelRebuild", STATUS, Map.of());
        }
        return status;
    }
}
