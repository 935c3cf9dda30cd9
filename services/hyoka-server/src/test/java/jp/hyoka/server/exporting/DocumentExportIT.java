package jp.hyoka.server.exporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.ClockTicks;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An assessment leaves Hyoka as the published tab-separated format or a printable page, now or as it was. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentExportIT extends SignedInServerTest {

    private static final String EXPORT = """
            query($id: ID!, $format: ExportFormat!, $asOf: DateTime) {
              exportDocument(assessmentId: $id, format: $format, asOf: $asOf) {
                fileName mediaType revision content contentBase64
              }
            }""";
    private static final String ANSWER = """
            mutation($id: ID!, $rev: Int!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "department.name",
                                 value: {text: "旭川市福祉保険部介護保険課(新)"}}) { __typename }
            }""";

    @Test
    void givenAnImportedDocumentEditedLater_whenExportedAsOfBeforeTheEdit_thenTheExportShowsTheOldText() throws Exception {
        JsonNode imported = Imports.imported(callers.asahikawaEditor, Samples.KEY_ITEMS_004);
        String id = imported.path("assessment").path("id").asText();
        int revision = imported.path("revision").asInt();
        Instant beforeEdit = ClockTicks.nextMillisecond();
        ClockTicks.nextMillisecond();
        int draft = callers.asahikawaEditor.data("startNextVersion", """
                mutation($id: ID!, $rev: Int!) {
                  startNextVersion(input: {assessmentId: $id, expectedRevision: $rev}) { ... on AssessmentEdited { revision } }
                }""", Map.of("id", id, "rev", revision)).path("revision").asInt();
        assertThat(callers.asahikawaEditor.data("answerItem", ANSWER, Map.of("id", id, "rev", draft))
                .path("__typename").asText()).isEqualTo("AssessmentEdited");

        JsonNode now = export(id, "TSV", null);
        JsonNode then = export(id, "TSV", beforeEdit.toString());

        assertThat(now.path("content").asText()).contains("旭川市福祉保険部介護保険課(新)");
        assertThat(then.path("content").asText()).doesNotContain("(新)").contains("①部署\t旭川市福祉保険部介護保険課");
        assertThat(then.path("revision").asInt()).isEqualTo(revision);
        assertThat(now.path("content").asText()).startsWith("特定個人情報保護評価書(重点項目評価書)").contains("変更日\t項目");
        String charset = now.path("mediaType").asText().replaceFirst(".*charset=", "");
        String decoded = new String(Base64.getDecoder().decode(now.path("contentBase64").asText()),
                Charset.forName(charset));
        assertThat(decoded).isEqualTo(now.path("content").asText());
        assertThat(export(id, "HTML", null).path("content").asText()).contains("<html").contains("介護保険関係事務");
    }

    @Test
    void givenAnotherMunicipalitysAssessment_whenExported_thenNothingIsReturned() {
        String theirs = Imports.importedId(callers.kawasakiEditor, Samples.KEY_ITEMS_003);

        JsonNode export = callers.asahikawaEditor.data("exportDocument", EXPORT, Map.of("id", theirs, "format", "TSV"));

        assertThat(export.isNull()).as(String.valueOf(export)).isTrue();
    }

    private JsonNode export(String id, String format, String asOf) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "format", format));
        variables.put("asOf", asOf);
        return callers.asahikawaEditor.data("exportDocument", EXPORT, variables);
    }
}
