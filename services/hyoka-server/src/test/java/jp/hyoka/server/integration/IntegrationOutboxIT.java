package jp.hyoka.server.integration;

import jp.hyoka.server.assessment.AssessmentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transactional outbox: each command's events that are told outside become rows in the same transaction — a
 * started assessment, a publication with its 変更箇所 — keyed and ordered per assessment in the municipality's own
 * topic, each payload keeping its contract; internal edits (answers) and refused commands add none; a redaction
 * rewrites the assessment's rows so the outbox never holds withheld data.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationOutboxIT extends SignedInServerTest {

    static final String START = """
            mutation { startAssessment(input: {kind: KEY_ITEMS, affairName: "山田花子さんの相談事務"}) {
              ... on AssessmentEdited { revision assessment { id } } } }""";
    static final String ANSWER = """
            mutation($id: ID!, $rev: Int!, $text: String!) { answerItem(input: {assessmentId: $id, expectedRevision: $rev,
              itemId: "affair.name", value: {text: $text}}) { __typename ... on AssessmentEdited { revision }
              ... on Problem { code } } }""";
    static final String PUBLISH = """
            mutation($id: ID!, $rev: Int!, $on: Date!, $explanations: [ChangeExplanationInput!]) {
              publishVersion(input: {assessmentId: $id, expectedRevision: $rev, publishedOn: $on,
                explanations: $explanations}) { __typename ... on AssessmentEdited { revision } ... on Problem { code message } } }""";
    static final String NEXT = """
            mutation($id: ID!, $rev: Int!) { startNextVersion(input: {assessmentId: $id, expectedRevision: $rev}) {
              ... on AssessmentEdited { revision } } }""";
    private static final String REDACT = """
            mutation($id: ID!, $rev: Int!) { redactPersonalData(input: {assessmentId: $id, expectedRevision: $rev,
              text: "山田花子", reason: "本人からの削除請求"}) { __typename ... on AssessmentEdited { revision } } }""";

    static final String WITHHOLD = """
            mutation($id: ID!, $rev: Int!) { withholdItemFromPublication(input: {assessmentId: $id, expectedRevision: $rev,
              itemId: "affair.name", reason: "セキュリティ上のリスク"}) { __typename ... on AssessmentEdited { revision }
              ... on Problem { code message } } }""";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    private GraphQlClient approver;

    @BeforeAll
    void anApprover() {
        approver = new GraphQlClient(server.getURI(), issuer.issue("k-approver", "川崎 承認", Callers.KAWASAKI,
                List.of("approver")));
    }

    private record Row(String type, String topic, String key, String source, String subject, String dataschema,
                       String payload) {
    }

    @Test
    void givenAnAssessmentsLife_whenItsCommandsCommit_thenItsToldEventsAreOutboxRowsInOrderInItsMunicipalitysTopic()
            throws Exception {
        JsonNode started = callers.kawasakiEditor.data("startAssessment", START, Map.of());
        String id = started.path("assessment").path("id").asText();
        assertThat(rows(id)).extracting(Row::type).containsExactly("jp.hyoka.assessment.started.v1");

        JsonNode stale = callers.kawasakiEditor.data("answerItem", ANSWER, Map.of("id", id, "rev", 7, "text", "x"));
        assertThat(stale.path("code").asText()).isEqualTo("STALE_REVISION");
        long rev = approver.data("publishVersion", PUBLISH, Map.of("id", id, "rev", 1, "on", "2025-04-01"))
                .path("revision").asLong();
        rev = callers.kawasakiEditor.data("startNextVersion", NEXT, Map.of("id", id, "rev", rev)).path("revision").asLong();
        rev = callers.kawasakiEditor.data("answerItem", ANSWER, Map.of("id", id, "rev", rev,
                "text", "山田花子さんの相談に関する事務")).path("revision").asLong();
        JsonNode second = approver.data("publishVersion", PUBLISH, Map.of("id", id, "rev", rev, "on", "2025-10-01",
                "explanations", List.of(Map.of("itemId", "affair.name", "explanation", "名称の変更"))));
        assertThat(second.path("__typename").asText()).as(second.toString()).isEqualTo("AssessmentEdited");

        List<Row> rows = rows(id);
        assertThat(rows).extracting(Row::type).containsExactly("jp.hyoka.assessment.started.v1",
                "jp.hyoka.assessment.version-published.v1", "jp.hyoka.assessment.next-version-started.v1",
                "jp.hyoka.assessment.version-published.v1");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.topic()).isEqualTo("hyoka.municipality.141305");
            assertThat(row.key()).isEqualTo("141305:" + AssessmentIds.parse(id).orElseThrow());
            assertThat(row.source()).isEqualTo("/hyoka/municipalities/141305");
            assertThat(row.subject()).isEqualTo(AssessmentIds.parse(id).orElseThrow().toString());
        });
        assertThat(rows.get(3).dataschema()).isEqualTo("urn:hyoka:events:assessment.version-published.v1");
        for (Row row : rows) {                          // what the relay publishes, byte for byte, keeps its contract
            String contract = row.type().substring("jp.hyoka.".length());
            assertThat(IntegrationContractsTest.validate(contract, JSON.readTree(row.payload()))).as(contract).isEmpty();
        }
        assertThat(rows.get(3).payload()).contains("名称の変更").contains("山田花子さんの相談に関する事務");

        approver.data("redactPersonalData", REDACT, Map.of("id", id, "rev", second.path("revision").asInt()));
        List<Row> redacted = rows(id);
        assertThat(redacted).extracting(Row::type).endsWith("jp.hyoka.assessment.personal-data-redacted.v1");
        assertThat(redacted).allSatisfy(row -> assertThat(row.payload()).doesNotContain("山田花子"));
        assertThat(redacted.get(3).payload()).contains("［個人情報削除］さんの相談に関する事務");
    }

    /** Integrators publish what they receive, so a 非公表 item's row reads the wording there too (規則第13条). */
    @Test
    void givenAnItemMarked非公表_whenTheVersionChangingItIsPublished_thenItsOutboxRowReadsTheWordingNotTheValue()
            throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of()).path("assessment").path("id").asText();
        long rev = approver.data("publishVersion", PUBLISH, Map.of("id", id, "rev", 1, "on", "2025-04-01"))
                .path("revision").asLong();
        rev = callers.kawasakiEditor.data("startNextVersion", NEXT, Map.of("id", id, "rev", rev)).path("revision").asLong();
        rev = callers.kawasakiEditor.data("answerItem", ANSWER, Map.of("id", id, "rev", rev,
                "text", "第二庁舎サーバー室の相談事務")).path("revision").asLong();
        JsonNode withheld = callers.kawasakiEditor.data("withholdItemFromPublication", WITHHOLD,
                Map.of("id", id, "rev", rev));
        assertThat(withheld.path("__typename").asText()).as(withheld.toString()).isEqualTo("AssessmentEdited");
        JsonNode second = approver.data("publishVersion", PUBLISH, Map.of("id", id, "rev",
                withheld.path("revision").asLong(), "on", "2025-10-01",
                "explanations", List.of(Map.of("itemId", "affair.name", "explanation", "第二庁舎への移転"))));
        assertThat(second.path("__typename").asText()).as(second.toString()).isEqualTo("AssessmentEdited");

        Row published = rows(id).stream().filter(row -> row.type().endsWith("version-published.v1"))
                .reduce((first, last) -> last).orElseThrow();
        JsonNode row = JSON.readTree(published.payload()).path("changes").get(0);
        assertThat(row.path("itemId").asText()).isEqualTo("affair.name");
        assertThat(row.path("after").asText()).isEqualTo("（非公表）");
        assertThat(row.path("explanation").asText()).isEqualTo("（非公表）");
        assertThat(published.payload()).doesNotContain("第二庁舎");
    }

    private List<Row> rows(String assessmentId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT type, topic, message_key, source, subject, dataschema, payload::text FROM integration_outbox
                     WHERE subject = ? ORDER BY position""")) {
            select.setString(1, AssessmentIds.parse(assessmentId).orElseThrow().toString());
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7)));
                }
            }
            return rows;
        }
    }
}
