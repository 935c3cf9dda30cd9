package jp.hyoka.server.graphql;

import jp.hyoka.server.assessment.AssessmentIds;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.hyoka.server.support.Operations.DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers only ever see a document at a revision some command left it at. The read-model processor runs with
 * batches of 7 events here, so an import of hundreds of events spans many batches; a trigger that fires when each
 * read-model transaction commits records every revision the document was ever committed at.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeCommandsIT extends SignedInServerTest {

    private static final String ADD_ENTRY = """
            mutation($id: ID!, $rev: Int!) {
              addRepeatEntry(input: {assessmentId: $id, expectedRevision: $rev, groupId: "system"}) {
                __typename
                ... on AssessmentEdited { revision }
                ... on Problem { code message }
              }
            }""";

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("hyoka.read-models.batch-size", "2");     // smaller than an import's events
        return properties;
    }

    @BeforeAll
    void recordEveryCommittedRevision() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE committed_revision (assessment_id uuid, revision bigint)");
            // A deferred constraint trigger runs at commit: it reads the revision the transaction leaves behind.
            statement.execute("""
                    CREATE FUNCTION record_committed_revision() RETURNS trigger AS $$
                    BEGIN
                      INSERT INTO committed_revision
                        SELECT assessment_id, revision FROM rm_assessment WHERE assessment_id = NEW.assessment_id;
                      RETURN NULL;
                    END $$ LANGUAGE plpgsql""");
            statement.execute("""
                    CREATE CONSTRAINT TRIGGER record_committed_revision AFTER INSERT OR UPDATE ON rm_assessment
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_committed_revision()""");
        }
    }

    @Test
    void givenBatchesSmallerThanAnImport_whenADocumentIsImported_thenItIsOnlyEverCommittedWhole() throws SQLException {
        JsonNode imported = Imports.imported(callers.kawasakiEditor, Samples.ALL_ITEMS_000);
        String id = imported.path("assessment").path("id").asText();
        long revision = imported.path("revision").asLong();

        assertThat(revision).as("more events than a batch").isGreaterThan(2);
        assertThat(committedRevisions(id)).isNotEmpty().containsOnly(revision);
        assertThat(callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", id)).path("revision").asLong())
                .isEqualTo(revision);
    }

    @Test
    void givenCommandsOfOneEventEach_whenTheyFollowEachOther_thenEveryRevisionIsCommittedAsItCame() throws SQLException {
        String id = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "一件ずつ")).path("assessment").path("id").asText();
        long revision = 1;
        for (int i = 0; i < 10; i++) {
            revision = callers.kawasakiEditor.data("addRepeatEntry", ADD_ENTRY, Map.of("id", id, "rev", revision))
                    .path("revision").asLong();
        }

        assertThat(committedRevisions(id)).containsOnly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    private List<Long> committedRevisions(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT DISTINCT revision FROM committed_revision WHERE assessment_id = '" + AssessmentIds.parse(id).orElseThrow() + "'")) {
            List<Long> revisions = new ArrayList<>();
            while (rows.next()) {
                revisions.add(rows.getLong(1));
            }
            return revisions;
        }
    }
}
