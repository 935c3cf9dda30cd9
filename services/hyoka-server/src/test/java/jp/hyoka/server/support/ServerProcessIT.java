package jp.hyoka.server.support;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness itself: a server in its own JVM accepts the tokens the test signs, and stops on SIGTERM; it is started
 * as a deployment starts it (the launcher infra/scripts/server.sh, jvm.options, the class-data archive).
 */
class ServerProcessIT {

    @Test
    void givenABuiltServer_whenStartedThroughTheLauncher_thenItMapsTheClassDataArchive_andRunsWithTheDeploymentOptions()
            throws Exception {
        try (ServerProcess server = ServerProcess.external(TestDatabase.newDatabase(), TestDatabase.user(),
                TestDatabase.password()).name("launcher").start()) {
            // The launcher execs java: the process started is the server's JVM.
            String commandLine = Files.readString(Path.of("/proc/" + server.pid() + "/cmdline")).replace('\0', ' ');
            String mappings = Files.readString(Path.of("/proc/" + server.pid() + "/maps"));

            assertThat(commandLine).contains("jvm.options", "-XX:SharedArchiveFile=", "hyoka-server.jsa",
                    "jp.hyoka.server.HyokaServer");
            // Mapped, not merely named: a stale or refused archive would be ignored by the JVM.
            assertThat(mappings).contains("hyoka-server.jsa");
            assertThat(ServerProcess.deploymentJvmOptions()).contains("-Xms64m", "-XX:+UseSerialGC");
        }
    }

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
