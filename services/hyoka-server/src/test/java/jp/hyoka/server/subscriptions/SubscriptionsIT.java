package jp.hyoka.server.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.ComponentCatalogue;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.GraphQlWsClient;
import jp.hyoka.server.support.ServerNodes;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates end to end: two server nodes on one PostgreSQL, the real {@code graphql-ws} client (Node) on their
 * WebSocket. Subscribers connect to node B, edits go through node A, whose processor holds the read models' token
 * (it started first): an update reaches B only through PostgreSQL's LISTEN/NOTIFY (the fallback poll is set to a
 * minute, beyond every wait here). Only the municipality the assessment belongs to hears of it; the protocol's
 * refusals close with its codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHANGED = """
            subscription($id: ID!) { assessmentChanged(assessmentId: $id) {
              assessmentId revision complete assessment { id revision }
              changes { revision event command itemId entryIds actor { userId } at }
            } }""";
    private static final int MAX_SUBSCRIPTIONS = 3;
    private static final int MAX_SOCKETS_PER_USER = 3;
    private static final String COMPONENT = "intermediate-server-platform.storage-location";
    private static final String START_KEY_ITEMS = """
            mutation { startAssessment(input: {kind: KEY_ITEMS, affairName: "提案の購読"}) {
              ... on AssessmentEdited { revision assessment { id } } } }""";
    private static final String ADD_FILE = """
            mutation($id: ID!, $rev: Int!) { addRepeatEntry(input: {assessmentId: $id, expectedRevision: $rev,
              groupId: "file"}) { ... on AssessmentEdited { revision addedEntryId } } }""";
    private static final String INSERT = """
            mutation($id: ID!, $rev: Int!, $entry: ID!) {
              insertSharedComponent(input: {assessmentId: $id, expectedRevision: $rev, itemId: "file.storage.location",
                  entryIds: [$entry], componentId: "%s", mode: LOCKED}) { __typename ... on Problem { code message } }
            }""".formatted(COMPONENT);
    /** Node 0 starts first and projects; subscribers are on the other one. */
    private static final int EDITOR_NODE = 0;
    private static final int SUBSCRIBER_NODE = 1;

    private ServerNodes nodes;
    private GraphQlClient kawasakiEditor;
    private GraphQlClient asahikawaEditor;

    @BeforeAll
    void twoNodes() {
        nodes = new ServerNodes(2, TestDatabase.newDatabase(), Map.of(
                "hyoka.subscriptions.max-per-connection", MAX_SUBSCRIPTIONS,
                "hyoka.subscriptions.max-sockets-per-user", MAX_SOCKETS_PER_USER,
                "hyoka.subscriptions.connection-init-timeout", "1s",
                "hyoka.subscriptions.poll-interval", "60s"));
        nodes.register(Callers.KAWASAKI, "川崎市");
        nodes.register(Callers.ASAHIKAWA, "旭川市");
        kawasakiEditor = nodes.client(EDITOR_NODE, "kawasaki-editor", Callers.KAWASAKI, List.of("editor"));
        asahikawaEditor = nodes.client(EDITOR_NODE, "asahikawa-editor", Callers.ASAHIKAWA, List.of("editor"));
    }

    @AfterAll
    void stop() {
        nodes.close();
    }

    @Test
    void givenASubscriberOnNodeB_whenAnEditIsMadeThroughNodeA_thenItSeesTheRevisionAndNoOtherMunicipalityDoes()
            throws Exception {
        String kawasakiDoc = Editing.start(kawasakiEditor, "ALL_ITEMS", "購読の確認");
        String asahikawaDoc = Editing.start(asahikawaEditor, "ALL_ITEMS", "旭川の文書");
        try (GraphQlWsClient kawasaki = connectToB(Callers.KAWASAKI, "auditor");
             GraphQlWsClient asahikawa = connectToB(Callers.ASAHIKAWA, "editor")) {
            kawasaki.subscribe("k", CHANGED, Map.of("id", kawasakiDoc));
            asahikawa.subscribe("a", CHANGED, Map.of("id", asahikawaDoc));
            awaitFollowed(Callers.KAWASAKI, kawasakiDoc);
            awaitFollowed(Callers.ASAHIKAWA, asahikawaDoc);

            long revision = Editing.answer(kawasakiEditor, kawasakiDoc, 1, "affair.description",
                    Map.of("richText", "<p>購読者に届く変更</p>"));

            JsonNode changed = kawasaki.await("next", WAIT).path("payload").path("data").path("assessmentChanged");
            assertThat(changed.path("assessmentId").asText()).isEqualTo(kawasakiDoc);
            assertThat(changed.path("revision").asLong()).isEqualTo(revision).isEqualTo(2);
            assertThat(changed.path("complete").asBoolean()).isTrue();
            assertThat(changed.path("assessment").path("id").asText()).isEqualTo(kawasakiDoc);
            assertThat(changed.path("assessment").path("revision").asLong()).as("the live assessment")
                    .isEqualTo(revision);
            JsonNode change = changed.path("changes").get(0);
            assertThat(changed.path("changes")).hasSize(1);
            assertThat(change.path("revision").asLong()).isEqualTo(2);
            assertThat(change.path("event").asText()).isEqualTo("ItemAnswered");
            assertThat(change.path("command").asText()).isEqualTo("AnswerItem");
            assertThat(change.path("itemId").asText()).isEqualTo("affair.description");
            assertThat(change.path("actor").path("userId").asText()).isEqualTo("kawasaki-editor");
            assertThat(change.path("at").asText()).isNotEmpty();
            // The edit has long been delivered to Kawasaki: Asahikawa got nothing of it.
            asahikawa.assertNothingFor(Duration.ofSeconds(3), event -> false);

            long next = Editing.answer(asahikawaEditor, asahikawaDoc, 1, "affair.description",
                    Map.of("richText", "<p>旭川の変更</p>"));
            JsonNode asahikawaChanged = asahikawa.await("next", WAIT).path("payload").path("data")
                    .path("assessmentChanged");
            assertThat(asahikawaChanged.path("revision").asLong()).isEqualTo(next);
            assertThat(asahikawaChanged.path("assessment").path("id").asText()).isEqualTo(asahikawaDoc);
            kawasaki.assertNothingFor(Duration.ofSeconds(3), event -> false);

            long third = Editing.answer(kawasakiEditor, kawasakiDoc, revision, "affair.description",
                    Map.of("richText", "<p>二つ目の変更</p>"));
            assertThat(kawasaki.await("next", WAIT).path("payload").path("data").path("assessmentChanged")
                    .path("assessment").path("revision").asLong()).as("read afresh for each message")
                    .isEqualTo(third).isEqualTo(3);
        }
    }

    @Test
    void givenAnotherMunicipalitysAssessment_whenSubscribed_thenRefusedAsNotFoundExactlyLikeAnUnknownOne() {
        String kawasakiDoc = Editing.start(kawasakiEditor, "KEY_ITEMS", "他の団体の文書");
        String unknown = UUID.randomUUID().toString();
        try (GraphQlWsClient asahikawa = connectToB(Callers.ASAHIKAWA, "auditor")) {
            asahikawa.subscribe("foreign", CHANGED, Map.of("id", kawasakiDoc));
            asahikawa.subscribe("unknown", CHANGED, Map.of("id", unknown));

            JsonNode foreign = asahikawa.await("error", e -> e.path("id").asText().equals("foreign"), WAIT);
            JsonNode none = asahikawa.await("error", e -> e.path("id").asText().equals("unknown"), WAIT);

            assertThat(foreign.path("errors").findValuesAsText("code")).containsExactly("NOT_FOUND");
            assertThat(none.path("errors").findValuesAsText("code")).containsExactly("NOT_FOUND");
            assertThat(foreign.path("errors").get(0).path("message").asText().replace(kawasakiDoc, "ID"))
                    .isEqualTo(none.path("errors").get(0).path("message").asText().replace(unknown, "ID"));
            assertThat(nodes.context(SUBSCRIBER_NODE).getBean(LiveFeeds.class)
                    .following(Callers.KAWASAKI, AssessmentIds.parse(kawasakiDoc).orElseThrow())).isFalse();
        }
    }

    @Test
    void givenAPlatformOperator_whenSubscribingToAnAssessment_thenForbiddenByItsAccessDirective() {
        String kawasakiDoc = Editing.start(kawasakiEditor, "KEY_ITEMS", "運用者には見えない");
        try (GraphQlWsClient operator = GraphQlWsClient.connect(nodes.uri(SUBSCRIBER_NODE),
                nodes.token(SUBSCRIBER_NODE, "operator", null, List.of("platform-operator")))) {
            operator.await("connected", WAIT);
            operator.subscribe("x", CHANGED, Map.of("id", kawasakiDoc));

            assertThat(operator.await("error", WAIT).path("errors").findValuesAsText("code"))
                    .containsExactly("FORBIDDEN");
        }
    }

    @Test
    void givenATokenThatDoesNotVerify_whenConnecting_thenClosedWith4403() {
        String signedByTheOtherNode = nodes.token(EDITOR_NODE, "kawasaki-editor", Callers.KAWASAKI, List.of("editor"));
        for (String token : List.of("not-a-token", signedByTheOtherNode)) {
            try (GraphQlWsClient client = GraphQlWsClient.connect(nodes.uri(SUBSCRIBER_NODE), token)) {
                JsonNode closed = client.await("closed", WAIT);
                assertThat(closed.path("code").asInt()).isEqualTo(4403);
            }
        }
        try (GraphQlWsClient noToken = GraphQlWsClient.connect(nodes.uri(SUBSCRIBER_NODE), null)) {
            assertThat(noToken.await("closed", WAIT).path("code").asInt()).isEqualTo(4403);
        }
    }

    @Test
    void givenNoConnectionInit_whenTheTimeoutPasses_thenClosedWith4408() {
        try (GraphQlWsClient silent = GraphQlWsClient.silent(nodes.uri(SUBSCRIBER_NODE))) {
            silent.await("open", WAIT);
            assertThat(silent.await("closed", WAIT).path("code").asInt()).isEqualTo(4408);
        }
    }

    @Test
    void givenTheLimitOfSubscriptions_whenOneMoreIsAsked_thenItIsRefusedAndTheOthersKeepWorking() {
        String doc = Editing.start(kawasakiEditor, "ALL_ITEMS", "購読の上限");
        try (GraphQlWsClient client = connectToB(Callers.KAWASAKI, "editor")) {
            for (int i = 0; i < MAX_SUBSCRIPTIONS; i++) {
                client.subscribe("s" + i, CHANGED, Map.of("id", doc));
            }
            awaitFollowed(Callers.KAWASAKI, doc);
            client.subscribe("one-more", CHANGED, Map.of("id", doc));

            JsonNode refused = client.await("error", WAIT);
            assertThat(refused.path("id").asText()).isEqualTo("one-more");
            assertThat(refused.path("errors").findValuesAsText("code")).containsExactly("TOO_MANY_SUBSCRIPTIONS");

            long revision = Editing.answer(kawasakiEditor, doc, 1, "affair.description",
                    Map.of("richText", "<p>三つとも届く</p>"));
            for (int i = 0; i < MAX_SUBSCRIPTIONS; i++) {
                String id = "s" + i;
                assertThat(client.await("next", e -> e.path("id").asText().equals(id), WAIT).path("payload")
                        .path("data").path("assessmentChanged").path("revision").asLong()).isEqualTo(revision);
            }
        }
    }

    @Test
    void givenProposalSubscribersOfTwoMunicipalities_whenANewComponentVersionIsPublished_thenOnlyTheOneUsingItHears()
            throws Exception {
        GraphQlClient operator = nodes.client(EDITOR_NODE, "operator", null, List.of("platform-operator"));
        ComponentCatalogue.curate(operator, COMPONENT, 1, "<p>{{#}}保管場所の措置 第1版</p>", "AFTER");
        JsonNode started = kawasakiEditor.data("startAssessment", START_KEY_ITEMS, Map.of());
        String doc = started.path("assessment").path("id").asText();
        JsonNode entry = kawasakiEditor.data("addRepeatEntry", ADD_FILE,
                Map.of("id", doc, "rev", started.path("revision").asInt()));
        JsonNode inserted = kawasakiEditor.data("insertSharedComponent", INSERT, Map.of("id", doc,
                "rev", entry.path("revision").asInt(), "entry", entry.path("addedEntryId").asText()));
        assertThat(inserted.path("__typename").asText()).as(inserted.toString()).isEqualTo("ComponentEdited");
        try (GraphQlWsClient kawasaki = connectToB(Callers.KAWASAKI, "approver");
             GraphQlWsClient asahikawa = connectToB(Callers.ASAHIKAWA, "approver")) {
            String raised = "subscription { proposalRaised { proposalId assessmentId componentId fromVersion toVersion "
                    + "raisedAt proposal { id toVersion status assessment { id } } } }";
            kawasaki.subscribe("p", raised, Map.of());
            asahikawa.subscribe("p", raised, Map.of());
            LiveFeeds feeds = nodes.context(SUBSCRIBER_NODE).getBean(LiveFeeds.class);
            awaitTrue(() -> feeds.followingProposals(Callers.KAWASAKI) && feeds.followingProposals(Callers.ASAHIKAWA));

            ComponentCatalogue.curate(operator, COMPONENT, 2, "<p>{{#}}保管場所の措置 第2版</p>", "BEFORE");

            JsonNode proposal = kawasaki.await("next", WAIT).path("payload").path("data").path("proposalRaised");
            assertThat(proposal.path("assessmentId").asText()).isEqualTo(doc);
            assertThat(proposal.path("componentId").asText()).isEqualTo(COMPONENT);
            assertThat(proposal.path("fromVersion").asInt()).isEqualTo(1);
            assertThat(proposal.path("toVersion").asInt()).isEqualTo(2);
            assertThat(proposal.path("proposal").path("id").asText()).isEqualTo(proposal.path("proposalId").asText());
            assertThat(proposal.path("proposal").path("toVersion").asInt()).isEqualTo(2);
            assertThat(proposal.path("proposal").path("assessment").path("id").asText()).isEqualTo(doc);
            JsonNode read = kawasakiEditor.data("componentProposal", "query($id: ID!) { componentProposal(id: $id) "
                    + "{ id assessmentId toVersion status } }", Map.of("id", proposal.path("proposalId").asText()));
            assertThat(read.path("assessmentId").asText()).as("the id names the proposal").isEqualTo(doc);
            assertThat(read.path("status").asText()).isEqualTo("PENDING");
            asahikawa.assertNothingFor(Duration.ofSeconds(3), event -> false);
            kawasaki.assertNothingFor(Duration.ofSeconds(1), event -> false);
        }
    }

    @Test
    void givenARebuildOnANode_whenAnOperatorFollowsItThere_thenProgressArrivesUntilTheSwitch() {
        String operatorToken = nodes.token(EDITOR_NODE, "operator", null, List.of("platform-operator"));
        try (GraphQlWsClient operator = GraphQlWsClient.connect(nodes.uri(EDITOR_NODE), operatorToken)) {
            operator.await("connected", WAIT);
            operator.subscribe("none", "subscription { rebuildProgress { state } }", Map.of());
            operator.await("complete", e -> e.path("id").asText().equals("none"), WAIT);
            assertThat(operator.seen()).as("no rebuild yet: nothing but the end")
                    .noneMatch(e -> e.path("event").asText().equals("next"));

            new GraphQlClient(nodes.uri(EDITOR_NODE), operatorToken).data("rebuildReadModels",
                    "mutation { rebuildReadModels { ... on RebuildStatus { state } } }", Map.of());
            operator.subscribe("r", "subscription { rebuildProgress { state eventsProcessed position headPosition "
                    + "percent } }", Map.of());

            JsonNode last = operator.await("next", e -> e.path("payload").path("data").path("rebuildProgress")
                    .path("state").asText().equals("SWITCHED"), Duration.ofSeconds(60));
            assertThat(last.path("payload").path("data").path("rebuildProgress").path("eventsProcessed").asLong())
                    .isPositive();
            operator.await("complete", e -> e.path("id").asText().equals("r"), WAIT);
        }
    }

    /** A graphql-ws client of node B, acknowledged. */
    @Test
    void givenAUserHoldingTheMostSockets_whenOneMoreConnects_thenClosedWith4429AndAnotherUserStillConnects() {
        String token = nodes.token(SUBSCRIBER_NODE, "141305-many-tabs", Callers.KAWASAKI, List.of("auditor"));
        List<GraphQlWsClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < MAX_SOCKETS_PER_USER; i++) {
                GraphQlWsClient client = GraphQlWsClient.connect(nodes.uri(SUBSCRIBER_NODE), token);
                open.add(client);
                client.await("connected", WAIT);
            }
            try (GraphQlWsClient over = GraphQlWsClient.connect(nodes.uri(SUBSCRIBER_NODE), token)) {
                assertThat(over.await("closed", WAIT).path("code").asInt()).isEqualTo(4429);
            }
            try (GraphQlWsClient other = connectToB(Callers.KAWASAKI, "auditor")) {
                assertThat(other.seen()).as("another user of the same municipality is acknowledged")
                        .anySatisfy(event -> assertThat(event.path("event").asText()).isEqualTo("connected"));
            }
        } finally {
            open.forEach(GraphQlWsClient::close);
        }
    }

    private GraphQlWsClient connectToB(MunicipalityCode municipality, String role) {
        GraphQlWsClient client = GraphQlWsClient.connect(nodes.uri(SUBSCRIBER_NODE),
                nodes.token(SUBSCRIBER_NODE, municipality.value() + "-" + role, municipality, List.of(role)));
        client.await("connected", WAIT);
        return client;
    }

    /** The subscription reached node B's feeds (an edit before this moment would be the baseline, not an update). */
    private void awaitFollowed(MunicipalityCode municipality, String id) {
        LiveFeeds feeds = nodes.context(SUBSCRIBER_NODE).getBean(LiveFeeds.class);
        awaitTrue(() -> feeds.following(municipality, AssessmentIds.parse(id).orElseThrow()));
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("subscription never reached the feeds").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
