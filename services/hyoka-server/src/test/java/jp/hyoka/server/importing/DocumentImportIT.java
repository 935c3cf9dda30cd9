package jp.hyoka.server.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality takes its published 評価書 over as assessments: answers, repeat entries, what could not be mapped,
 * and the 変更箇所 as the past, in one import that can be repeated safely. Each test imports into its own
 * municipality or its own file, because an import is identified by municipality and content.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentImportIT extends SignedInServerTest {

    /** The import with its whole report; {@code PublishedDocumentImportIT} sends it too. */
    static final String IMPORT = """
            mutation($name: String, $content: String!, $kind: FormKind, $affair: String) {
              importDocument(input: {fileName: $name, contentBase64: $content, kind: $kind, affairName: $affair}) {
                __typename
                ... on DocumentImported {
                  revision assessment { id affairName form { kind version } }
                  report { form rowsRead rowsMapped rowsWarned answers repeatEntries pastChanges itemPathsResolved
                           encoding alreadyImported warnings { code line message } }
                }
                ... on Problem { code message }
              }
            }""";
    private static final String IMPORTED = """
            query($id: ID!) {
              assessment(id: $id) {
                revision
                answers { item { itemId } entries { label } value { __typename ... on TextValue { text }
                          ... on RichTextValue { html } ... on ChoiceValue { code } ... on DateValue { date } } }
                repeatEntries { group { groupId } label }
                unmappedContent { sourceLine label content reason itemId }
                importedFrom { sourceName contentHash rowsRead rowsMapped importedBy { userId } }
                pastChanges { sourceLine }
                history(first: 100) { edges { node { event actor { userId } } } }
              }
            }""";

    @Inject
    DataSource dataSource;

    @Test
    void givenSample004_whenAsahikawaImportsIt_thenItIsAnAssessmentWithAnswersEntriesAndPast() {
        JsonNode imported = importAs(callers.asahikawaEditor, Samples.KEY_ITEMS_004, null, null);

        assertThat(imported.path("__typename").asText()).as(imported.toString()).isEqualTo("DocumentImported");
        JsonNode report = imported.path("report");
        assertThat(report.path("form").asText()).isEqualTo("KEY_ITEMS@2025");
        assertThat(report.path("rowsRead").asInt()).isGreaterThan(200);
        assertThat(report.path("rowsMapped").asInt() + report.path("rowsWarned").asInt())
                .isGreaterThanOrEqualTo(report.path("rowsRead").asInt());
        assertThat(report.path("pastChanges").asInt()).isGreaterThan(50);
        assertThat(report.path("alreadyImported").asBoolean()).isFalse();
        assertThat(report.findValuesAsText("code")).doesNotContain("MUNICIPALITY_MISMATCH");
        assertThat(imported.path("assessment").path("affairName").asText()).isEqualTo("介護保険関係事務");

        JsonNode assessment = callers.asahikawaEditor.data("assessment", IMPORTED,
                Map.of("id", imported.path("assessment").path("id").asText()));
        assertThat(assessment.path("revision").asInt()).isEqualTo(imported.path("revision").asInt());
        assertThat(assessment.path("answers").size()).isEqualTo(report.path("answers").asInt());
        assertThat(text(assessment, "cover.organisation")).isEqualTo("旭川市長");
        assertThat(assessment.path("repeatEntries").findValuesAsText("label"))
                .contains("システム6", "委託事項3").doesNotContain("システム7", "委託事項4");
        assertThat(assessment.path("pastChanges").size()).isEqualTo(report.path("pastChanges").asInt());
        assertThat(assessment.path("importedFrom").path("sourceName").asText()).isEqualTo(Samples.KEY_ITEMS_004);
        assertThat(assessment.path("importedFrom").path("importedBy").path("userId").asText()).isEqualTo("a-editor");
        List<String> firstEvents = assessment.path("history").path("edges").findValuesAsText("event");
        assertThat(firstEvents.get(0)).isEqualTo("AssessmentStarted");
        assertThat(firstEvents).contains("RepeatEntryAdded", "ItemAnswered");
        assertThat(assessment.path("history").path("edges").findValuesAsText("userId")).containsOnly("a-editor");
    }

    @Test
    void givenAFileImportedBefore_whenImportedAgain_thenTheSameAssessmentIsNamedAndNothingIsAdded() {
        byte[] content = Samples.bytes(Samples.KEY_ITEMS_003);
        JsonNode first = importBytes(callers.kawasakiEditor, "003.txt", content, null, null);

        JsonNode again = importBytes(callers.kawasakiEditor, "003-again.txt", content, null, null);

        assertThat(again.path("report").path("alreadyImported").asBoolean()).isTrue();
        assertThat(again.path("assessment").path("id").asText()).isEqualTo(first.path("assessment").path("id").asText());
        assertThat(again.path("revision").asInt()).isEqualTo(first.path("revision").asInt());
        assertThat(first.path("report").path("form").asText()).isEqualTo("KEY_ITEMS@2024");
        assertThat(first.path("report").findValuesAsText("code")).contains("MUNICIPALITY_MISMATCH");
    }

    @Test
    void givenAnAnnexOnlyFile_whenImportedWithoutKind_thenRefused_andWithKindItBecomesTheAssessmentsPast() {
        JsonNode refused = importAs(callers.kawasakiEditor2, Samples.ANNEX_ONLY_001, null, null);
        assertThat(refused.path("code").asText()).isEqualTo("KIND_REQUIRED");

        JsonNode imported = importAs(callers.kawasakiEditor2, Samples.ANNEX_ONLY_001, "KEY_ITEMS", "国民健康保険に関する事務");

        assertThat(imported.path("__typename").asText()).as(imported.toString()).isEqualTo("DocumentImported");
        assertThat(imported.path("report").path("pastChanges").asInt()).isEqualTo(137);
        assertThat(imported.path("report").path("answers").asInt()).isZero();
        assertThat(imported.path("assessment").path("affairName").asText()).isEqualTo("国民健康保険に関する事務");
    }

    @Test
    void givenUnmappableRowsAndScripts_whenImported_thenRowsAreKeptVerbatimWithWarningsAndScriptsNeverStored() {
        String file = String.join("\n",
                "特定個人情報保護評価書(重点項目評価書)", "",
                "評価実施機関名", "川崎市長", "",
                "I 基本情報", "1. 特定個人情報ファイルを取り扱う事務",
                "①事務の名称\tテスト事務",
                "②事務の内容\t<p onclick=\"steal()\">内容</p><script>alert(1)</script><a href=\"javascript:x()\">リンク</a>",
                "⑨存在しない項目\t何かの値",
                "③対象人数\t[存在しない選択肢]");

        JsonNode imported = importBytes(callers.kawasakiEditor, "script.txt", file.getBytes(StandardCharsets.UTF_8),
                null, null);

        JsonNode assessment = callers.kawasakiEditor.data("assessment", IMPORTED,
                Map.of("id", imported.path("assessment").path("id").asText()));
        String html = assessment.path("answers").findValues("html").get(0).asText();
        assertThat(html).contains("内容").doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript");
        JsonNode unmapped = assessment.path("unmappedContent");
        assertThat(unmapped.findValuesAsText("reason")).containsExactlyInAnyOrder("UNKNOWN_LABEL", "INVALID_VALUE");
        assertThat(unmapped.findValuesAsText("content")).contains("何かの値");
        assertThat(unmapped.findValuesAsText("sourceLine")).contains("10", "11");
        assertThat(imported.path("report").path("warnings").findValuesAsText("line")).contains("10", "11");
        assertThat(imported.path("report").path("rowsWarned").asInt()).isEqualTo(2);
    }

    @Test
    void givenBadFiles_whenImported_thenEachIsRefusedWithItsReasonAndNothingIsStored() throws SQLException {
        long events = ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry");
        List<String> listed = listed(callers.asahikawaEditor);

        assertThat(importBytes(callers.asahikawaEditor, "x.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13},
                null, null).path("code").asText()).isEqualTo("BINARY_FILE");
        assertThat(importBytes(callers.asahikawaEditor, "empty.txt", new byte[0], null, null).path("code").asText())
                .isEqualTo("EMPTY_FILE");
        assertThat(importBytes(callers.asahikawaEditor, "plain.txt", "ただのメモ\n".getBytes(StandardCharsets.UTF_8),
                null, null).path("code").asText()).isEqualTo("NOTHING_TO_IMPORT");
        GraphQlClient.Response unregistered = callers.unregisteredMunicipality.execute(IMPORT, Map.of("name", "004.txt",
                "content", Base64.getEncoder().encodeToString(Samples.bytes(Samples.KEY_ITEMS_004))));
        assertThat(unregistered.errors().findValuesAsText("code")).as(unregistered.body().toString())
                .containsExactly("UNAUTHENTICATED");

        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry"))
                .as("events in the event store").isEqualTo(events);
        assertThat(listed(callers.asahikawaEditor)).isEqualTo(listed);
    }

    @Test
    void givenAnotherMunicipalitysImport_whenReadByIdFromHere_thenItIsNotFound() {
        JsonNode imported = importAs(callers.asahikawaEditor, Samples.ALL_ITEMS_000, null, null);
        String id = imported.path("assessment").path("id").asText();

        JsonNode seen = callers.kawasakiEditor.data("assessment", IMPORTED, Map.of("id", id));

        assertThat(seen.isNull() || seen.isMissingNode()).as(String.valueOf(seen)).isTrue();
        assertThat(imported.path("report").findValuesAsText("code")).contains("MUNICIPALITY_MISMATCH");
    }

    /** The ids of the caller's municipality's assessments, as its list shows them. */
    private static List<String> listed(GraphQlClient client) {
        return client.data("assessments", Operations.LIST, Map.of("first", 100)).findValuesAsText("id");
    }

    private JsonNode importAs(GraphQlClient client, String sample, String kind, String affair) {
        return importBytes(client, sample, Samples.bytes(sample), kind, affair);
    }

    private JsonNode importBytes(GraphQlClient client, String name, byte[] content, String kind, String affair) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", name);
        variables.put("content", Base64.getEncoder().encodeToString(content));
        variables.put("kind", kind);
        variables.put("affair", affair);
        return client.data("importDocument", IMPORT, variables);
    }

    private static String text(JsonNode assessment, String itemId) {
        for (JsonNode answer : assessment.path("answers")) {
            if (answer.path("item").path("itemId").asText().equals(itemId)) {
                return answer.path("value").path("text").asText();
            }
        }
        return null;
    }
}
