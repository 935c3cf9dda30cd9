package jp.hyoka.server.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay re-publishes integration events from the event store: one municipality's, with the same ids, a row lost
 * from the outbox derived again, every later redaction applied, at a bounded rate with progress; other
 * municipalities' rows stay as they were.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationReplayIT extends SignedInServerTest {

    private static final String START = """
            mutation($name: String!) { startAssessment(input: {kind: KEY_ITEMS, affairName: $name}) {
              ... on AssessmentEdited { revision assessment { id uuid } } } }""";
    private static final String REPLAY = """
            mutation($code: String) { replayIntegrationEvents(fromPosition: 1, municipalityCode: $code,
              ratePerSecond: 1000) { __typename ... on IntegrationReplay { state fromPosition toPosition } } }""";
    private static final String STATUS = "{ integrationReplay { state scanned queued percent error } }";
    private static final String REDACT = """
            mutation($id: ID!) { redactPersonalData(input: {assessmentId: $id, expectedRevision: 1, text: "山田花子",
              reason: "本人からの削除請求"}) { __typename } }""";

    @Inject
    DataSource dataSource;

    private GraphQlClient operator;
    private GraphQlClient approver;

    @BeforeAll
    void anOperator() {
        operator = new GraphQlClient(server.getURI(), issuer.issue("op-1", "運営 一郎", null, List.of("platform-operator")));
        approver = new GraphQlClient(server.getURI(), issuer.issue("k-approver", "川崎 承認",
                jp.hyoka.server.support.Callers.KAWASAKI, List.of("approver")));
    }

    @Test
    void givenPublishedRowsALostRowAndARedaction_whenOneMunicipalityIsReplayed_thenItsEventsAreQueuedAgainCleanAndOnlyItsOwn()
            throws Exception {
        String kawasaki = callers.kawasakiEditor.data("startAssessment", START, Map.of("name", "山田花子さんの事務"))
                .path("assessment").path("uuid").asText();
        String asahikawa = callers.asahikawaEditor.data("startAssessment", START, Map.of("name", "旭川の事務"))
                .path("assessment").path("uuid").asText();
        String lostId = eventIdOf(kawasaki);
        execute("DELETE FROM integration_outbox_queue");                                  // all published
        execute("DELETE FROM integration_outbox WHERE subject = '" + kawasaki + "'");     // as if lost
        approver.data("redactPersonalData", REDACT, Map.of("id", kawasaki));
        execute("DELETE FROM integration_outbox_queue");                                  // all published

        JsonNode started = operator.data("replayIntegrationEvents", REPLAY, Map.of("code", "141305"));
        assertThat(started.path("state").asText()).isEqualTo("RUNNING");
        JsonNode done = awaitFinished();

        assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.path("queued").asInt()).as(done.toString()).isGreaterThanOrEqualTo(2);
        List<String> waiting = query("SELECT subject || ' ' || type || ' ' || event_id || ' ' || payload::text "
                + "FROM integration_outbox JOIN integration_outbox_queue USING (position) ORDER BY position");
        assertThat(waiting).anySatisfy(row -> assertThat(row).startsWith(kawasaki + " jp.hyoka.assessment.started.v1 "
                + lostId).contains("［個人情報削除］さんの事務").doesNotContain("山田花子"));
        assertThat(waiting).anySatisfy(row -> assertThat(row).contains("personal-data-redacted"));
        assertThat(waiting).noneMatch(row -> row.startsWith(asahikawa));
        assertThat(callers.kawasakiEditor.execute(STATUS, Map.of()).errors().toString()).contains("FORBIDDEN");
    }

    /** A mark made after a publication, or a row written before publications carried marks: replayed masked. */
    @Test
    void givenAnItemMarked非公表AfterItsChangeWasPublished_whenReplayed_thenThePublicationsRowIsRewrittenWithTheWording()
            throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", IntegrationOutboxIT.START, Map.of())
                .path("assessment").path("id").asText();
        long rev = approver.data("publishVersion", IntegrationOutboxIT.PUBLISH, Map.of("id", id, "rev", 1,
                "on", "2025-04-01")).path("revision").asLong();
        rev = next(id, rev);
        rev = callers.kawasakiEditor.data("answerItem", IntegrationOutboxIT.ANSWER, Map.of("id", id, "rev", rev,
                "text", "第二庁舎サーバー室の相談事務")).path("revision").asLong();
        rev = approver.data("publishVersion", IntegrationOutboxIT.PUBLISH, Map.of("id", id, "rev", rev,
                "on", "2025-10-01", "explanations", List.of(Map.of("itemId", "affair.name", "explanation", "移転"))))
                .path("revision").asLong();
        rev = next(id, rev);
        JsonNode withheld = callers.kawasakiEditor.data("withholdItemFromPublication", IntegrationOutboxIT.WITHHOLD,
                Map.of("id", id, "rev", rev));
        assertThat(withheld.path("__typename").asText()).as(withheld.toString()).isEqualTo("AssessmentEdited");
        String subject = jp.hyoka.server.assessment.AssessmentIds.parse(id).orElseThrow().toString();
        String published = "SELECT payload::text FROM integration_outbox WHERE subject = '" + subject
                + "' AND type = 'jp.hyoka.assessment.version-published.v1' ORDER BY position";
        assertThat(query(published).get(1)).as("told in clear when published").contains("第二庁舎");
        execute("DELETE FROM integration_outbox_queue");                                  // all published

        operator.data("replayIntegrationEvents", REPLAY, Map.of("code", "141305"));
        awaitFinished();

        assertThat(query(published)).hasSize(2).allSatisfy(row -> assertThat(row).doesNotContain("第二庁舎"));
        assertThat(query(published).get(1)).contains("（非公表）");
        assertThat(query("SELECT payload::text FROM integration_outbox JOIN integration_outbox_queue USING (position)"
                + " WHERE subject = '" + subject + "'")).anySatisfy(row -> assertThat(row).contains("（非公表）"));
    }

    private long next(String id, long rev) {
        return callers.kawasakiEditor.data("startNextVersion", IntegrationOutboxIT.NEXT, Map.of("id", id, "rev", rev))
                .path("revision").asLong();
    }

    private JsonNode awaitFinished() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonNode status = operator.data("integrationReplay", STATUS, Map.of());
            if (!status.path("state").asText().equals("RUNNING") || System.nanoTime() > deadline) {
                assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("FINISHED");
                return status;
            }
            Thread.sleep(50);
        }
    }

    private String eventIdOf(String subject) throws SQLException {
        return query("SELECT event_id::text FROM integration_outbox WHERE subject = '" + subject + "'").get(0);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                result.add(rows.getString(1));
            }
            return result;
        }
    }
}
