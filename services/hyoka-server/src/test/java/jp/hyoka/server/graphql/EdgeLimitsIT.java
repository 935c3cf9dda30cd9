package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits a request meets before anything runs (infra/docs/operating.md): a body over 2 MB, a document nested
 * deeper than 15 levels (too many fields: AccessIT). Each is refused and stores nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeLimitsIT extends SignedInServerTest {

    private static final String ASSESSMENTS = "{ assessments(first: 50) { edges { node { affairName } } } }";

    @Test
    void givenABodyOverTwoMegabytes_whenItIsSent_thenItIsRefusedAndNothingIsStored() {
        String name = "大きすぎる事務" + "あ".repeat(1_100_000);          // 3 bytes a character in UTF-8

        GraphQlClient.Response refused = callers.kawasakiEditor.execute(START, Map.of("kind", "KEY_ITEMS",
                "name", name));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(callers.kawasakiEditor.execute(ASSESSMENTS, Map.of()).body().toString())
                .doesNotContain("大きすぎる事務");
    }

    @Test
    void givenADocumentNestedDeeperThanTheLimit_whenItIsSent_thenItIsRefusedBeforeExecution() {
        StringBuilder nested = new StringBuilder("query { __schema { types { fields { type { ofType { ofType { ofType "
                + "{ ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name");
        nested.append(" }".repeat(17));

        GraphQlClient.Response refused = callers.kawasakiEditor.execute(nested.toString(), Map.of());

        assertThat(refused.data().isMissingNode() || refused.data().isNull()).as(refused.body().toString()).isTrue();
        assertThat(refused.errors().get(0).path("extensions").path("code").asText()).isEqualTo("QUERY_TOO_DEEP");
    }
}
