package jp.hyoka.server.components;

import jp.hyoka.server.assessment.AssessmentIds;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.assessment.command.DeclineComponentProposal;
import jp.hyoka.domain.assessment.command.InsertComponent;
import jp.hyoka.domain.components.Brackets;
import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage view and the dry run end to end: 川崎市 and 旭川市 use <中間サーバー・プラットフォームにおける措置> in their
 * 重点項目評価書 (保管場所, II 6) — 川崎市 locked in one document and adapted (its own wording of point ③) in two
 * others (one printing (1) and another system name), 旭川市 adapted (its own wording of point ①) in one and detached in
 * another. The operator sees both municipalities' counts; each municipality's callers see only their own; the dry run
 * of a drafted v2 that rewrites point ① finds 川崎市's adapted uses merging cleanly (each against v1 as it prints it)
 * and 旭川市's conflicting, and answers counts only.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComponentUsageIT extends SignedInServerTest {

    private static final String COMPONENT = "intermediate-server-platform.usage-view";
    private static final String PUBLISHED = "intermediate-server-platform.fan-out";
    private static final String POINT_1 = "中間サーバー・プラットフォームをデータセンターに構築し、設置場所への入退室者管理、"
            + "有人監視及び施錠管理をすることとしている。";
    private static final String POINT_3 = "{{system-name}}との連携は専用回線で行う。";
    private static final String V1 = "<p>{{[}}中間サーバー・プラットフォームにおける措置{{]}}</p><p>{{#}}" + POINT_1
            + "</p><p>{{#}}特定個人情報は、サーバー室に設置された中間サーバーのデータベース内に保存される。</p><p>{{#}}"
            + POINT_3 + "</p>";
    private static final String V2 = V1.replace(POINT_1, "中間サーバー・プラットフォームは、ISMAPに登録されたクラウド"
            + "サービス事業者が保有・管理する環境に構築する。");
    private static final String KAWASAKI_WORDING = "専用回線で行い、通信は暗号化する。";
    private static final String ASAHIKAWA_WORDING = "有人監視及び施錠管理を旭川市の委託先が行う。";
    private static final Map<String, String> SLOTS = Map.of("system-name", "住民記録システム");

    private static final String USED_BY = """
            query($id: ID!, $first: Int, $after: String) { sharedComponent(id: $id) { usedBy {
                totalCount documents municipalities byVersion { version locked adapted detached }
                proposals { pending deferred adopted declined superseded }
                byMunicipality(first: $first, after: $after) {
                  edges { cursor node { municipality { code name } documents locked adapted detached pending deferred
                                        adopted declined } }
                  pageInfo { hasNextPage endCursor } } }
              versions { number fanOut { proposals documents municipalities raisedAt } } } }""";
    private static final String IMPACT = """
            query($id: ID!, $version: Int!) { componentImpact(componentId: $id, version: $version) {
                __typename
                ... on ComponentImpact { componentId version status proposals documents municipalities locked
                    cleanMerges conflicts byMunicipality { municipality { code name } documents proposals locked
                    cleanMerges conflicts } }
                ... on ComponentVersionNotFound { version }
                ... on Problem { code message } } }""";

    @Inject
    AssessmentCommands commands;
    @Inject
    SharedComponentQueries catalogue;

    private GraphQlClient operator;
    private GraphQlClient asahikawaAuditor;

    @BeforeAll
    void twoMunicipalitiesUseTheComponent() {
        operator = new GraphQlClient(server.getURI(), issuer.issue("op-u", "運営 二郎", null, List.of("platform-operator")));
        asahikawaAuditor = new GraphQlClient(server.getURI(),
                issuer.issue("a-auditor", "旭川 監査", Callers.ASAHIKAWA, List.of("auditor")));
        publish(COMPONENT, 1, V1);
        insert(callers.kawasakiEditor, Callers.KAWASAKI, COMPONENT, ComponentUseMode.LOCKED, null);
        insert(callers.kawasakiEditor, Callers.KAWASAKI, COMPONENT, ComponentUseMode.ADAPTED,
                text -> text.replace("専用回線で行う。", KAWASAKI_WORDING));
        insert(callers.kawasakiEditor, Callers.KAWASAKI, COMPONENT, ComponentUseMode.ADAPTED,
                Map.of("system-name", "税務システム"), new RenderingOptions(Numbering.PARENTHESISED, Brackets.FULL_WIDTH),
                text -> text.replace("専用回線で行う。", KAWASAKI_WORDING));
        insert(callers.asahikawaEditor, Callers.ASAHIKAWA, COMPONENT, ComponentUseMode.ADAPTED,
                text -> text.replace("有人監視及び施錠管理をすることとしている。", ASAHIKAWA_WORDING));
        insert(callers.asahikawaEditor, Callers.ASAHIKAWA, COMPONENT, ComponentUseMode.DETACHED, null);
        draft(COMPONENT, 2, V2);
    }

    @Test
    void givenTwoMunicipalities_whenTheOperatorReadsUsedBy_thenBothWithTheirModesAndCountsOnly() {
        JsonNode component = operator.data("sharedComponent", USED_BY, Map.of("id", COMPONENT, "first", 10));
        JsonNode usedBy = component.path("usedBy");

        assertThat(usedBy.path("totalCount").asInt()).as(usedBy.toString()).isEqualTo(5);
        assertThat(usedBy.path("documents").asInt()).isEqualTo(5);
        assertThat(usedBy.path("municipalities").asInt()).isEqualTo(2);
        assertThat(usedBy.path("byVersion").toString())
                .isEqualTo("[{\"version\":1,\"locked\":1,\"adapted\":3,\"detached\":1}]");
        assertThat(usedBy.path("proposals").path("pending").asInt()).isZero();
        JsonNode rows = usedBy.path("byMunicipality").path("edges");
        assertThat(rows.findValuesAsText("code")).containsExactly("012041", "141305");
        assertThat(rows.findValuesAsText("name")).containsExactly("旭川市", "川崎市");
        assertThat(counts(rows.get(0).path("node"))).isEqualTo("documents=2 locked=0 adapted=1 detached=1");
        assertThat(counts(rows.get(1).path("node"))).isEqualTo("documents=3 locked=1 adapted=2 detached=0");
        assertThat(component.path("versions").get(0).path("fanOut").path("proposals").asInt())
                .as("v1 raised nothing: nobody was on an older version").isZero();
        assertThat(component.path("versions").get(1).path("fanOut").isNull()).as("v2 is a draft").isTrue();
        assertThat(component.toString()).doesNotContain("専用回線").doesNotContain("有人監視");

        JsonNode first = operator.data("sharedComponent", USED_BY, Map.of("id", COMPONENT, "first", 1))
                .path("usedBy").path("byMunicipality");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode second = operator.data("sharedComponent", USED_BY, Map.of("id", COMPONENT, "first", 1,
                "after", first.path("pageInfo").path("endCursor").asText())).path("usedBy").path("byMunicipality");
        assertThat(second.findValuesAsText("code")).containsExactly("141305");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void givenAMunicipality_whenItsCallersReadUsedBy_thenOnlyTheirOwnUsesAndNoFanOut() {
        JsonNode kawasaki = callers.kawasakiEditor.data("sharedComponent", USED_BY, Map.of("id", COMPONENT));
        JsonNode kawasakiAuditor = callers.kawasakiReader.data("sharedComponent", USED_BY, Map.of("id", COMPONENT));
        JsonNode asahikawa = callers.asahikawaEditor.data("sharedComponent", USED_BY, Map.of("id", COMPONENT));
        JsonNode asahikawaAudit = asahikawaAuditor.data("sharedComponent", USED_BY, Map.of("id", COMPONENT));

        assertThat(kawasaki.path("usedBy").path("totalCount").asInt()).as(kawasaki.toString()).isEqualTo(3);
        assertThat(kawasaki.path("usedBy").path("municipalities").asInt()).isEqualTo(1);
        assertThat(kawasaki.path("usedBy").path("byVersion").toString())
                .isEqualTo("[{\"version\":1,\"locked\":1,\"adapted\":2,\"detached\":0}]");
        assertThat(kawasaki.findValuesAsText("code")).containsExactly("141305");
        assertThat(kawasakiAuditor.path("usedBy")).as("an auditor sees what its municipality's editors see")
                .isEqualTo(kawasaki.path("usedBy"));
        assertThat(asahikawa.path("usedBy").path("totalCount").asInt()).isEqualTo(2);
        assertThat(asahikawa.findValuesAsText("code")).containsExactly("012041");
        assertThat(counts(asahikawa.path("usedBy").path("byMunicipality").path("edges").get(0).path("node")))
                .isEqualTo("documents=2 locked=0 adapted=1 detached=1");
        assertThat(asahikawaAudit.path("usedBy")).isEqualTo(asahikawa.path("usedBy"));
        assertThat(kawasaki.path("versions").get(0).path("fanOut").isNull()).as("platform-wide counts").isTrue();
    }

    @Test
    void givenADraftedVersion_whenTheOperatorRunsTheImpact_thenLockedAreCleanAndAdaptedMergeOrConflict() {
        JsonNode impact = operator.data("componentImpact", IMPACT, Map.of("id", COMPONENT, "version", 2));

        assertThat(impact.path("__typename").asText()).as(impact.toString()).isEqualTo("ComponentImpact");
        assertThat(impact.path("status").asText()).isEqualTo("DRAFT");
        assertThat(impact.path("proposals").asInt()).as("the detached use receives none").isEqualTo(4);
        assertThat(impact.path("documents").asInt()).isEqualTo(4);
        assertThat(impact.path("municipalities").asInt()).isEqualTo(2);
        assertThat(impact.path("locked").asInt()).isEqualTo(1);
        assertThat(impact.path("cleanMerges").asInt()).as("川崎市 changed point ③ only, in either style").isEqualTo(2);
        assertThat(impact.path("conflicts").asInt()).as("旭川市 changed point ①, as v2 does").isEqualTo(1);
        JsonNode asahikawa = impact.path("byMunicipality").get(0);
        JsonNode kawasaki = impact.path("byMunicipality").get(1);
        assertThat(asahikawa.path("municipality").path("name").asText()).isEqualTo("旭川市");
        assertThat(asahikawa.path("conflicts").asInt()).isEqualTo(1);
        assertThat(asahikawa.path("cleanMerges").asInt()).isZero();
        assertThat(kawasaki.path("municipality").path("code").asText()).isEqualTo("141305");
        assertThat(kawasaki.path("proposals").asInt()).isEqualTo(3);
        assertThat(kawasaki.path("documents").asInt()).isEqualTo(3);
        assertThat(kawasaki.path("cleanMerges").asInt()).isEqualTo(2);
        assertThat(impact.toString()).as("counts only").doesNotContain("旭川市の委託先").doesNotContain("暗号化");

        JsonNode first = operator.data("componentImpact", IMPACT, Map.of("id", COMPONENT, "version", 1));
        assertThat(first.path("proposals").asInt()).as("nothing is older than v1").isZero();
        assertThat(first.path("byMunicipality").size()).isZero();
    }

    @Test
    void givenNoSuchComponentOrVersion_whenTheImpactIsAsked_thenProblemsAsData() {
        JsonNode component = operator.data("componentImpact", IMPACT, Map.of("id", "no-such.component", "version", 1));
        JsonNode malformed = operator.data("componentImpact", IMPACT, Map.of("id", "Not An Id", "version", 1));
        JsonNode version = operator.data("componentImpact", IMPACT, Map.of("id", COMPONENT, "version", 9));

        assertThat(component.path("__typename").asText()).isEqualTo("ComponentNotFound");
        assertThat(malformed.path("code").asText()).isEqualTo("COMPONENT_NOT_FOUND");
        assertThat(version.path("__typename").asText()).isEqualTo("ComponentVersionNotFound");
        assertThat(version.path("version").asInt()).isEqualTo(9);
    }

    @Test
    void givenAMunicipalCaller_whenAskingTheImpact_thenForbidden() {
        for (GraphQlClient caller : List.of(callers.kawasakiEditor, callers.kawasakiReader, asahikawaAuditor)) {
            GraphQlClient.Response response = caller.execute(IMPACT, Map.of("id", COMPONENT, "version", 2));
            assertThat(response.errors().findValuesAsText("code")).containsExactly("FORBIDDEN");
            assertThat(response.data().hasNonNull("componentImpact")).isFalse();
        }
    }

    @Test
    void givenAPublication_whenOneMunicipalityDeclines_thenFanOutAndProposalCountsPerViewer() {
        publish(PUBLISHED, 1, V1);
        Inserted locked = insert(callers.kawasakiEditor, Callers.KAWASAKI, PUBLISHED, ComponentUseMode.LOCKED, null);
        Inserted adapted = insert(callers.asahikawaEditor, Callers.ASAHIKAWA, PUBLISHED, ComponentUseMode.ADAPTED,
                text -> text.replace("専用回線で行う。", KAWASAKI_WORDING));
        draft(PUBLISHED, 2, V2);
        JsonNode before = operator.data("componentImpact", IMPACT, Map.of("id", PUBLISHED, "version", 2));
        submitAndPublish(PUBLISHED, 2);
        EditOutcome declined = commands.send(adapted.caller(), new DeclineComponentProposal(adapted.assessment(),
                Callers.ASAHIKAWA, adapted.revision(), adapted.useId(), published(PUBLISHED, 2), "独自の記載を維持する",
                adapted.caller().actor(), commands.now()), Long.class::cast);

        assertThat(before.path("proposals").asInt()).as(before.toString()).isEqualTo(2);
        assertThat(before.path("cleanMerges").asInt()).isEqualTo(1);
        assertThat(declined).as(declined.toString()).isInstanceOf(EditOutcome.Edited.class);
        JsonNode all = operator.data("sharedComponent", USED_BY, Map.of("id", PUBLISHED));
        assertThat(all.path("usedBy").path("proposals").toString()).isEqualTo(
                "{\"pending\":1,\"deferred\":0,\"adopted\":0,\"declined\":1,\"superseded\":0}");
        JsonNode fanOut = all.path("versions").get(1).path("fanOut");
        assertThat(fanOut.path("proposals").asInt()).as(all.toString()).isEqualTo(2);
        assertThat(fanOut.path("documents").asInt()).isEqualTo(2);
        assertThat(fanOut.path("municipalities").asInt()).isEqualTo(2);
        assertThat(fanOut.path("raisedAt").asText()).isNotEmpty();
        JsonNode rows = all.path("usedBy").path("byMunicipality").path("edges");
        assertThat(rows.get(0).path("node").path("declined").asInt()).as("旭川市").isEqualTo(1);
        assertThat(rows.get(1).path("node").path("pending").asInt()).as("川崎市").isEqualTo(1);
        JsonNode kawasaki = callers.kawasakiEditor.data("sharedComponent", USED_BY, Map.of("id", PUBLISHED));
        assertThat(kawasaki.path("usedBy").path("proposals").toString()).isEqualTo(
                "{\"pending\":1,\"deferred\":0,\"adopted\":0,\"declined\":0,\"superseded\":0}");
        JsonNode asahikawa = callers.asahikawaEditor.data("sharedComponent", USED_BY, Map.of("id", PUBLISHED));
        assertThat(asahikawa.path("usedBy").path("proposals").path("declined").asInt()).isEqualTo(1);
        assertThat(asahikawa.path("usedBy").path("proposals").path("pending").asInt()).isZero();
        String byVersion = "query($id: ID!, $version: Int) { sharedComponent(id: $id) { usedBy { "
                + "byMunicipality(version: $version) { edges { node { municipality { code } locked adapted pending "
                + "declined } } } } } }";
        JsonNode onV1 = operator.data("sharedComponent", byVersion, Map.of("id", PUBLISHED, "version", 1))
                .path("usedBy").path("byMunicipality").path("edges");
        JsonNode ofV2 = operator.data("sharedComponent", byVersion, Map.of("id", PUBLISHED, "version", 2))
                .path("usedBy").path("byMunicipality").path("edges");
        assertThat(onV1.toString()).as("both uses are still on v1; nothing proposes v1").isEqualTo("["
                + "{\"node\":{\"municipality\":{\"code\":\"012041\"},\"locked\":0,\"adapted\":1,\"pending\":0,\"declined\":0}},"
                + "{\"node\":{\"municipality\":{\"code\":\"141305\"},\"locked\":1,\"adapted\":0,\"pending\":0,\"declined\":0}}]");
        assertThat(ofV2.toString()).as("nobody is on v2 yet; its proposals").isEqualTo("["
                + "{\"node\":{\"municipality\":{\"code\":\"012041\"},\"locked\":0,\"adapted\":0,\"pending\":0,\"declined\":1}},"
                + "{\"node\":{\"municipality\":{\"code\":\"141305\"},\"locked\":0,\"adapted\":0,\"pending\":1,\"declined\":0}}]");
        assertThat(locked.useId()).isNotEqualTo(adapted.useId());
    }

    private static String counts(JsonNode row) {
        return "documents=" + row.path("documents").asInt() + " locked=" + row.path("locked").asInt()
                + " adapted=" + row.path("adapted").asInt() + " detached=" + row.path("detached").asInt();
    }

    private record Inserted(Caller caller, AssessmentId assessment, String useId, long revision) {
    }

    /** A new 重点項目評価書 with one ファイル whose 保管場所 holds the component's v1 (adapted: {@code adapt} of it). */
    private Inserted insert(GraphQlClient editor, MunicipalityCode tenant, String componentId, ComponentUseMode mode,
                            UnaryOperator<String> adapt) {
        return insert(editor, tenant, componentId, mode, SLOTS, null, adapt);
    }

    /** The same with the document's own slot values and printing style (null: the version's). */
    private Inserted insert(GraphQlClient editor, MunicipalityCode tenant, String componentId, ComponentUseMode mode,
                            Map<String, String> slots, RenderingOptions rendering, UnaryOperator<String> adapt) {
        JsonNode started = editor.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS",
                "name", "住民基本台帳に関する事務"));
        String id = started.path("assessment").path("id").asText();
        JsonNode entry = editor.data("addRepeatEntry", """
                mutation($id: ID!) { addRepeatEntry(input: {assessmentId: $id, expectedRevision: 1, groupId: "file"}) {
                  __typename ... on AssessmentEdited { revision addedEntryId } ... on Problem { code message } } }""",
                Map.of("id", id));
        assertThat(entry.path("__typename").asText()).as(entry.toString()).isEqualTo("AssessmentEdited");
        PublishedComponent v1 = published(componentId, 1);
        String adapted = adapt == null ? null : adapt.apply(ComponentText.render(v1.version(), slots, rendering));
        Caller caller = new Caller(tenant, new Actor("usage-" + tenant.value(), "編集者"), Set.of("editor"));
        String useId = UUID.randomUUID().toString();
        AssessmentId assessment = AssessmentIds.parse(id).orElseThrow();
        EditOutcome outcome = commands.send(caller, new InsertComponent(assessment, tenant,
                entry.path("revision").asLong(), useId, new ItemId("file.storage.location"),
                List.of(entry.path("addedEntryId").asText()), v1, mode, slots, rendering, adapted, false, "共通記載の挿入",
                caller.actor(), commands.now()), Long.class::cast);
        assertThat(outcome).as(outcome.toString()).isInstanceOf(EditOutcome.Edited.class);
        return new Inserted(caller, assessment, useId, ((EditOutcome.Edited) outcome).revision());
    }

    private PublishedComponent published(String componentId, int version) {
        return PublishedComponent.of(catalogue.find(componentId).orElseThrow(), version).orElseThrow();
    }

    private void publish(String componentId, int version, String text) {
        JsonNode registered = operator.data("registerSharedComponent", """
                mutation($id: ID!) { registerSharedComponent(input: {componentId: $id,
                    family: "intermediate-server-platform", name: "中間サーバー・プラットフォームにおける措置 (保管場所)",
                    issuer: "J-LIS", fits: [{kind: KEY_ITEMS, version: "2025", itemId: "file.storage.location"}]}) {
                  __typename ... on Problem { code message } } }""", Map.of("id", componentId));
        assertThat(registered.path("__typename").asText()).as(registered.toString()).isEqualTo("SharedComponentChanged");
        draft(componentId, version, text);
        submitAndPublish(componentId, version);
    }

    private void draft(String componentId, int version, String text) {
        JsonNode drafted = operator.data("draftComponentVersion", """
                mutation($id: ID!, $version: Int!, $text: String!) {
                  draftComponentVersion(input: {componentId: $id, version: $version, text: $text,
                      effectiveFrom: "2025-04-01", note: "J-LISからの通知", timing: BEFORE,
                      explanation: "中間サーバー・プラットフォームの更改に伴う変更",
                      slots: [{name: "system-name", label: "連携する既存システムの名称"}]}) {
                    __typename ... on Problem { code message } } }""",
                Map.of("id", componentId, "version", version, "text", text));
        assertThat(drafted.path("__typename").asText()).as(drafted.toString()).isEqualTo("SharedComponentChanged");
    }

    private void submitAndPublish(String componentId, int version) {
        for (String step : List.of("submitComponentVersion", "publishComponentVersion")) {
            JsonNode result = operator.data(step, "mutation($id: ID!, $version: Int!) { " + step
                    + "(input: {componentId: $id, version: $version}) { __typename ... on Problem { code message } } }",
                    Map.of("id", componentId, "version", version));
            assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("SharedComponentChanged");
        }
    }
}
