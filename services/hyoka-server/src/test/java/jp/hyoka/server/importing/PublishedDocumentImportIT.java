package jp.hyoka.server.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.PublishedDocuments;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published 基礎項目評価書 none of the samples is (a PDF-to-text extraction: BOM, CRLF, page marks, broken cells, a
 * split annex row; published/README.md in the domain module's test resources) taken over through the GraphQL
 * mutation, as a municipality would: the form it is read as, its key answers (both verdicts of Ⅳ 3 as the official
 * 様式 prints them), its one repeat entry, no row kept aside, and the 変更箇所 as the assessment's past with its paths
 * resolved. A second 基礎 (another city, another extraction style) prints Ⅳ 6's two verdicts and the flags of Ⅳ 4–6.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedDocumentImportIT extends SignedInServerTest {

    private static final String IMPORTED = """
            query($id: ID!) {
              assessment(id: $id) {
                answers { item { itemId } entries { label } value { __typename ... on TextValue { text }
                          ... on RichTextValue { plainText } ... on ChoiceValue { code } ... on DateValue { date }
                          ... on MultiChoiceValue { selections { code } } } }
                repeatEntries { group { groupId } label }
                unmappedContent { sourceLine label reason }
                pastChangesConnection(first: 100) { edges { node { sourceLine itemPath itemId timing changedOn } } }
                importReport { pastChanges itemPathsResolved unresolvedPaths(first: 100) { edges { node { target } } } }
              }
            }""";

    @Test
    void givenAPublishedBasicItemsDocument_whenAsahikawaImportsIt_thenItIsABasicAssessmentWithItsAnswersAndPast() {
        JsonNode imported = callers.asahikawaEditor.data("importDocument", DocumentImportIT.IMPORT, Map.of("name",
                PublishedDocuments.BASIC_ITEMS, "content", Base64.getEncoder().encodeToString(
                        PublishedDocuments.bytes(PublishedDocuments.BASIC_ITEMS))));

        assertThat(imported.path("__typename").asText()).as(imported.toString()).isEqualTo("DocumentImported");
        JsonNode report = imported.path("report");
        assertThat(report.path("form").asText()).isEqualTo("BASIC_ITEMS@2025");
        assertThat(report.path("encoding").asText()).isEqualTo("UTF-8");
        assertThat(report.path("pastChanges").asInt()).isEqualTo(13);
        assertThat(report.path("repeatEntries").asInt()).isEqualTo(1);
        assertThat(report.path("warnings").findValuesAsText("code")).as(report.toString())
                .contains("ROW_CONTINUED").doesNotContain("UNKNOWN_LABEL", "MUNICIPALITY_MISMATCH", "NOT_A_CHANGE_ROW",
                        "UNPARSEABLE_DATE", "INVALID_VALUE", "ITEM_PATH_UNRESOLVED", "ITEM_PATH_AMBIGUOUS");
        assertThat(imported.path("assessment").path("affairName").asText()).isEqualTo("児童扶養手当に関する事務");
        assertThat(imported.path("assessment").path("form").path("kind").asText()).isEqualTo("BASIC_ITEMS");

        JsonNode assessment = callers.asahikawaEditor.data("assessment", IMPORTED,
                Map.of("id", imported.path("assessment").path("id").asText()));
        assertThat(value(assessment, "cover.organisation").path("text").asText()).isEqualTo("旭川市長");
        assertThat(value(assessment, "cover.published-on").path("date").asText()).isEqualTo("2025-10-01");
        assertThat(value(assessment, "affair.target-population").path("code").asText()).isEqualTo("1k-to-10k");
        assertThat(value(assessment, "threshold.target-count-as-of").path("date").asText()).isEqualTo("2025-04-01");
        assertThat(value(assessment, "threshold.serious-incident").path("code").asText()).isEqualTo("not-occurred");
        assertThat(value(assessment, "threshold.result").path("code").asText()).isEqualTo("mandatory-basic");
        assertThat(value(assessment, "department.name").path("text").asText()).isEqualTo("子育て支援部こども家庭課");
        assertThat(value(assessment, "basic-risk.audit.kinds").path("selections").findValuesAsText("code"))
                .containsExactly("self-inspection", "internal-audit");
        assertThat(assessment.path("repeatEntries").findValuesAsText("label")).containsExactly("システム1");
        assertThat(value(assessment, "basic-risk.usage.verdict").path("code").asText()).isEqualTo("sufficient");
        assertThat(value(assessment, "basic-risk.usage.unauthorised-use.verdict").path("code").asText())
                .as("Ⅳ 3's second verdict, as the official 様式 prints it").isEqualTo("sufficient");
        assertThat(assessment.path("unmappedContent")).as("no row kept aside").isEmpty();

        JsonNode past = assessment.path("pastChangesConnection").path("edges");
        assertThat(past).hasSize(13);
        assertThat(past.findValuesAsText("changedOn")).contains("2018-04-01", "2019-07-01", "2024-10-01", "2025-10-01")
                .doesNotContain("null", "");
        assertThat(past.findValuesAsText("timing")).containsOnly("BEFORE", "AFTER");
        assertThat(past.findValuesAsText("itemId")).contains("department.name", "personal-number-use.legal-basis",
                "network-linkage.legal-basis", "threshold.handlers-as-of", "basic-risk.audit.kinds");
        JsonNode importReport = assessment.path("importReport");
        int unresolved = importReport.path("unresolvedPaths").path("edges").size();
        assertThat(importReport.path("unresolvedPaths").path("edges").findValuesAsText("target"))
                .as("rows without an item name a definite place").doesNotContain("AMBIGUOUS", "UNRESOLVED");
        assertThat(importReport.path("itemPathsResolved").asInt())
                .as("12 of the 13 rows name an item (BasicItemsDocumentImportTest); Ⅳ 8 names a block").isEqualTo(12);
        assertThat(importReport.path("unresolvedPaths").path("edges").findValuesAsText("target"))
                .containsExactly("BLOCK");
        assertThat(unresolved).isEqualTo(1);
    }

    @Test
    void givenABasicItemsDocumentPrintingBothVerdictsAndTheFlags_whenImported_thenEveryRowNamesAnItem() {
        JsonNode imported = callers.asahikawaEditor.data("importDocument", DocumentImportIT.IMPORT, Map.of("name",
                PublishedDocuments.BASIC_ITEMS_BOTH_VERDICTS, "content", Base64.getEncoder().encodeToString(
                        PublishedDocuments.bytes(PublishedDocuments.BASIC_ITEMS_BOTH_VERDICTS))));

        assertThat(imported.path("__typename").asText()).as(imported.toString()).isEqualTo("DocumentImported");
        JsonNode report = imported.path("report");
        assertThat(report.path("form").asText()).isEqualTo("BASIC_ITEMS@2025");
        assertThat(report.path("pastChanges").asInt()).isEqualTo(10);
        assertThat(report.path("warnings").findValuesAsText("code")).as(report.toString())
                .doesNotContain("UNKNOWN_LABEL", "NOT_A_CHANGE_ROW", "MISSING_DATE", "INVALID_VALUE");

        JsonNode assessment = callers.asahikawaEditor.data("assessment", IMPORTED,
                Map.of("id", imported.path("assessment").path("id").asText()));
        assertThat(assessment.path("unmappedContent")).as(assessment.toString()).isEmpty();
        assertThat(value(assessment, "basic-risk.usage.unauthorised-use.verdict").path("code").asText())
                .isEqualTo("particularly-focused");
        assertThat(value(assessment, "basic-risk.network.verdict").path("code").asText()).isEqualTo("sufficient");
        assertThat(value(assessment, "basic-risk.consignment.not-consigning").path("selections")
                .findValuesAsText("code")).containsExactly("not-consigning");
        assertThat(value(assessment, "basic-risk.provision.not-providing").path("selections")
                .findValuesAsText("code")).containsExactly("not-providing");
        assertThat(value(assessment, "basic-risk.network.not-connected").path("selections")
                .findValuesAsText("code")).containsExactly("not-providing");
    }

    private static JsonNode value(JsonNode assessment, String itemId) {
        for (JsonNode answer : assessment.path("answers")) {
            if (answer.path("item").path("itemId").asText().equals(itemId)) {
                return answer.path("value");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
