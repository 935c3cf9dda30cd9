package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix: every root field of the API, called with a token of each role, is served exactly to the roles
 * its {@code @access} directive names (a result or a domain problem, never an error); everyone else gets FORBIDDEN
 * and nothing is stored. A root field added without a row here fails {@link #givenTheMatrix_whenComparedWithTheSchema_thenItCoversEveryRootField}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAccessIT extends SignedInServerTest {

    private static final String SOME_ID = "01927a3c-5b1e-7000-8000-000000000001";
    private static final String ANONYMOUS_PUBLIC = "anonymous on /graphql/public";
    private static final Set<String> READERS = Set.of("editor", "approver", "auditor");
    private static final Set<String> EDITORS = Set.of("editor");
    private static final Set<String> EVERYONE = Set.of("editor", "approver", "auditor", "platform-operator");
    private static final Set<String> AUDITORS = Set.of("auditor");
    private static final Set<String> OPERATORS = Set.of("platform-operator");
    /** Every token, no roles at all, and no token on the anonymous endpoint /graphql/public. */
    private static final Set<String> ANYONE = Set.of("editor", "approver", "auditor", "platform-operator", "",
            ANONYMOUS_PUBLIC);
    private static final Set<String> DENIALS = Set.of("FORBIDDEN", "UNAUTHENTICATED");
    private static final String EDIT_TARGET = "assessmentId: \"" + SOME_ID + "\", expectedRevision: 1";

    /** Root field → (operation, roles that may call it). */
    private static final Map<String, Map.Entry<String, Set<String>>> MATRIX = new LinkedHashMap<>();

    static {
        row("me", "{ me { userId } }", EVERYONE);
        row("form", "{ form(kind: KEY_ITEMS) { version } }", EVERYONE);
        row("forms", "{ forms { version } }", EVERYONE);
        row("node", "{ node(id: \"" + SOME_ID + "\") { id } }", EVERYONE);
        row("nodes", "{ nodes(ids: [\"" + SOME_ID + "\"]) { id } }", EVERYONE);
        row("thresholdDecision", "{ thresholdDecision(input: {persons: 1000, handlersAtLeast500: false, "
                + "seriousIncidentInPastYear: false}) { mandatory } }", EVERYONE);
        row("assessment", "{ assessment(id: \"" + SOME_ID + "\") { id } }", READERS);
        row("assessments", "{ assessments(first: 1) { pageInfo { hasNextPage } } }", READERS);
        row("searchAssessments", "{ searchAssessments(query: \"住民\", first: 1) { totalCount } }", READERS);
        row("deadlinesDue", "{ deadlinesDue(from: \"2026-01-01\", to: \"2026-12-31\") { deadline { dueOn } } }",
                READERS);
        row("deadlinesDueConnection", "{ deadlinesDueConnection(from: \"2026-01-01\", to: \"2026-12-31\", first: 1) "
                + "{ totalCount } }", READERS);
        row("exportDocument", "{ exportDocument(assessmentId: \"" + SOME_ID + "\", format: TSV) { fileName } }",
                READERS);
        row("assessmentAt", "{ assessmentAt(id: \"" + SOME_ID + "\", revision: 1) { revision } }", READERS);
        row("assessmentDiff", "{ assessmentDiff(id: \"" + SOME_ID + "\", fromRevision: 1, toRevision: 2) "
                + "{ toRevision } }", READERS);
        row("verifyEventChain", "{ verifyEventChain { intact } }", AUDITORS);
        row("exportAuditBundle", "{ exportAuditBundle { events } }", AUDITORS);
        row("auditTrail", "{ auditTrail(first: 1) { pageInfo { hasNextPage } } }", Set.of("auditor", "approver"));
        row("municipalities", "{ municipalities { code } }", Set.of("platform-operator"));
        row("onboardMunicipality", "mutation { onboardMunicipality(input: {municipalityCode: \"011003\", "
                + "name: \"x\", administratorEmail: \"a@b.jp\", administratorName: \"a\"}) { __typename } }",
                Set.of("platform-operator"));
        row("startAssessment", "mutation { startAssessment(input: {kind: KEY_ITEMS, affairName: \"権限の確認\"}) "
                + "{ __typename } }", EDITORS);
        row("answerItem", "mutation { answerItem(input: {" + EDIT_TARGET + ", itemId: \"affair.name\", "
                + "value: {text: \"x\"}}) { __typename } }", EDITORS);
        row("clearAnswer", "mutation { clearAnswer(input: {" + EDIT_TARGET + ", itemId: \"affair.name\"}) "
                + "{ __typename } }", EDITORS);
        row("addRepeatEntry", "mutation { addRepeatEntry(input: {" + EDIT_TARGET + ", groupId: \"system\"}) "
                + "{ __typename } }", EDITORS);
        row("moveRepeatEntry", "mutation { moveRepeatEntry(input: {" + EDIT_TARGET + ", groupId: \"system\", "
                + "entryId: \"e\", toPosition: 0}) { __typename } }", EDITORS);
        row("removeRepeatEntry", "mutation { removeRepeatEntry(input: {" + EDIT_TARGET + ", groupId: \"system\", "
                + "entryId: \"e\"}) { __typename } }", EDITORS);
        row("migrateFormRevision", "mutation { migrateFormRevision(input: {" + EDIT_TARGET + ", version: \"2025\"}) "
                + "{ __typename } }", EDITORS);
        row("importChangeAnnex", "mutation { importChangeAnnex(input: {" + EDIT_TARGET + ", contentBase64: \"\"}) "
                + "{ __typename } }", EDITORS);
        row("publishVersion", "mutation { publishVersion(input: {" + EDIT_TARGET + ", publishedOn: \"2026-04-01\"}) "
                + "{ __typename } }", Set.of("approver"));
        row("redactPersonalData", "mutation { redactPersonalData(input: {" + EDIT_TARGET + ", text: \"山田花子\", "
                + "reason: \"請求\"}) { __typename } }", Set.of("approver"));
        row("startNextVersion", "mutation { startNextVersion(input: {" + EDIT_TARGET + "}) { __typename } }", EDITORS);
        row("importDocument", "mutation { importDocument(input: {contentBase64: \"\"}) { __typename } }", EDITORS);
        row("sharedComponents", "{ sharedComponents(first: 1) { pageInfo { hasNextPage } } }", EVERYONE);
        row("sharedComponent", "{ sharedComponent(id: \"role-access.none\") { id } }", EVERYONE);
        // Served to operators as a refusal (unknown item, unknown component): the matrix stores nothing.
        row("registerSharedComponent", "mutation { registerSharedComponent(input: {componentId: \"role-access.none\", "
                + "family: \"government-cloud\", name: \"x\", issuer: \"x\", fits: [{kind: KEY_ITEMS, version: \"2025\", "
                + "itemId: \"no.such-item\"}]}) { __typename } }", OPERATORS);
        row("changeComponentFits", "mutation { changeComponentFits(input: {componentId: \"role-access.none\", "
                + "fits: [{kind: KEY_ITEMS, version: \"2025\", itemId: \"file.storage.location\"}]}) { __typename } }",
                OPERATORS);
        row("draftComponentVersion", "mutation { draftComponentVersion(input: {componentId: \"role-access.none\", "
                + "version: 1, text: \"<p>x</p>\", effectiveFrom: \"2025-04-01\", note: \"x\", timing: BEFORE, "
                + "explanation: \"x\"}) { __typename } }", OPERATORS);
        row("submitComponentVersion", "mutation { submitComponentVersion(input: {componentId: \"role-access.none\", "
                + "version: 1}) { __typename } }", OPERATORS);
        row("publishComponentVersion", "mutation { publishComponentVersion(input: {componentId: \"role-access.none\", "
                + "version: 1}) { __typename } }", OPERATORS);
        row("withdrawComponentVersion", "mutation { withdrawComponentVersion(input: {componentId: "
                + "\"role-access.none\", version: 1, reason: \"x\"}) { __typename } }", OPERATORS);
        row("componentProposals", "{ componentProposals(first: 1) { pageInfo { hasNextPage } } }", READERS);
        row("componentProposal", "{ componentProposal(id: \"none\") { id } }", READERS);
        // Served to editors as a refusal (no such assessment, no such proposal): the matrix stores nothing.
        row("insertSharedComponent", "mutation { insertSharedComponent(input: {" + EDIT_TARGET + ", itemId: "
                + "\"file.storage.location\", componentId: \"role-access.none\", mode: LOCKED}) { __typename } }", EDITORS);
        row("adaptComponentText", "mutation { adaptComponentText(input: {" + EDIT_TARGET + ", useId: \"none\", "
                + "text: \"x\"}) { __typename } }", EDITORS);
        row("changeComponentMode", "mutation { changeComponentMode(input: {" + EDIT_TARGET + ", useId: \"none\", "
                + "mode: DETACHED}) { __typename } }", EDITORS);
        row("adoptComponentProposal", "mutation { adoptComponentProposal(input: {proposalId: \"none\", "
                + "expectedRevision: 1}) { __typename } }", EDITORS);
        row("declineComponentProposal", "mutation { declineComponentProposal(input: {proposalId: \"none\", "
                + "expectedRevision: 1, reason: \"x\"}) { __typename } }", EDITORS);
        row("deferComponentProposal", "mutation { deferComponentProposal(input: {proposalId: \"none\", "
                + "expectedRevision: 1}) { __typename } }", EDITORS);
        row("componentImpact", "{ componentImpact(componentId: \"role-access.none\", version: 1) { __typename } }",
                OPERATORS);
        row("integrationReplay", "{ integrationReplay { state } }", OPERATORS);
        // A range past the newest event: served, nothing to queue.
        row("replayIntegrationEvents", "mutation { replayIntegrationEvents(fromPosition: 2000000000, "
                + "toPosition: 2000000001) { ... on IntegrationReplay { state } } }", OPERATORS);
        row("readModelRebuild", "{ readModelRebuild { state } }", OPERATORS);
        // MANUAL: the rebuild is still active when switchReadModels comes next, however fast it catches up.
        row("rebuildReadModels", "mutation { rebuildReadModels(switchOver: MANUAL) { ... on RebuildStatus { state } } }", OPERATORS);
        row("switchReadModels", "mutation { switchReadModels { ... on RebuildStatus { state } } }", OPERATORS);
        row("integrationOutbox", "{ integrationOutbox { waiting relayActive } }", OPERATORS);
        row("publicAssessment", "{ publicAssessment(municipalityCode: \"141305\", assessmentId: \"" + SOME_ID
                + "\") { id } }", ANYONE);
        row("publicAssessments", "{ publicAssessments(municipalityCode: \"141305\", first: 1) { totalCount } }",
                ANYONE);
        row("withholdItemFromPublication", "mutation { withholdItemFromPublication(input: {" + EDIT_TARGET
                + ", itemId: \"affair.description\", reason: \"x\"}) { __typename } }", EDITORS);
        row("restoreItemPublication", "mutation { restoreItemPublication(input: {" + EDIT_TARGET
                + ", itemId: \"affair.description\"}) { __typename } }", EDITORS);
        row("openPublicComment", "mutation { openPublicComment(input: {" + EDIT_TARGET
                + ", from: \"2025-01-06\", to: \"2025-02-04\"}) { __typename } }", EDITORS);
        row("closePublicComment", "mutation { closePublicComment(input: {" + EDIT_TARGET
                + ", closedOn: \"2025-02-05\", opinions: \"なし\"}) { __typename } }", EDITORS);
        row("recordThirdPartyReview", "mutation { recordThirdPartyReview(input: {" + EDIT_TARGET
                + ", performedOn: \"2025-02-20\", body: \"審議会\", method: \"審議\", result: \"適合\"}) "
                + "{ __typename } }", EDITORS);
        row("submitToCommission", "mutation { submitToCommission(input: {" + EDIT_TARGET
                + ", submittedOn: \"2025-03-01\"}) { __typename } }", Set.of("approver"));
        row("recordAffairEnd", "mutation { recordAffairEnd(input: {" + EDIT_TARGET
                + ", endedOn: \"2025-03-31\"}) { __typename } }", Set.of("approver"));
        // A blank summary: refused after the role check, so the matrix records no 重大事故.
        row("recordSeriousIncident", "mutation { recordSeriousIncident(input: {discoveredOn: \"2025-01-01\", "
                + "concernsSpecificPersonalInformation: true, summary: \" \"}) { __typename } }", Set.of("approver"));
        row("seriousIncidents", "{ seriousIncidents { id } }", READERS);
        row("seriousIncidentsConnection", "{ seriousIncidentsConnection(first: 1) { totalCount } }", READERS);
        // Served as refusals (no such assessment, no such thread): the matrix stores nothing.
        row("startReviewThread", "mutation { startReviewThread(input: {assessmentId: \"" + SOME_ID + "\", "
                + "text: \"x\"}) { __typename } }", READERS);
        row("replyToReviewThread", "mutation { replyToReviewThread(input: {threadId: \"" + SOME_ID + "\", "
                + "text: \"x\"}) { __typename } }", READERS);
        row("resolveReviewThread", "mutation { resolveReviewThread(input: {threadId: \"" + SOME_ID + "\"}) "
                + "{ __typename } }", Set.of("editor", "approver"));
        row("reopenReviewThread", "mutation { reopenReviewThread(input: {threadId: \"" + SOME_ID + "\"}) "
                + "{ __typename } }", READERS);
        // Subscriptions over HTTP: past the access check they answer SUBSCRIPTION_NEEDS_WEBSOCKET (or, for an
        // assessment not found, NOT_FOUND as over the socket); SubscriptionsIT runs them over WebSocket.
        row("assessmentChanged", "subscription { assessmentChanged(assessmentId: \"" + SOME_ID + "\") { revision } }",
                READERS);
        row("proposalRaised", "subscription { proposalRaised { proposalId } }", READERS);
        row("rebuildProgress", "subscription { rebuildProgress { state } }", OPERATORS);
    }

    /** What a subscription asked over HTTP answers when the caller may call it (nothing subscribed). */
    private static final Set<String> SUBSCRIPTION_SERVED = Set.of("SUBSCRIPTION_NEEDS_WEBSOCKET", "NOT_FOUND");

    private static void row(String field, String operation, Set<String> roles) {
        MATRIX.put(field, Map.entry(operation, roles));
    }

    @Inject
    DataSource dataSource;

    private Map<String, GraphQlClient> byRole;

    @BeforeAll
    void oneClientPerRole() {
        byRole = new LinkedHashMap<>();
        for (String role : List.of("editor", "approver", "auditor", "platform-operator", "")) {
            byRole.put(role, new GraphQlClient(server.getURI(), issuer.issue("role-" + role, "役割 " + role,
                    role.equals("platform-operator") ? null : Callers.KAWASAKI, role.isEmpty() ? List.of() : List.of(role))));
        }
        byRole.put(ANONYMOUS_PUBLIC, GraphQlClient.ofPublicEndpoint(server.getURI(), null));
    }

    @Test
    void givenEachRole_whenEveryRootFieldIsCalled_thenOnlyTheRolesItNamesAreServed() throws SQLException {
        long eventsBefore = ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry");
        List<String> wrong = new ArrayList<>();
        MATRIX.forEach((field, row) -> byRole.forEach((role, client) -> {
            GraphQlClient.Response response = client.execute(row.getKey(), Map.of());
            String expected = row.getValue().contains(role) ? "served" : "denied";
            if (!outcome(field, response).equals(expected)) {
                wrong.add(field + " as '" + role + "', expected " + expected + ": " + response.status() + " "
                        + response.body());
            }
        }));

        assertThat(wrong).isEmpty();
        JsonNode list = byRole.get("editor").data("assessments", "{ assessments(first: 100) { edges { node { "
                + "affairName } } } }", Map.of());
        assertThat(list.findValuesAsText("affairName")).as("only the editor's start was stored")
                .containsExactly("権限の確認");
        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry") - eventsBefore)
                .as("one event, the editor's AssessmentStarted").isEqualTo(1);
    }

    /**
     * "served": a result or a domain problem (data, no error at all); "denied": nothing but FORBIDDEN or
     * UNAUTHENTICATED errors and no result; anything else (INTERNAL, BAD_USER_INPUT, a non-200 status) is neither.
     */
    private static String outcome(String field, GraphQlClient.Response response) {
        if (response.status() != 200) {
            return "HTTP " + response.status();
        }
        List<String> codes = response.errors().findValuesAsText("code");
        if (response.errors().isEmpty() && response.data().has(field)) {
            return "served";
        }
        if (!codes.isEmpty() && codes.size() == response.errors().size() && SUBSCRIPTION_SERVED.containsAll(codes)) {
            return "served";
        }
        if (!codes.isEmpty() && codes.size() == response.errors().size()
                && DENIALS.containsAll(codes) && !response.data().hasNonNull(field)) {
            return "denied";
        }
        return "unexpected";
    }

    @Test
    void givenAForbiddenCall_whenRefused_thenTheMessageNamesTheRolesNeededAndHeld() {
        JsonNode error = byRole.get("auditor").execute(MATRIX.get("startAssessment").getKey(), Map.of()).errors().get(0);

        assertThat(error.path("message").asText()).contains("startAssessment").contains("editor").contains("auditor");
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void givenTheMatrix_whenComparedWithTheSchema_thenItCoversEveryRootField() {
        List<String> rootFields = new ArrayList<>();
        for (String type : List.of("Query", "Mutation", "Subscription")) {
            rootFields.addAll(byRole.get("editor").data("__type", "{ __type(name: \"" + type + "\") { fields(includeDeprecated: true) { name } } }",
                    Map.of()).findValuesAsText("name"));
        }

        assertThat(MATRIX.keySet()).containsExactlyInAnyOrderElementsOf(rootFields);
    }
}
