package jp.hyoka.server.support;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness itself: a server in its own JVM accepts the tokens the test signs, and stops on SIGTERM. */
class ServerProcessIT {

    @Test
    void givenAServerProcess_whenATestSignedTokenEdits_thenItIsServed_andSigtermStopsIt() {
        try (ServerProcess server = ServerProcess.external(TestDatabase.newDatabase(), TestDatabase.user(),
                TestDatabase.password()).name("harness").start()) {
            server.onboard("141305", "川崎市");
            GraphQlClient editor = server.client(ServerProcess.token("k-editor", "川崎 一郎", "141305", "editor"));

            String type = editor.data("startAssessment", """
                    mutation { startAssessment(input: {kind: KEY_ITEMS, affairName: "別プロセス"}) { __typename } }""",
                    Map.of()).path("__typename").asText();

            assertThat(type).isEqualTo("AssessmentEdited");
            assertThat(server.client(null).execute("{ forms { version } }", Map.of()).status()).isEqualTo(401);
            server.stop();
            assertThat(server.isAlive()).isFalse();
        }
    }
}
