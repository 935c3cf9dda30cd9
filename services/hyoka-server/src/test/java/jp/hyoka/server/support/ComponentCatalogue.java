package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform operator's curation over GraphQL, as the shared-component ITs use it. */
public final class ComponentCatalogue {

    private static final String CURATE = "__typename ... on Problem { code message }";

    private ComponentCatalogue() {
    }

    /**
     * Version {@code version} of {@code component} drafted, submitted and published (version 1 registers the
     * component first, fitting 重点項目評価書 2025's 保管場所 item {@code file.storage.location}).
     */
    public static void curate(GraphQlClient operator, String component, int version, String text, String timing) {
        if (version == 1) {
            assertThat(operator.data("registerSharedComponent", """
                    mutation($id: ID!) { registerSharedComponent(input: {componentId: $id,
                      family: "intermediate-server-platform", name: "中間サーバー・プラットフォームにおける措置 (保管場所)",
                      issuer: "J-LIS", fits: [{kind: KEY_ITEMS, version: "2025", itemId: "file.storage.location"}]})
                      { %s } }""".formatted(CURATE), Map.of("id", component)).path("__typename").asText())
                    .isEqualTo("SharedComponentChanged");
        }
        JsonNode drafted = operator.data("draftComponentVersion", """
                mutation($id: ID!, $version: Int!, $text: String!, $timing: SubmissionTiming!, $on: Date!) {
                  draftComponentVersion(input: {componentId: $id, version: $version, text: $text, effectiveFrom: $on,
                    note: "J-LISからの通知に基づく", timing: $timing,
                    explanation: "中間サーバー・プラットフォームの更改に伴う変更"}) { %s } }""".formatted(CURATE),
                Map.of("id", component, "version", version, "text", text, "timing", timing,
                        "on", version == 1 ? "2017-07-18" : "2025-08-04"));
        assertThat(drafted.path("__typename").asText()).as(drafted.toString()).isEqualTo("SharedComponentChanged");
        for (String step : List.of("submitComponentVersion", "publishComponentVersion")) {
            assertThat(operator.data(step, "mutation($id: ID!, $version: Int!) { " + step
                    + "(input: {componentId: $id, version: $version}) { " + CURATE + " } }",
                    Map.of("id", component, "version", version)).path("__typename").asText())
                    .isEqualTo("SharedComponentChanged");
        }
    }
}
