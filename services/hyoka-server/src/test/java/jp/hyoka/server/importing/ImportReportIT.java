package jp.hyoka.server.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import report a person can act on (issue 23): per imported document, what was read and mapped, what was kept
 * aside and why, which 項目 paths name no item with their candidates by label, which sections were linked to shared
 * components — over GraphQL (Assessment.importReport) and as its printable page (ImportReport.html).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportReportIT extends SignedInServerTest {

    private static final String IMPORT = """
            mutation($name: String, $content: String!) {
              importDocument(input: {fileName: $name, contentBase64: $content}) {
                __typename
                ... on DocumentImported {
                  assessment { id }
                  report { rowsRead rowsMapped rowsWarned pastChanges itemPathsResolved }
                  linkedComponents { componentId version itemId }
                }
                ... on Problem { code message }
              }
            }""";
    private static final String PAST = """
            query($id: ID!) {
              assessment(id: $id) {
                pastChangesConnection(first: 10) { edges { node { changedOnText itemId before { text } } } }
              }
            }""";
    private static final String REPORT = """
            query($id: ID!, $after: String) {
              assessment(id: $id) {
                importReport {
                  source { sourceName rowsRead rowsMapped }
                  form pastChanges itemPathsResolved
                  keptAside { sourceLine label content reason }
                  unresolvedPaths(first: 2, after: $after) {
                    totalCount pageInfo { hasNextPage endCursor }
                    edges { node { pastChange { sourceLine itemPath } target note
                                   candidates { id number label score why } } }
                  }
                  linkedComponents { componentId version itemId }
                  html
                }
              }
            }""";

    @Test
    void givenSample004Imported_whenItsReportIsRead_thenItTellsWhatWasMappedKeptAsideAndLeftUnresolved() {
        JsonNode imported = importFile(callers.asahikawaEditor, Samples.KEY_ITEMS_004, Samples.bytes(Samples.KEY_ITEMS_004));
        String id = imported.path("assessment").path("id").asText();

        JsonNode report = report(callers.asahikawaEditor, id, null);

        JsonNode counts = imported.path("report");
        assertThat(report.path("form").asText()).isEqualTo("KEY_ITEMS@2025");
        assertThat(report.path("source").path("rowsRead").asInt()).isEqualTo(counts.path("rowsRead").asInt());
        assertThat(report.path("source").path("rowsMapped").asInt()).isEqualTo(counts.path("rowsMapped").asInt());
        assertThat(report.path("keptAside").size()).isEqualTo(counts.path("rowsWarned").asInt());
        assertThat(report.path("pastChanges").asInt()).isEqualTo(counts.path("pastChanges").asInt());
        assertThat(report.path("itemPathsResolved").asInt()).isEqualTo(counts.path("itemPathsResolved").asInt());
        assertThat(report.path("linkedComponents")).isEqualTo(imported.path("linkedComponents"));
        List<JsonNode> unresolved = allUnresolved(callers.asahikawaEditor, id);
        assertThat(unresolved).hasSize(report.path("pastChanges").asInt() - report.path("itemPathsResolved").asInt());
        JsonNode ambiguous = unresolved.stream().filter(path -> path.path("target").asText().equals("AMBIGUOUS"))
                .findFirst().orElseThrow(() -> new AssertionError("no ambiguous path in " + unresolved));
        assertThat(ambiguous.path("candidates").size()).isGreaterThan(1);
        assertThat(ambiguous.path("candidates").findValuesAsText("label")).contains("リスクに対する措置の内容");
        assertThat(ambiguous.path("candidates").findValuesAsText("number")).allMatch(number -> !number.isBlank());

        String html = report.path("html").asText();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("@page", "取り置いた内容", "リスクに対する措置の内容");
        unresolved.forEach(path -> assertThat(html).contains(
                String.valueOf(path.path("pastChange").path("sourceLine").asInt())));
        report.path("keptAside").findValuesAsText("reason").forEach(reason -> assertThat(html).contains(reason));
    }

    @Test
    void givenMarkupInTheFile_whenImportedAndTheReportPageIsRead_thenPlainCellsArePlainAndEveryTextIsEscaped() {
        String file = String.join("\n",
                "特定個人情報保護評価書(重点項目評価書)", "",
                "I 基本情報", "1. 特定個人情報ファイルを取り扱う事務",
                "①事務の名称\t報告の事務",
                "⑨存在しない項目\ta & b < c \"quoted\"", "",
                "(別添2) 変更箇所", "",
                "変更日\t項目\t変更前の記載\t変更後の記載\t提出時期\t提出時期に係る説明",
                "令和6年4月1日\t謎 & <不明な項目>\t旧\t新\t事後\t軽微な修正",
                "<p>令和6年4月2日</p>\tI 基本情報 1. ①事務の名称\t<p>旧の名称</p>\t<p>報告の事務</p>\t事後\t軽微な修正",
                "令和6年4月3日\tI 基本情報 1. ②事務の内容\t<p>旧の内容</p>\t<p>新の内容</p>\t事後\t軽微な修正");
        JsonNode imported = importFile(callers.kawasakiEditor, "markup.txt", file.getBytes(StandardCharsets.UTF_8));

        String id = imported.path("assessment").path("id").asText();
        JsonNode report = report(callers.kawasakiEditor, id, null);

        assertThat(report.path("keptAside").findValuesAsText("content")).contains("a & b < c \"quoted\"");
        assertThat(report.path("unresolvedPaths").path("edges").findValuesAsText("itemPath"))
                .containsExactly("謎 & <不明な項目>");
        JsonNode past = callers.kawasakiEditor.data("assessment", PAST, Map.of("id", id))
                .path("pastChangesConnection").path("edges");
        assertThat(past.findValuesAsText("changedOnText")).containsExactly("令和6年4月1日", "令和6年4月2日", "令和6年4月3日");
        assertThat(past.findValuesAsText("itemId")).containsExactly("null", "affair.name", "affair.description");
        assertThat(past.findValues("before")).extracting(before -> before.path("text").asText())
                .containsExactly("旧", "旧の名称", "<p>旧の内容</p>");
        assertThat(report.path("html").asText())
                .contains("a &amp; b &lt; c &quot;quoted&quot;", "謎 &amp; &lt;不明な項目&gt;", "UNKNOWN_LABEL")
                .doesNotContain("<不明な項目>", "b < c");
    }

    @Test
    void givenAnotherMunicipalitysImport_whenItsReportIsAskedForFromHere_thenNothingIsSeen() {
        JsonNode imported = importFile(callers.asahikawaEditor, Samples.KEY_ITEMS_003, Samples.bytes(Samples.KEY_ITEMS_003));
        String id = imported.path("assessment").path("id").asText();

        GraphQlClient.Response seen = callers.kawasakiEditor.execute(REPORT, Map.of("id", id));

        assertThat(seen.body().path("data").path("assessment").isNull()).as(seen.body().toString()).isTrue();
        assertThat(seen.body().toString()).doesNotContain("html", "<!DOCTYPE");
        assertThat(report(callers.asahikawaEditor, id, null).path("html").asText()).contains("<!DOCTYPE html>");
    }

    /** Every unresolved path, two a page, following the cursors. */
    private List<JsonNode> allUnresolved(GraphQlClient client, String id) {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = report(client, id, after).path("unresolvedPaths");
            page.path("edges").forEach(edge -> all.add(edge.path("node")));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);
        return all;
    }

    private static JsonNode report(GraphQlClient client, String id, String after) {
        java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
        variables.put("id", id);
        variables.put("after", after);
        return client.data("assessment", REPORT, variables).path("importReport");
    }

    private static JsonNode importFile(GraphQlClient client, String name, byte[] content) {
        JsonNode imported = client.data("importDocument", IMPORT,
                Map.of("name", name, "content", Base64.getEncoder().encodeToString(content)));
        assertThat(imported.path("__typename").asText()).as(imported.toString()).isEqualTo("DocumentImported");
        return imported;
    }
}
