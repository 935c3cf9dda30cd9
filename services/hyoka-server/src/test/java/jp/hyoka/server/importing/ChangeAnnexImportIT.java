package jp.hyoka.server.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.hyoka.server.support.FormOperations.START_ON;
import static org.assertj.core.api.Assertions.assertThat;

/** A municipality takes the 変更箇所 of its published documents over as an assessment's past. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeAnnexImportIT extends SignedInServerTest {

    private static final Path SAMPLES = Path.of("../../schema/src/test/resources/samples");
    private static final String IMPORT = """
            mutation($id: ID!, $rev: Int!, $name: String, $content: String!) {
              importChangeAnnex(input: {assessmentId: $id, expectedRevision: $rev, fileName: $name, contentBase64: $content}) {
                __typename
                ... on ChangeAnnexImported { revision report { rowsRead rowsImported itemPathsResolved encoding alreadyImported
                                                               warnings { code line message candidates { id score why } } } }
                ... on Problem { code message }
              }
            }""";
    private static final String PAST = """
            query($id: ID!) {
              assessment(id: $id) {
                revision
                pastChanges { sourceLine changedOn changedOnText itemPath itemId before { kind text } after { kind text }
                              timing explanation reasonCode importedBy { userId } }
                history(first: 100) { edges { node { event actor { userId } } } }
              }
            }""";

    private static final String PAGE = """
            query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
              assessment(id: $id) {
                pastChangesConnection(first: $first, after: $after, last: $last, before: $before) {
                  totalCount
                  edges { cursor node { id sourceLine } }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                }
              }
            }""";

    private String id;

    @BeforeEach
    void startAssessment() {
        id = callers.kawasakiEditor.data("startAssessment", START_ON, Map.of("kind", "KEY_ITEMS", "name", "国民健康保険"))
                .path("assessment").path("id").asText();
    }

    @Test
    void givenTheAnnexOfSumida_whenImported_thenAll137RowsAreThePastAsWrittenAndTheImportIsInTheHistory() throws IOException {
        JsonNode imported = importFile(1, read("001_69f4873ac9f3f0f9.txt"));

        assertThat(imported.path("__typename").asText()).as(imported.toString()).isEqualTo("ChangeAnnexImported");
        assertThat(imported.path("report").path("rowsImported").asInt()).isEqualTo(137);
        assertThat(imported.path("report").path("encoding").asText()).isEqualTo("UTF-8");
        int resolved = imported.path("report").path("itemPathsResolved").asInt();
        System.out.println("sample 001: " + resolved + " of 137 項目 paths resolved on KEY_ITEMS@2025");
        assertThat(resolved).as("rows resolved to an item; the other 4 name a whole 委託事項 or file")
                .isGreaterThanOrEqualTo(133);
        JsonNode assessment = callers.kawasakiEditor.data("assessment", PAST, Map.of("id", id));
        JsonNode past = assessment.path("pastChanges");
        assertThat(past.size()).isEqualTo(137);
        assertThat(past.get(0).path("changedOn").asText()).isEqualTo("2018-06-07");
        assertThat(past.get(0).path("itemPath").asText()).contains("システム4").contains("他のシステムとの接続");
        assertThat(past.get(0).path("itemId").asText()).isEqualTo("system.connections");
        assertThat(past.findValuesAsText("timing").stream().filter("BEFORE"::equals).count()).isEqualTo(36);
        assertThat(past.get(0).path("importedBy").path("userId").asText()).isEqualTo("k-editor");
        assertThat(past.findValuesAsText("itemId").stream().filter(id -> !id.isEmpty() && !"null".equals(id)).count())
                .isEqualTo(resolved);
        JsonNode history = assessment.path("history").path("edges");
        assertThat(history.get(history.size() - 1).path("node").path("event").asText()).isEqualTo("PastChangesImported");
    }

    @Test
    void givenTheAnnexOfSumida_whenPagedFortyAtATimeBothWays_thenThePagesAreTheListInOrderEachRowOnce()
            throws IOException {
        importFile(1, read("001_69f4873ac9f3f0f9.txt"));
        List<String> whole = callers.kawasakiEditor.data("assessment", PAST.replace("pastChanges { sourceLine",
                "pastChanges { id sourceLine"), Map.of("id", id)).path("pastChanges").findValuesAsText("id");

        List<String> forward = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "first", 40));
        JsonNode page;
        do {
            page = callers.kawasakiEditor.data("assessment", PAGE, variables).path("pastChangesConnection");
            assertThat(page.path("totalCount").asInt()).isEqualTo(137);
            page.path("edges").forEach(edge -> forward.add(edge.path("node").path("id").asText()));
            variables.put("after", page.path("pageInfo").path("endCursor").asText());
        } while (page.path("pageInfo").path("hasNextPage").asBoolean());
        List<String> backward = new ArrayList<>();
        variables = new HashMap<>(Map.of("id", id, "last", 40));
        do {
            page = callers.kawasakiEditor.data("assessment", PAGE, variables).path("pastChangesConnection");
            List<String> ids = page.path("edges").findValuesAsText("id");
            backward.addAll(0, ids);
            variables.put("before", page.path("pageInfo").path("startCursor").asText());
        } while (page.path("pageInfo").path("hasPreviousPage").asBoolean());

        assertThat(whole).hasSize(137).doesNotHaveDuplicates();
        assertThat(forward).isEqualTo(whole);
        assertThat(backward).isEqualTo(whole);
        assertThat(callers.kawasakiEditor.execute(PAGE, Map.of("id", id, "after", "not-a-cursor")).errors()
                .findValuesAsText("code")).containsExactly("BAD_USER_INPUT");
    }

    @Test
    void givenAFileImportedBefore_whenImportedAgainEvenInShiftJis_thenNothingIsAddedAndTheReportSaysSo() throws IOException {
        // The lines of 001 that Shift_JIS (CP932) can encode: the same text in both encodings.
        var cp932 = Charset.forName("windows-31j").newEncoder();
        String text = new String(read("001_69f4873ac9f3f0f9.txt"), StandardCharsets.UTF_8).lines()
                .filter(cp932::canEncode).collect(java.util.stream.Collectors.joining("\n"));
        int rows = importFile(1, text.getBytes(StandardCharsets.UTF_8)).path("report").path("rowsImported").asInt();
        byte[] shiftJis = text.getBytes(Charset.forName("windows-31j"));

        JsonNode again = importFile(2, shiftJis);

        assertThat(again.path("report").path("alreadyImported").asBoolean()).isTrue();
        assertThat(again.path("report").path("encoding").asText()).isEqualTo("windows-31j");
        assertThat(again.path("revision").asInt()).isEqualTo(2);
        assertThat(rows).isGreaterThan(100);
        assertThat(callers.kawasakiEditor.data("assessment", PAST, Map.of("id", id)).path("pastChanges").size())
                .isEqualTo(rows);
    }

    @Test
    void givenAWholeDocument_whenImported_thenItsAnnexRowsAreTakenOver() throws IOException {
        assertThat(importFile(1, read("000_79b26e22842cb490.txt")).path("report").path("rowsImported").asInt())
                .isEqualTo(17);
    }

    @Test
    void givenBadFiles_whenImported_thenEachIsRefusedWithItsReasonAndNothingIsStored() {
        assertThat(importFile(1, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}).path("code").asText())
                .isEqualTo("BINARY_FILE");
        assertThat(importFile(1, new byte[0]).path("code").asText()).isEqualTo("EMPTY_FILE");
        assertThat(importFile(1, "事務の名称\t介護保険関係事務\n".getBytes(StandardCharsets.UTF_8)).path("code").asText())
                .isEqualTo("NO_CHANGE_ANNEX");
        assertThat(callers.kawasakiEditor.data("assessment", PAST, Map.of("id", id)).path("revision").asInt())
                .isEqualTo(1);
    }

    @Test
    void givenAnotherMunicipality_whenImporting_thenAssessmentNotFound() throws IOException {
        JsonNode refused = callers.asahikawaEditor.data("importChangeAnnex", IMPORT, variables(1,
                read("001_69f4873ac9f3f0f9.txt")));

        assertThat(refused.path("__typename").asText()).isEqualTo("AssessmentNotFound");
    }

    @Test
    void givenPathsThatFitSeveralItemsOrNone_whenImported_thenTheReportNamesTheCandidatesAndNoItemIsGuessed() {
        String annex = String.join("\n",
                "変更日\t項目\t変更前の記載\t変更後の記載\t提出時期\t提出時期に係る説明",
                "令和6年4月1日\tI－6－①部署\t保険年金課\t国民健康保険課\t事後\t組織変更",
                "令和6年4月1日\t具体的な方法\t(空欄)\t研修を行う\t事後\t",
                "令和6年4月1日\t(別添)事務の内容\t別紙参照\t別紙参照\t事後\t");

        JsonNode report = importFile(1, annex.getBytes(StandardCharsets.UTF_8)).path("report");

        assertThat(report.path("rowsImported").asInt()).as(report.toString()).isEqualTo(3);
        assertThat(report.path("itemPathsResolved").asInt()).isEqualTo(1);
        JsonNode ambiguous = warning(report, "ITEM_PATH_AMBIGUOUS");
        assertThat(ambiguous.path("line").asInt()).isEqualTo(3);
        assertThat(ambiguous.path("candidates").findValuesAsText("id"))
                .contains("file.risk.consignment.r1.subcontractor-handling-method", "file.risk.training.method");
        assertThat(ambiguous.path("candidates").findValuesAsText("why")).allSatisfy(why -> assertThat(why).isNotBlank());
        JsonNode unresolved = warning(report, "ITEM_PATH_UNRESOLVED");
        assertThat(unresolved.path("line").asInt()).isEqualTo(4);
        assertThat(unresolved.path("candidates").size()).isZero();
        JsonNode past = callers.kawasakiEditor.data("assessment", PAST, Map.of("id", id)).path("pastChanges");
        assertThat(past.findValuesAsText("itemId")).containsExactly("department.name", "null", "null");
    }

    private static JsonNode warning(JsonNode report, String code) {
        for (JsonNode warning : report.path("warnings")) {
            if (warning.path("code").asText().equals(code)) {
                return warning;
            }
        }
        throw new AssertionError("no " + code + " warning in " + report);
    }

    private JsonNode importFile(int revision, byte[] content) {
        return callers.kawasakiEditor.data("importChangeAnnex", IMPORT, variables(revision, content));
    }

    private Map<String, Object> variables(int revision, byte[] content) {
        return new HashMap<>(Map.of("id", id, "rev", revision, "name", "001.txt",
                "content", Base64.getEncoder().encodeToString(content)));
    }

    private static byte[] read(String sample) throws IOException {
        return Files.readAllBytes(SAMPLES.resolve(sample));
    }
}
