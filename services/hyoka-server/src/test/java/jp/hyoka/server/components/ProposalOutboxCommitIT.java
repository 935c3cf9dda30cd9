package jp.hyoka.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.ComponentCatalogue;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-model batches commit asynchronously, except one that tells outside: the proposals' integration events
 * ({@code integration/ProposalOutbox}) are written in the read-model processor's transaction, and once the relay
 * may have sent one it must not be lost, so that batch commits durably. The test cluster commits asynchronously by
 * default; a commit-time probe shows the setting the outbox rows were committed with.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalOutboxCommitIT extends SignedInServerTest {

    @Inject
    DataSource dataSource;

    @Test
    void givenADocumentOnV1_whenV2IsPublished_thenTheBatchThatTellsItsProposalCommitsDurably() throws SQLException {
        GraphQlClient operator = new GraphQlClient(server.getURI(), issuer.issue("op-1", "運営 一郎", null,
                List.of("platform-operator")));
        GraphQlClient approver = new GraphQlClient(server.getURI(), issuer.issue("a-approver", "旭川 承認",
                Callers.ASAHIKAWA, List.of("approver")));
        ComponentCatalogue.curate(operator, SharedComponentAdoptionIT.COMPONENT, 1, SharedComponentAdoptionIT.V1,
                "AFTER");
        publishedWithComponent(callers.asahikawaEditor, approver);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE test_outbox_commit (origin text, mode text)");
            // A deferred constraint trigger runs at COMMIT: it sees the setting the commit is made with.
            statement.execute("CREATE FUNCTION test_outbox_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "INSERT INTO test_outbox_commit VALUES (NEW.domain_event_id, "
                    + "current_setting('synchronous_commit')); RETURN NULL; END $$");
            statement.execute("CREATE CONSTRAINT TRIGGER test_outbox_commit AFTER INSERT ON integration_outbox "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_outbox_commit()");
        }
        try {
            ComponentCatalogue.curate(operator, SharedComponentAdoptionIT.COMPONENT, 2, SharedComponentAdoptionIT.V2,
                    "BEFORE");
            assertThat(callers.asahikawaEditor.data("componentProposals", """
                    query { componentProposals(first: 10) { edges { node { id } } } }""", Map.of())
                    .path("edges").size()).as("the proposal raised").isEqualTo(1);
        } finally {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TRIGGER test_outbox_commit ON integration_outbox");
                statement.execute("DROP FUNCTION test_outbox_commit()");
            }
        }

        Map<String, List<String>> modes = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT origin, mode FROM test_outbox_commit")) {
            while (row.next()) {
                String origin = row.getString(1);
                modes.computeIfAbsent(origin.startsWith("proposal|") ? "proposal" : "command", key -> new ArrayList<>())
                        .add(row.getString(2));
            }
        }
        assertThat(modes.get("proposal")).as("the proposal's outbox row, written by the read-model batch")
                .isNotEmpty().containsOnly("on");
        assertThat(modes.get("command")).as("the version's own outbox row: this cluster's default, asynchronous")
                .isNotEmpty().containsOnly("off");
    }

    private void publishedWithComponent(GraphQlClient editor, GraphQlClient approver) {
        JsonNode started = editor.data("startAssessment", SharedComponentAdoptionIT.START, Map.of());
        String id = started.path("assessment").path("id").asText();
        JsonNode entry = editor.data("addRepeatEntry", SharedComponentAdoptionIT.ADD_FILE, Map.of("id", id,
                "rev", started.path("revision").asInt()));
        Map<String, Object> insert = new HashMap<>(Map.of("id", id, "rev", entry.path("revision").asInt(),
                "entry", entry.path("addedEntryId").asText(), "mode", "LOCKED"));
        insert.put("text", null);
        JsonNode inserted = editor.data("insertSharedComponent", SharedComponentAdoptionIT.INSERT, insert);
        assertThat(inserted.path("__typename").asText()).as(inserted.toString()).isEqualTo("ComponentEdited");
        JsonNode published = approver.data("publishVersion", SharedComponentAdoptionIT.PUBLISH, Map.of("id", id,
                "rev", inserted.path("revision").asInt(), "on", "2025-04-01"));
        assertThat(published.path("__typename").asText()).as(published.toString()).isEqualTo("AssessmentEdited");
    }
}
