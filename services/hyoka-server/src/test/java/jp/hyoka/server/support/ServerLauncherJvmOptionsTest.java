package jp.hyoka.server.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's choice of JVM options per node role (infra/scripts/server.sh, {@code HYOKA_JVM}): run on a copy of
 * the launcher beside a stand-in server and a stand-in java that prints the command line it is given, so no JVM
 * starts. A small node (the default) gets jvm.options, a throughput node jvm-throughput.options; anything else is
 * refused before a start.
 */
class ServerLauncherJvmOptionsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.getParent().getParent();

    @TempDir
    Path copy;

    @Test
    void givenNoRole_whenTheLauncherStartsTheServer_thenItGivesTheSmallNodesOptions() throws Exception {
        Launched launched = launch(Map.of());

        assertThat(launched.exit()).isZero();
        assertThat(launched.arguments()).contains("@" + copy.resolve("services/hyoka-server/jvm.options"))
                .doesNotContain("@" + copy.resolve("services/hyoka-server/jvm-throughput.options"))
                .contains("jp.hyoka.server.HyokaServer");
    }

    @Test
    void givenTheThroughputRole_whenTheLauncherStartsTheServer_thenItGivesTheThroughputOptionsInstead()
            throws Exception {
        Launched launched = launch(Map.of("HYOKA_JVM", "throughput"));

        assertThat(launched.exit()).isZero();
        assertThat(launched.arguments()).contains("@" + copy.resolve("services/hyoka-server/jvm-throughput.options"))
                .doesNotContain("@" + copy.resolve("services/hyoka-server/jvm.options"));
    }

    @Test
    void givenAnUnknownRole_whenTheLauncherRuns_thenItRefusesWithoutStartingJava() throws Exception {
        Launched launched = launch(Map.of("HYOKA_JVM", "large"));

        assertThat(launched.exit()).isEqualTo(2);
        assertThat(launched.arguments()).isEmpty();
        assertThat(launched.errors()).contains("HYOKA_JVM");
    }

    @Test
    void givenTheTwoOptionsFiles_whenCompared_thenTheyDifferOnlyInTheCompiler() throws IOException {
        List<String> small = options(MODULE.resolve("jvm.options"));
        List<String> throughput = options(MODULE.resolve("jvm-throughput.options"));

        assertThat(small).contains("-XX:TieredStopAtLevel=1");
        assertThat(throughput).doesNotContain("-XX:TieredStopAtLevel=1")
                .containsExactlyElementsOf(small.stream().filter(o -> !o.startsWith("-XX:TieredStopAtLevel")).toList());
    }

    private record Launched(int exit, List<String> arguments, String errors) {
    }

    private Launched launch(Map<String, String> environment) throws Exception {
        Path scripts = Files.createDirectories(copy.resolve("infra/scripts"));
        Files.copy(ROOT.resolve("infra/scripts/server.sh"), scripts.resolve("server.sh"));
        Path server = Files.createDirectories(copy.resolve("services/hyoka-server"));
        Files.copy(MODULE.resolve("jvm.options"), server.resolve("jvm.options"));
        Files.copy(MODULE.resolve("jvm-throughput.options"), server.resolve("jvm-throughput.options"));
        Files.createDirectories(server.resolve("target/lib"));
        Files.createFile(server.resolve("target/hyoka-server-0.jar"));
        Path arguments = copy.resolve("arguments.txt");
        Path java = copy.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + arguments + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder builder = new ProcessBuilder("bash", scripts.resolve("server.sh").toString(),
                "-Dhyoka.demo.enabled=false").redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("HYOKA_"));
        builder.environment().put("JAVA", java.toString());
        builder.environment().put("HYOKA_CDS", "off");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> given = Files.exists(arguments) ? Files.readAllLines(arguments) : new ArrayList<>();
        return new Launched(process.exitValue(), given, errors);
    }

    private static List<String> options(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty()).toList();
    }
}
