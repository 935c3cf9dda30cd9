package jp.hyoka.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static jp.hyoka.server.support.AuditOperations.BUNDLE;
import static jp.hyoka.server.support.AuditOperations.VERIFY;
import static jp.hyoka.server.support.AuditOperations.bundleFile;
import static jp.hyoka.server.support.AuditOperations.download;
import static jp.hyoka.server.support.AuditOperations.startAndAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor takes the municipality's chain away as a bundle and checks it with the standalone verifier
 * (infra/scripts), run here exactly as an auditor would run it: a separate JVM, no server, no Hyoka code. The file
 * comes from the download URL exportAuditBundle returns (BundleDownloadIT: who may download, and streaming).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditBundleIT extends SignedInServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Surefire and failsafe run in the module directory. */
    private static final Path SCRIPTS = Path.of("../../infra/scripts");

    @TempDir
    Path files;

    @BeforeAll
    void bothMunicipalitiesEdit() {
        // Quotes, a backslash and a character outside the BMP travel through two layers of JSON escaping.
        startAndAnswer(callers.kawasakiEditor, "住民基本台帳に関する事務", "市民課", "\"区政\\推進\"課 𠮷");
        startAndAnswer(callers.asahikawaEditor, "国民健康保険に関する事務", "保険課");
    }

    @Test
    void givenAFreshBundle_whenRead_thenItHoldsTheMunicipalitysChainAndNothingElse() throws IOException {
        JsonNode bundle = callers.kawasakiReader.data("exportAuditBundle", BUNDLE, Map.of());
        JsonNode verification = callers.kawasakiReader.data("verifyEventChain", VERIFY, Map.of());
        HttpResponse<String> file = download(server.getURI(), bundle.path("downloadUrl").asText(), null);

        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/jsonl; charset=utf-8");
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + bundle.path("fileName").asText() + "\"");
        assertThat(bundle.path("downloadUrl").asText()).startsWith("/audit/bundles/141305?token=");
        assertThat(Instant.parse(bundle.path("expiresAt").asText())).isAfter(Instant.now());
        List<JsonNode> lines = lines(file.body());
        JsonNode header = lines.get(0);
        assertThat(header.path("format").asText()).isEqualTo("hyoka-audit-bundle/1");
        assertThat(header.path("exportedAt").asText()).isEqualTo(bundle.path("exportedAt").asText());
        assertThat(header.path("tenant").asText()).isEqualTo("141305");
        assertThat(header.path("events").asLong()).isEqualTo(verification.path("eventsVerified").asLong())
                .isEqualTo(bundle.path("events").asLong()).isEqualTo(lines.size() - 1);
        assertThat(header.path("headHash").asText()).isEqualTo(verification.path("headHash").asText())
                .isEqualTo(bundle.path("headHash").asText());
        assertThat(bundle.path("fileName").asText()).isEqualTo("hyoka-audit-141305-" + (lines.size() - 1) + ".jsonl");
        for (JsonNode link : lines.subList(1, lines.size())) {
            assertThat(JSON.readTree(link.path("payload").asText()).path("tenant").asText()).isEqualTo("141305");
        }
    }

    @Test
    void givenAFreshBundle_whenCheckedByTheStandaloneVerifier_thenItIsAcceptedWithItsHeadHash() throws Exception {
        JsonNode bundle = callers.kawasakiReader.data("exportAuditBundle", BUNDLE, Map.of());
        Path file = write("fresh.jsonl", download(server.getURI(), bundle.path("downloadUrl").asText(), null).body());

        Result result = java(file.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).startsWith("OK 141305: " + bundle.path("events").asLong() + " events verified")
                .contains(bundle.path("headHash").asText());
    }

    @Test
    void givenOnePayloadEditedInTheBundle_whenChecked_thenTheVerifierRejectsItNamingThatLink() throws Exception {
        List<JsonNode> lines = lines(bundleFile(callers.kawasakiReader, server.getURI()));
        ObjectNode edited = (ObjectNode) lines.get(3);              // position 3: the answer with quotes
        String payload = edited.path("payload").asText();
        edited.put("payload", payload.replace("推進", "改ざん"));
        Path file = write("edited.jsonl", joined(lines));

        Result result = java(file.toString());

        assertThat(payload).contains("推進");
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).startsWith("BROKEN 141305: EVENT_CHANGED at position 3 (event "
                + edited.path("eventId").asText() + ")");
    }

    @Test
    void givenAHeadNotedAtAnEarlierAudit_whenTheLaterBundleIsCheckedWithTheWrapper_thenTheAnchorIsFound()
            throws Exception {
        String earlierHead = callers.kawasakiReader.data("verifyEventChain", VERIFY, Map.of()).path("headHash").asText();
        startAndAnswer(callers.kawasakiEditor, "介護保険関係事務", "介護保険課");
        Path later = write("later.jsonl", bundleFile(callers.kawasakiReader, server.getURI()));

        Result anchored = run("bash", SCRIPTS.resolve("verify-bundle.sh").toString(), "--anchor", earlierHead,
                later.toString());
        Result unknownAnchor = run("bash", SCRIPTS.resolve("verify-bundle.sh").toString(), "--anchor",
                "ab".repeat(32), later.toString());

        assertThat(anchored.exitCode()).as(anchored.output()).isZero();
        assertThat(anchored.output()).contains("anchors found: 1");
        assertThat(unknownAnchor.exitCode()).as(unknownAnchor.output()).isEqualTo(1);
        assertThat(unknownAnchor.output()).contains("ANCHOR_NOT_FOUND");
    }

    @Test
    void givenSomethingThatIsNoBundle_whenChecked_thenTheVerifierSaysItCannotUseIt() throws Exception {
        Result result = java(write("nonsense.jsonl", "{\"format\": \"something else\"}\n").toString());

        assertThat(result.exitCode()).isEqualTo(2);
    }

    record Result(int exitCode, String output) {
    }

    static Result java(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), SCRIPTS.resolve("VerifyBundle.java").toString()));
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    private static Result run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The wrapper finds java on the PATH; make it the JDK running the tests.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> lines(String content) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : content.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static String joined(List<JsonNode> lines) throws IOException {
        StringBuilder content = new StringBuilder();
        for (JsonNode line : lines) {
            content.append(JSON.writeValueAsString(line)).append('\n');
        }
        return content.toString();
    }
}
