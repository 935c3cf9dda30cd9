package jp.hyoka.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.ComponentCatalogue;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Paging;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared component from catalogue to 変更箇所, end to end over GraphQL (issue 16): 旭川市 inserts
 * &lt;中間サーバー・プラットフォームにおける措置&gt; v1 locked into 保管場所, 川崎市 adapted with a sentence of its own; both
 * publish; the operator publishes v2; each municipality gets a proposal, sees its three-way view and nothing of the
 * other's; 旭川市 adopts in its next version and publishes: the 変更箇所 row is 事前 with the version's explanation;
 * 川崎市 declines, saying why. The usage view shows both to the operator, and to 川崎市 only its own; the integration
 * events (version published, proposals raised, adopted, declined) are in the outbox on the right topics.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedComponentAdoptionIT extends SignedInServerTest {

    static final String COMPONENT = "intermediate-server-platform.storage-location";
    static final String V1 = "<p>{{#}}中間サーバー・プラットフォームはデータセンターに設置しており、データセンターへの入館及び"
            + "サーバー室への入室を厳重に管理する。</p><p>{{#}}特定個人情報は、サーバー室に設置された中間サーバーのデータベース内に"
            + "保存され、バックアップもデータベース上に保存される。</p>";
    static final String V2 = "<p>{{#}}中間サーバー・プラットフォームは、政府情報システムのためのセキュリティ評価制度(ISMAP)に"
            + "登録されたクラウドサービス事業者が保有・管理する環境に設置する。</p><p>{{#}}特定個人情報は、サーバー室に設置された"
            + "中間サーバーのデータベース内に保存され、バックアップもデータベース上に保存される。</p>";
    private static final String KAWASAKI_OWN = "<p>当市では保管状況を毎月点検する。</p>";

    private static final String START = """
            mutation { startAssessment(input: {kind: KEY_ITEMS, affairName: "介護保険に関する事務"}) {
              ... on AssessmentEdited { revision assessment { id } } } }""";
    private static final String ADD_FILE = """
            mutation($id: ID!, $rev: Int!) { addRepeatEntry(input: {assessmentId: $id, expectedRevision: $rev,
              groupId: "file"}) { ... on AssessmentEdited { revision addedEntryId } } }""";
    static final String EDITED = """
            __typename
            ... on ComponentEdited { revision use { useId version mode text component { id } } }
            ... on Problem { code message }""";
    private static final String INSERT = """
            mutation($id: ID!, $rev: Int!, $entry: ID!, $mode: ComponentUseMode!, $text: String) {
              insertSharedComponent(input: {assessmentId: $id, expectedRevision: $rev,
                  itemId: "file.storage.location", entryIds: [$entry], componentId: "%s", mode: $mode,
                  adaptedText: $text}) { %s }
            }""".formatted(COMPONENT, EDITED);
    private static final String PUBLISH = """
            mutation($id: ID!, $rev: Int!, $on: Date!) {
              publishVersion(input: {assessmentId: $id, expectedRevision: $rev, publishedOn: $on}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code message } } }""";
    private static final String NEXT = """
            mutation($id: ID!, $rev: Int!) { startNextVersion(input: {assessmentId: $id, expectedRevision: $rev}) {
              ... on AssessmentEdited { revision } } }""";
    private static final String PROPOSALS = """
            { componentProposals(first: 50) { edges { node {
                id assessmentId assessment { id affairName } affairName fromVersion toVersion status timing explanation note
                use { useId mode } component { id }
                merge { clean conflicts baseText newText localText mergedText chunks { conflict text } }
            } } } }""";
    private static final String ADOPT = """
            mutation($id: ID!, $rev: Int!) { adoptComponentProposal(input: {proposalId: $id, expectedRevision: $rev}) {
              %s ... on MergeConflictsUnresolved { conflicts } } }""".formatted(EDITED);
    private static final String DECLINE = """
            mutation($id: ID!, $rev: Int!, $reason: String!) { declineComponentProposal(input: {proposalId: $id,
              expectedRevision: $rev, reason: $reason}) { %s } }""".formatted(EDITED);
    private static final String DOCUMENT = """
            query($id: ID!) { assessment(id: $id) { revision status
              pendingChanges { item { itemId } defaultTiming suggestedExplanation }
              pastChanges { itemId timing explanation after { text } }
              componentUses { useId version mode text }
              componentProposals(status: [PENDING, DEFERRED, ADOPTED, DECLINED, SUPERSEDED]) { status toVersion reason }
              history(first: 100) { edges { node { event } } } } }""";

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private GraphQlClient operator;
    private GraphQlClient asahikawaApprover;
    private GraphQlClient kawasakiApprover;

    @BeforeAll
    void anOperatorAndApprovers() {
        operator = new GraphQlClient(server.getURI(), issuer.issue("op-1", "運営 一郎", null,
                List.of("platform-operator")));
        asahikawaApprover = new GraphQlClient(server.getURI(), issuer.issue("a-approver", "旭川 承認", Callers.ASAHIKAWA,
                List.of("approver")));
        kawasakiApprover = new GraphQlClient(server.getURI(), issuer.issue("k-approver", "川崎 承認", Callers.KAWASAKI,
                List.of("approver")));
    }

    /** A published 重点項目評価書 with one 特定個人情報ファイル whose 保管場所 holds the component: id, revision, use. */
    private record Document(String id, long revision, String useId, String entryId) {
    }

    private static final String OVERWRITE = """
            mutation($id: ID!, $rev: Int!, $entry: ID!) { answerItem(input: {assessmentId: $id, expectedRevision: $rev,
              itemId: "file.storage.location", entryIds: [$entry], value: {richText: "<p>書き換えた。</p>"}}) {
                __typename ... on Problem { code message } } }""";

    private Document publishedWithComponent(GraphQlClient editor, GraphQlClient approver, String mode, String text) {
        JsonNode started = editor.data("startAssessment", START, Map.of());
        String id = started.path("assessment").path("id").asText();
        JsonNode entry = editor.data("addRepeatEntry", ADD_FILE, Map.of("id", id, "rev", started.path("revision").asInt()));
        Map<String, Object> insert = new HashMap<>(Map.of("id", id, "rev", entry.path("revision").asInt(),
                "entry", entry.path("addedEntryId").asText(), "mode", mode));
        insert.put("text", text);
        JsonNode inserted = editor.data("insertSharedComponent", INSERT, insert);
        assertThat(inserted.path("__typename").asText()).as(inserted.toString()).isEqualTo("ComponentEdited");
        JsonNode published = approver.data("publishVersion", PUBLISH, Map.of("id", id,
                "rev", inserted.path("revision").asInt(), "on", "2025-04-01"));
        assertThat(published.path("__typename").asText()).as(published.toString()).isEqualTo("AssessmentEdited");
        return new Document(id, published.path("revision").asLong(), inserted.path("use").path("useId").asText(),
                entry.path("addedEntryId").asText());
    }

    @Test
    void givenTwoMunicipalitiesOnV1_whenV2IsPublished_thenOneAdoptsIntoItsNextPublicationAndTheOtherDeclines()
            throws java.sql.SQLException {
        ComponentCatalogue.curate(operator, COMPONENT, 1, V1, "AFTER");
        Document asahikawa = publishedWithComponent(callers.asahikawaEditor, asahikawaApprover, "LOCKED", null);
        String kawasakiText = "<p>①中間サーバー・プラットフォームはデータセンターに設置しており、データセンターへの入館及び"
                + "サーバー室への入室を厳重に管理する。</p><p>②特定個人情報は、サーバー室に設置された中間サーバーのデータベース内に"
                + "保存され、バックアップもデータベース上に保存される。</p>" + KAWASAKI_OWN;
        Document kawasaki = publishedWithComponent(callers.kawasakiEditor, kawasakiApprover, "ADAPTED", kawasakiText);
        assertThat(callers.asahikawaEditor.data("componentProposals", PROPOSALS, Map.of())
                .path("edges").size()).as("no proposal before v2").isZero();


        ComponentCatalogue.curate(operator, COMPONENT, 2, V2, "BEFORE");

        JsonNode asahikawaProposal = single(callers.asahikawaEditor.data("componentProposals", PROPOSALS, Map.of()));
        assertThat(asahikawaProposal.path("assessmentId").asText()).isEqualTo(asahikawa.id());
        assertThat(asahikawaProposal.path("assessment").path("id").asText()).isEqualTo(asahikawa.id());
        assertThat(asahikawaProposal.path("assessment").path("affairName").asText())
                .isEqualTo(asahikawaProposal.path("affairName").asText());
        assertThat(asahikawaProposal.path("fromVersion").asInt()).isEqualTo(1);
        assertThat(asahikawaProposal.path("toVersion").asInt()).isEqualTo(2);
        assertThat(asahikawaProposal.path("status").asText()).isEqualTo("PENDING");
        assertThat(asahikawaProposal.path("timing").asText()).isEqualTo("BEFORE");
        assertThat(asahikawaProposal.path("merge").path("clean").asBoolean()).isTrue();
        assertThat(asahikawaProposal.path("merge").path("mergedText").asText()).contains("ISMAP");
        JsonNode kawasakiProposal = single(callers.kawasakiEditor.data("componentProposals", PROPOSALS, Map.of()));
        assertThat(kawasakiProposal.path("assessmentId").asText()).as("川崎市 sees its own only").isEqualTo(kawasaki.id());
        JsonNode threeWay = kawasakiProposal.path("merge");
        assertThat(threeWay.path("clean").asBoolean()).as(threeWay.toString()).isTrue();
        assertThat(threeWay.path("localText").asText()).contains("毎月点検");
        assertThat(threeWay.path("mergedText").asText()).contains("ISMAP").contains("毎月点検");
        assertThat(callers.kawasakiEditor.data("componentProposal",
                "query($id: ID!) { componentProposal(id: $id) { id } }", Map.of("id", asahikawaProposal.path("id").asText()))
                .isNull()).as("川崎市 cannot read 旭川市's proposal").isTrue();

        String byNode = "query($id: ID!) { node(id: $id) { __typename id ... on ComponentProposal { toVersion } } }";
        JsonNode refetched = callers.asahikawaEditor.data("node", byNode, Map.of("id", asahikawaProposal.path("id").asText()));
        assertThat(refetched.path("__typename").asText()).isEqualTo("ComponentProposal");
        assertThat(refetched.path("toVersion").asInt()).isEqualTo(2);
        assertThat(callers.kawasakiEditor.data("node", byNode, Map.of("id", asahikawaProposal.path("id").asText()))
                .isNull()).as("川崎市 cannot refetch 旭川市's proposal by its node id").isTrue();
        String adoptId = asahikawaProposal.path("id").asText();
        JsonNode frozen = callers.asahikawaEditor.data("adoptComponentProposal", ADOPT,
                Map.of("id", adoptId, "rev", asahikawa.revision()));
        assertThat(frozen.path("code").asText()).as("a published version never changes").isEqualTo("VERSION_PUBLISHED");
        long next = callers.asahikawaEditor.data("startNextVersion", NEXT,
                Map.of("id", asahikawa.id(), "rev", asahikawa.revision())).path("revision").asLong();
        JsonNode adopted = callers.asahikawaEditor.data("adoptComponentProposal", ADOPT, Map.of("id", adoptId, "rev", next));
        assertThat(adopted.path("__typename").asText()).as(adopted.toString()).isEqualTo("ComponentEdited");
        assertThat(adopted.path("use").path("version").asInt()).isEqualTo(2);
        assertThat(adopted.path("use").path("text").asText()).contains("ISMAP").doesNotContain("データセンターに設置");
        JsonNode overwritten = callers.asahikawaEditor.data("answerItem", OVERWRITE, Map.of("id", asahikawa.id(),
                "rev", adopted.path("revision").asInt(), "entry", asahikawa.entryId()));
        assertThat(overwritten.path("code").asText()).as("a followed component's text is protected: " + overwritten)
                .isEqualTo("COMPONENT_TEXT_PROTECTED");
        JsonNode draft = callers.asahikawaEditor.data("assessment", DOCUMENT, Map.of("id", asahikawa.id()));
        assertThat(draft.path("pendingChanges").get(0).path("defaultTiming").asText()).isEqualTo("BEFORE");
        assertThat(draft.path("pendingChanges").get(0).path("suggestedExplanation").asText())
                .isEqualTo("中間サーバー・プラットフォームの更改に伴う変更");
        JsonNode republished = asahikawaApprover.data("publishVersion", PUBLISH, Map.of("id", asahikawa.id(),
                "rev", adopted.path("revision").asInt(), "on", "2025-08-04"));
        assertThat(republished.path("__typename").asText()).as(republished.toString()).isEqualTo("AssessmentEdited");
        JsonNode afterPublication = callers.asahikawaEditor.data("assessment", DOCUMENT, Map.of("id", asahikawa.id()));
        JsonNode row = afterPublication.path("pastChanges").get(0);
        assertThat(row.path("itemId").asText()).isEqualTo("file.storage.location");
        assertThat(row.path("timing").asText()).isEqualTo("BEFORE");
        assertThat(row.path("explanation").asText()).isEqualTo("中間サーバー・プラットフォームの更改に伴う変更");
        assertThat(row.path("after").path("text").asText()).contains("ISMAP");
        assertThat(afterPublication.path("componentProposals").get(0).path("status").asText()).isEqualTo("ADOPTED");
        JsonNode again = callers.asahikawaEditor.data("declineComponentProposal", DECLINE, Map.of("id", adoptId,
                "rev", afterPublication.path("revision").asInt(), "reason", "やはり旧版"));
        assertThat(again.path("code").asText()).as("a decided proposal is not decided again").isEqualTo("PROPOSAL_NOT_APPLICABLE");
        assertThat(afterPublication.findValuesAsText("event")).contains("ComponentInserted", "ComponentVersionAdopted");

        JsonNode noReason = callers.kawasakiEditor.data("declineComponentProposal", DECLINE,
                Map.of("id", kawasakiProposal.path("id").asText(), "rev", kawasaki.revision(), "reason", " "));
        assertThat(noReason.path("code").asText()).isEqualTo("INVALID_INPUT");
        JsonNode declined = callers.kawasakiEditor.data("declineComponentProposal", DECLINE,
                Map.of("id", kawasakiProposal.path("id").asText(), "rev", kawasaki.revision(),
                        "reason", "当市はデータセンター運用の契約期間中のため次回更新で対応する"));
        assertThat(declined.path("__typename").asText()).as(declined.toString()).isEqualTo("ComponentEdited");
        assertThat(declined.path("use").path("version").asInt()).as("stays on v1").isEqualTo(1);
        JsonNode kawasakiDocument = callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", kawasaki.id()));
        assertThat(kawasakiDocument.path("componentProposals").get(0).path("status").asText()).isEqualTo("DECLINED");
        assertThat(kawasakiDocument.path("componentProposals").get(0).path("reason").asText()).contains("次回更新");
        JsonNode paged = callers.kawasakiEditor.data("assessment", """
                query($id: ID!) { assessment(id: $id) {
                  all: componentProposalsConnection(status: [PENDING, DEFERRED, ADOPTED, DECLINED, SUPERSEDED], first: 1) {
                    totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { status reason } } }
                  open: componentProposalsConnection(last: 1) { totalCount edges { cursor } } } }""",
                Map.of("id", kawasaki.id()));
        assertThat(paged.path("all").path("totalCount").asInt()).isEqualTo(1);
        assertThat(paged.path("all").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(paged.path("all").path("edges").get(0).path("node").path("status").asText()).isEqualTo("DECLINED");
        assertThat(paged.path("open").path("totalCount").asInt()).as("the default: open ones only").isZero();
        assertThat(callers.kawasakiEditor.data("componentProposals", PROPOSALS, Map.of()).path("edges").size())
                .as("nothing open any more").isZero();
        assertThat(callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", asahikawa.id())).isNull())
                .as("川崎市 cannot read 旭川市's document").isTrue();

        JsonNode everyone = operator.data("sharedComponent", USAGE, Map.of("id", COMPONENT)).path("usedBy");
        assertThat(everyone.path("municipalities").asInt()).as(everyone.toString()).isEqualTo(2);
        assertThat(everyone.path("proposals").path("adopted").asInt()).isEqualTo(1);
        assertThat(everyone.path("proposals").path("declined").asInt()).isEqualTo(1);
        assertThat(everyone.findValuesAsText("code")).containsExactlyInAnyOrder("012041", "141305");
        assertVersionListsPageLikeTheirConnections();
        JsonNode own = callers.kawasakiEditor.data("sharedComponent", USAGE, Map.of("id", COMPONENT)).path("usedBy");
        assertThat(own.path("municipalities").asInt()).as("川崎市 counts only its own: " + own).isEqualTo(1);
        assertThat(own.path("proposals").path("adopted").asInt()).as("旭川市's adoption is not 川崎市's to see").isZero();
        assertThat(own.path("proposals").path("declined").asInt()).isEqualTo(1);
        assertThat(own.findValuesAsText("code")).containsExactly("141305");

        assertThat(told()).as("integration events, in outbox order").containsSubsequence(
                "hyoka.platform jp.hyoka.component.version-published.v1",
                "hyoka.municipality.012041 jp.hyoka.component.proposal-raised.v1",
                "hyoka.municipality.012041 jp.hyoka.component.proposal-adopted.v1",
                "hyoka.municipality.141305 jp.hyoka.component.proposal-declined.v1")
                .contains("hyoka.municipality.141305 jp.hyoka.component.proposal-raised.v1");
    }

    /** Topic and type of each outbox row about components, in order. */
    private List<String> told() throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT topic || ' ' || type FROM integration_outbox WHERE type LIKE 'jp.hyoka.component.%' "
                             + "ORDER BY position")) {
            List<String> told = new java.util.ArrayList<>();
            while (rows.next()) {
                told.add(rows.getString(1));
            }
            return told;
        }
    }

    private static final String USAGE = """
            query($id: ID!) { sharedComponent(id: $id) { usedBy { totalCount documents municipalities
              proposals { pending adopted declined }
              byMunicipality(first: 10) { edges { node { municipality { code } adopted declined } } } } } }""";

    /** versionsConnection and usedBy.byVersionConnection, one row a page both ways, give the deprecated lists' rows. */
    private void assertVersionListsPageLikeTheirConnections() {
        JsonNode lists = operator.data("sharedComponent", """
                query($id: ID!) { sharedComponent(id: $id) { versions { number status }
                  usedBy { byVersion { version locked adapted detached } } } }""", Map.of("id", COMPONENT));
        List<String> versions = new ArrayList<>();
        lists.path("versions").forEach(version -> versions.add(version.toString()));
        List<String> byVersion = new ArrayList<>();
        lists.path("usedBy").path("byVersion").forEach(row -> byVersion.add(row.toString()));
        Function<Map<String, Object>, JsonNode> versionPage = paging -> componentPage(paging,
                "versionsConnection(first: $first, after: $after, last: $last, before: $before) { %s node { number status } } }")
                .path("versionsConnection");
        Function<Map<String, Object>, JsonNode> usagePage = paging -> componentPage(paging,
                "usedBy { byVersionConnection(first: $first, after: $after, last: $last, before: $before) { %s "
                        + "node { version locked adapted detached } } } }").path("usedBy").path("byVersionConnection");

        Paging.assertPagesLike(versions, versionPage, JsonNode::toString);
        Paging.assertPagesLike(byVersion, usagePage, JsonNode::toString);
    }

    /** The operator's sharedComponent query with {@code selection} (its %s: the page fields) and these paging variables. */
    private JsonNode componentPage(Map<String, Object> paging, String selection) {
        Map<String, Object> variables = new HashMap<>(paging);
        variables.put("id", COMPONENT);
        return operator.data("sharedComponent", """
                query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
                  sharedComponent(id: $id) { %s }
                }""".formatted(selection.formatted(
                "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges {")), variables);
    }

    private static JsonNode single(JsonNode connection) {
        assertThat(connection.path("edges").size()).as(connection.toString()).isEqualTo(1);
        return connection.path("edges").get(0).path("node");
    }
}
