package jp.hyoka.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.ComponentVersionStatus;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded catalogue on a real server and PostgreSQL: seeding twice stores it once (the second run finds every
 * component there and sends nothing), every signed-in caller reads it through GraphQL with each component's last
 * seeded version current, a seed interrupted after a draft is finished where it stopped, and a version an operator
 * opened is left alone.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeededCatalogueIT extends SignedInServerTest {

    private static final String LIST = """
            query($after: String) { sharedComponents(first: 100, after: $after) {
              edges { node { componentId family issuer fits { form { kind version } itemId }
                             versions { number status } currentVersion { number text } } }
              pageInfo { hasNextPage endCursor } } }""";

    @Inject
    CatalogueSeed seed;
    @Inject
    ComponentCuration curation;
    @Inject
    SharedComponentQueries queries;
    @Inject
    DataSource dataSource;

    private final List<CatalogueEntry> entries = CatalogueFile.read();

    @BeforeAll
    void seededTwice() {
        CatalogueSeed.Summary first = seed.seed();
        assertThat(first.seeded()).as(first.toString()).isEqualTo(entries.size());
        assertThat(first.notSeeded()).isEmpty();
    }

    @Test
    @Order(1)
    void givenASeededCatalogue_whenSeededAgain_thenNothingIsAddedAndGraphQlListsItOnce() throws SQLException {
        long events = componentEvents();
        int expectedEvents = entries.stream().mapToInt(entry -> 1 + 3 * entry.versions().size()).sum();
        assertThat(events).isEqualTo(expectedEvents);

        CatalogueSeed.Summary again = seed.seed();

        assertThat(again.seeded()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(entries.size());
        assertThat(componentEvents()).isEqualTo(events);
        List<JsonNode> listed = listAll(callers.asahikawaEditor);
        assertThat(listed).extracting(node -> node.path("componentId").asText())
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(entry -> entry.id().value()).toList());
        for (CatalogueEntry entry : entries) {
            JsonNode node = listed.stream().filter(n -> n.path("componentId").asText().equals(entry.id().value()))
                    .findFirst().orElseThrow();
            assertThat(node.path("versions")).as(entry.id().value()).hasSize(entry.versions().size())
                    .allMatch(version -> version.path("status").asText().equals("PUBLISHED"));
            assertThat(node.path("currentVersion").path("number").asInt()).isEqualTo(entry.versions().size());
            assertThat(node.path("fits")).hasSize(entry.fits().size());
            assertThat(node.path("family").asText()).isEqualTo(entry.family());
        }
        JsonNode storage = listed.stream()
                .filter(n -> n.path("componentId").asText().equals("intermediate-server-platform.storage-location"))
                .findFirst().orElseThrow();
        assertThat(storage.path("currentVersion").path("text").asText()).contains("ISMAP");
    }

    @Test
    @Order(2)
    void givenASeedInterruptedAfterADraft_whenSeeded_thenItIsFinishedAndAnOperatorsDraftIsLeftAlone() {
        CatalogueEntry base = entries.stream()
                .filter(entry -> entry.id().value().equals("government-cloud.other-measures")).findFirst().orElseThrow();
        CatalogueEntry interrupted = copy(base, "government-cloud.interrupted-seed");
        CatalogueEntry operators = copy(base, "government-cloud.operators-draft");
        for (CatalogueEntry entry : List.of(interrupted, operators)) {
            curation.send(entry.register(CatalogueSeed.ACTOR, Instant.now()));
        }
        curation.send(interrupted.draft(1, CatalogueSeed.ACTOR, Instant.now()));
        CatalogueEntry edited = new CatalogueEntry(operators.id(), operators.family(), operators.name(),
                operators.issuer(), operators.fits(), List.of(new VersionContent(
                "<p>運用者が書き直した本文</p>", base.versions().get(0).effectiveFrom(), "運用者",
                base.versions().get(0).timing(), "運用者の説明", List.of(), null)));
        curation.send(edited.draft(1, new Actor("op-1", "運営 一郎"), Instant.now()));

        CatalogueSeed.Summary summary = seed.seed(List.of(interrupted, operators));

        assertThat(summary.seeded()).isEqualTo(1);
        assertThat(summary.notSeeded()).singleElement().asString().contains("government-cloud.operators-draft");
        assertThat(status(interrupted)).isEqualTo(ComponentVersionStatus.PUBLISHED);
        assertThat(status(operators)).isEqualTo(ComponentVersionStatus.DRAFT);
    }

    private ComponentVersionStatus status(CatalogueEntry entry) {
        SharedComponent component = queries.find(entry.id().value()).orElseThrow();
        return component.version(1).orElseThrow().status();
    }

    private static CatalogueEntry copy(CatalogueEntry entry, String id) {
        return new CatalogueEntry(new ComponentId(id), entry.family(), entry.name(),
                entry.issuer(), entry.fits(), entry.versions());
    }

    private static List<JsonNode> listAll(GraphQlClient client) {
        List<JsonNode> nodes = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonNode page = client.data("sharedComponents", LIST, variables);
            page.path("edges").forEach(edge -> nodes.add(edge.path("node")));
            JsonNode pageInfo = page.path("pageInfo");
            after = pageInfo.path("hasNextPage").asBoolean() ? pageInfo.path("endCursor").asText() : null;
        } while (after != null);
        return nodes;
    }

    private long componentEvents() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT count(*) FROM domainevententry WHERE type = 'SharedComponentAggregate'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
