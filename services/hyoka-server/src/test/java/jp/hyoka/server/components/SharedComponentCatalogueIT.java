package jp.hyoka.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Platform operators curate the shared-component catalogue end to end: register a component fitting 保管場所 (II 6,
 * file.storage.location) of the 重点項目評価書 2025, draft version 1, submit it, publish it; a municipality's editor
 * reads it; an editor cannot curate; bad input is refused as a typed problem and changes nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedComponentCatalogueIT extends SignedInServerTest {

    private static final String COMPONENT = """
            id family name issuer fits { form { kind version } itemId }
            versions { number status text effectiveFrom note timing explanation slots { name label } numbering brackets }
            currentVersion { number status }""";
    private static final String RESULT = "__typename ... on SharedComponentChanged { component { " + COMPONENT + " } } "
            + "... on Problem { code message }";
    private static final String REGISTER = """
            mutation($id: ID!) {
              registerSharedComponent(input: {componentId: $id, family: "intermediate-server-platform",
                  name: "中間サーバー・プラットフォームにおける措置 (保管場所)", issuer: "J-LIS",
                  fits: [{kind: KEY_ITEMS, version: "2025", itemId: "file.storage.location"}]}) { %s }
            }""".formatted(RESULT);
    private static final String DRAFT = """
            mutation($id: ID!, $version: Int!, $text: String!, $slots: [ComponentSlotInput!]) {
              draftComponentVersion(input: {componentId: $id, version: $version, text: $text,
                  effectiveFrom: "2025-04-01", note: "J-LISからの通知", timing: BEFORE,
                  explanation: "中間サーバー・プラットフォームの更改に伴う変更", slots: $slots}) {
                %s
                ... on ComponentVersionNotNext { version expectedVersion }
                ... on SlotsMismatch { undeclared unused }
              }
            }""".formatted(RESULT);
    private static final String SUBMIT = "mutation($id: ID!, $version: Int!) { submitComponentVersion(input: "
            + "{componentId: $id, version: $version}) { " + RESULT + " } }";
    private static final String PUBLISH = "mutation($id: ID!, $version: Int!) { publishComponentVersion(input: "
            + "{componentId: $id, version: $version}) { " + RESULT
            + " ... on ComponentVersionStatusConflict { status action } } }";
    private static final String CHANGE_FITS = """
            mutation($id: ID!, $fits: [ComponentFitInput!]!) {
              changeComponentFits(input: {componentId: $id, fits: $fits}) {
                %s ... on ComponentDoesNotFit { itemId reason }
              }
            }""".formatted(RESULT);
    private static final String WITHDRAW = "mutation($id: ID!, $version: Int!) { withdrawComponentVersion(input: "
            + "{componentId: $id, version: $version, reason: \"誤記\"}) { " + RESULT + " } }";
    private static final String TEXT = "<p>{{[}}中間サーバー・プラットフォームにおける措置{{]}}</p>"
            + "<p>{{#}}中間サーバー・プラットフォームをデータセンターに構築し、設置場所への入退室者管理、有人監視及び施錠管理を"
            + "することとしている。</p><p>{{#}}{{system-name}}との連携は専用回線で行う。</p>";
    private static final List<Map<String, Object>> SLOTS =
            List.of(Map.of("name", "system-name", "label", "連携する既存システムの名称"));

    @Inject
    DataSource dataSource;

    private GraphQlClient operator;

    @BeforeAll
    void aPlatformOperator() {
        operator = new GraphQlClient(server.getURI(), issuer.issue("op-1", "運営 一郎", null, List.of("platform-operator")));
    }

    @Test
    void givenAnOperator_whenAComponentIsRegisteredDraftedSubmittedAndPublished_thenEveryMunicipalityReadsIt() {
        String id = "intermediate-server-platform.storage-location";
        JsonNode registered = operator.data("registerSharedComponent", REGISTER, Map.of("id", id));
        assertThat(registered.path("__typename").asText()).as(registered.toString()).isEqualTo("SharedComponentChanged");
        assertThat(registered.path("component").path("fits").get(0).path("itemId").asText())
                .isEqualTo("file.storage.location");
        assertThat(registered.path("component").path("currentVersion").isNull()).isTrue();

        JsonNode drafted = operator.data("draftComponentVersion", DRAFT, draft(id, 1, TEXT, SLOTS));
        assertThat(drafted.path("__typename").asText()).as(drafted.toString()).isEqualTo("SharedComponentChanged");
        assertThat(drafted.path("component").path("versions").get(0).path("status").asText()).isEqualTo("DRAFT");
        JsonNode early = operator.data("publishComponentVersion", PUBLISH, Map.of("id", id, "version", 1));
        assertThat(early.path("code").asText()).as("published before review").isEqualTo("COMPONENT_VERSION_STATUS");
        assertThat(operator.data("submitComponentVersion", SUBMIT, Map.of("id", id, "version", 1))
                .path("component").path("versions").get(0).path("status").asText()).isEqualTo("IN_REVIEW");
        JsonNode published = operator.data("publishComponentVersion", PUBLISH, Map.of("id", id, "version", 1));
        assertThat(published.path("component").path("currentVersion").path("number").asInt()).as(published.toString())
                .isEqualTo(1);

        JsonNode read = callers.asahikawaEditor.data("sharedComponent",
                "query($id: ID!) { sharedComponent(id: $id) { " + COMPONENT + " } }", Map.of("id", id));
        assertThat(read.path("issuer").asText()).isEqualTo("J-LIS");
        assertThat(read.path("currentVersion").path("status").asText()).isEqualTo("PUBLISHED");
        JsonNode version = read.path("versions").get(0);
        assertThat(version.path("text").asText()).contains("{{system-name}}").contains("有人監視");
        assertThat(version.path("effectiveFrom").asText()).isEqualTo("2025-04-01");
        assertThat(version.path("timing").asText()).isEqualTo("BEFORE");
        assertThat(version.path("explanation").asText()).isEqualTo("中間サーバー・プラットフォームの更改に伴う変更");
        assertThat(version.path("slots").get(0).path("label").asText()).isEqualTo("連携する既存システムの名称");
        assertThat(version.path("numbering").asText()).isEqualTo("CIRCLED");
        JsonNode list = callers.kawasakiReader.data("sharedComponents",
                "{ sharedComponents(first: 100) { edges { node { componentId currentVersion { number } } } } }", Map.of());
        assertThat(list.findValuesAsText("componentId")).contains(id);
        assertThat(operator.data("sharedComponents", "{ sharedComponents(first: 100) { edges { node { componentId } } } }",
                Map.of()).findValuesAsText("componentId")).contains(id);
    }

    @Test
    void givenARegisteredComponent_whenItsFitsChange_thenTheCatalogueListsThemAndFiltersByFamily() {
        String id = "government-cloud.fits";
        operator.data("registerSharedComponent", REGISTER.replace("intermediate-server-platform", "government-cloud"),
                Map.of("id", id));
        Map<String, Object> storage2024 = Map.of("kind", "KEY_ITEMS", "version", "2024", "itemId", "file.storage.location");
        Map<String, Object> storage2025 = Map.of("kind", "KEY_ITEMS", "version", "2025", "itemId", "file.storage.location");
        Map<String, Object> affairName = Map.of("kind", "KEY_ITEMS", "version", "2025", "itemId", "affair.name");

        JsonNode changed = operator.data("changeComponentFits", CHANGE_FITS,
                Map.of("id", id, "fits", List.of(storage2024, storage2025)));
        JsonNode notRichText = operator.data("changeComponentFits", CHANGE_FITS,
                Map.of("id", id, "fits", List.of(storage2025, affairName)));

        assertThat(changed.path("component").path("fits").findValuesAsText("version")).as(changed.toString())
                .containsExactly("2024", "2025");
        assertThat(notRichText.path("__typename").asText()).as(notRichText.toString()).isEqualTo("ComponentDoesNotFit");
        assertThat(notRichText.path("itemId").asText()).isEqualTo("affair.name");
        String byFamily = "query($family: String) { sharedComponents(first: 100, filter: {family: $family}) { "
                + "edges { node { componentId fits { form { version } } } } } }";
        JsonNode cloud = callers.kawasakiEditor.data("sharedComponents", byFamily, Map.of("family", "government-cloud"));
        assertThat(cloud.findValuesAsText("componentId")).containsExactly(id);
        assertThat(cloud.findValuesAsText("version")).containsExactly("2024", "2025");
        assertThat(callers.kawasakiEditor.data("sharedComponents", byFamily, Map.of("family", "intermediate-server-software"))
                .findValuesAsText("componentId")).isEmpty();
    }

    @Test
    void givenAnEditor_whenPublishingOrRegistering_thenForbiddenAndNothingStored() throws SQLException {
        long before = events();

        GraphQlClient.Response publish = callers.kawasakiEditor.execute(PUBLISH,
                Map.of("id", "intermediate-server-platform.storage-location", "version", 1));
        GraphQlClient.Response register = callers.asahikawaEditor.execute(REGISTER,
                Map.of("id", "government-cloud.storage-location"));

        assertThat(publish.errors().findValuesAsText("code")).containsExactly("FORBIDDEN");
        assertThat(register.errors().findValuesAsText("code")).containsExactly("FORBIDDEN");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void givenBadInput_whenDrafted_thenTypedProblemsAndNothingChanges() throws SQLException {
        String id = "intermediate-server-platform.bad-input";
        operator.data("registerSharedComponent", REGISTER, Map.of("id", id));
        operator.data("draftComponentVersion", DRAFT, draft(id, 1, TEXT, SLOTS));
        long before = events();

        JsonNode secondOpen = operator.data("draftComponentVersion", DRAFT, draft(id, 3, TEXT, SLOTS));
        JsonNode undeclared = operator.data("draftComponentVersion", DRAFT, draft("intermediate-server-platform.other",
                1, TEXT, List.of()));
        JsonNode open = operator.data("draftComponentVersion", DRAFT, draft(id, 2, TEXT, SLOTS));
        JsonNode unknownItem = operator.data("registerSharedComponent", REGISTER.replace("file.storage.location",
                "file.no-such-item"), Map.of("id", "intermediate-server-platform.unknown-item"));
        JsonNode taken = operator.data("registerSharedComponent", REGISTER, Map.of("id", id));
        JsonNode malformed = operator.data("registerSharedComponent", REGISTER, Map.of("id", "Not An Id"));

        assertThat(secondOpen.path("__typename").asText()).as(secondOpen.toString()).isEqualTo("ComponentDraftOpen");
        assertThat(undeclared.path("code").asText()).as("not registered").isEqualTo("COMPONENT_NOT_FOUND");
        assertThat(open.path("code").asText()).isEqualTo("COMPONENT_DRAFT_OPEN");
        assertThat(unknownItem.path("__typename").asText()).as(unknownItem.toString()).isEqualTo("UnknownItem");
        assertThat(taken.path("__typename").asText()).isEqualTo("ComponentAlreadyRegistered");
        assertThat(malformed.path("__typename").asText()).isEqualTo("InvalidInput");
        assertThat(events()).as("nothing stored").isEqualTo(before);

        operator.data("withdrawComponentVersion", WITHDRAW, Map.of("id", id, "version", 1));
        long afterWithdrawal = events();
        JsonNode wrongNumber = operator.data("draftComponentVersion", DRAFT, draft(id, 2, TEXT, SLOTS));
        JsonNode slots = operator.data("draftComponentVersion", DRAFT, draft(id, 1, TEXT, List.of()));
        assertThat(wrongNumber.path("__typename").asText()).as(wrongNumber.toString())
                .isEqualTo("ComponentVersionNotNext");
        assertThat(wrongNumber.path("expectedVersion").asInt()).isEqualTo(1);
        assertThat(slots.path("__typename").asText()).as(slots.toString()).isEqualTo("SlotsMismatch");
        assertThat(slots.path("undeclared").toString()).isEqualTo("[\"system-name\"]");
        assertThat(events()).as("nothing stored").isEqualTo(afterWithdrawal);
        JsonNode read = operator.data("sharedComponent", "query($id: ID!) { sharedComponent(id: $id) { "
                + "versions { number } } }", Map.of("id", id));
        assertThat(read.path("versions").size()).as("the withdrawn draft is gone").isZero();
    }

    @Test
    void givenSeveralComponents_whenPaged_thenEachAppearsOnceInIdOrderAndABadCursorIsBadInput() {
        for (String id : List.of("intermediate-server-software.page-c", "intermediate-server-software.page-a",
                "intermediate-server-software.page-b")) {
            operator.data("registerSharedComponent", REGISTER.replace("intermediate-server-platform",
                    "intermediate-server-software"), Map.of("id", id));
        }
        String page = "query($after: String) { sharedComponents(first: 2, after: $after, filter: {family: "
                + "\"intermediate-server-software\"}) { edges { cursor node { componentId } } pageInfo { hasNextPage endCursor } } }";
        Map<String, Object> first = new HashMap<>();
        first.put("after", null);

        JsonNode one = callers.asahikawaEditor.data("sharedComponents", page, first);
        JsonNode two = callers.asahikawaEditor.data("sharedComponents", page,
                Map.of("after", one.path("pageInfo").path("endCursor").asText()));
        GraphQlClient.Response bad = callers.asahikawaEditor.execute(page, Map.of("after", "not-a-cursor!"));

        assertThat(one.findValuesAsText("componentId")).containsExactly("intermediate-server-software.page-a",
                "intermediate-server-software.page-b");
        assertThat(one.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(two.findValuesAsText("componentId")).containsExactly("intermediate-server-software.page-c");
        assertThat(two.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(bad.errors().findValuesAsText("code")).containsExactly("BAD_USER_INPUT");
    }

    private long events() throws SQLException {
        return ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry");
    }

    private static Map<String, Object> draft(String id, int version, String text, List<Map<String, Object>> slots) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("version", version);
        variables.put("text", text);
        variables.put("slots", slots);
        return variables;
    }
}
