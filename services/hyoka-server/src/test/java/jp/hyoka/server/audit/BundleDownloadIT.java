package jp.hyoka.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.audit.ChainHead;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.hyoka.server.support.AuditOperations.BUNDLE;
import static jp.hyoka.server.support.AuditOperations.download;
import static jp.hyoka.server.support.AuditOperations.startAndAnswer;
import static jp.hyoka.server.support.Callers.ASAHIKAWA;
import static jp.hyoka.server.support.Callers.KAWASAKI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle's file at its download URL (AuditBundleDownload): a signed link or a bearer token, each refused for
 * anything but the municipality's own auditor, and the file streamed from one snapshot up to the head fixed when it
 * was asked for, whatever is appended meanwhile, verified by the standalone verifier.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleDownloadIT extends SignedInServerTest {

    /** 札幌市: a municipality with a long history, of its own so that the others' tests stay small. */
    private static final MunicipalityCode SAPPORO = new MunicipalityCode("011002");
    private static final int SAPPORO_ASSESSMENTS = 8;
    private static final int SAPPORO_ANSWERS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DownloadTokens tokens;

    @TempDir
    Path files;

    private String kawasakiAuditor;
    private GraphQlClient asahikawaAuditor;
    private GraphQlClient sapporoAuditor;
    private GraphQlClient sapporoEditor;
    private final List<String> sapporoAssessments = new ArrayList<>();

    @BeforeAll
    void municipalitiesWithHistory() throws Exception {
        tenants.register(SAPPORO, "札幌市");
        kawasakiAuditor = issuer.issue("k-auditor", "川崎 監査", KAWASAKI, List.of("auditor"));
        asahikawaAuditor = new GraphQlClient(server.getURI(), issuer.issue("a-auditor", "旭川 監査", ASAHIKAWA,
                List.of("auditor")));
        sapporoAuditor = new GraphQlClient(server.getURI(), issuer.issue("s-auditor", "札幌 監査", SAPPORO,
                List.of("auditor")));
        sapporoEditor = new GraphQlClient(server.getURI(), issuer.issue("s-editor", "札幌 一郎", SAPPORO,
                List.of("editor")));
        startAndAnswer(callers.kawasakiEditor, "住民基本台帳に関する事務", "市民課");
        startAndAnswer(callers.asahikawaEditor, "国民健康保険に関する事務", "保険課");
        // Thousands of events: several assessments answered in parallel (one aggregate each).
        ExecutorService editors = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < SAPPORO_ASSESSMENTS; i++) {
                int assessment = i;
                started.add(editors.submit(() -> startAndAnswer(sapporoEditor, "事務 " + assessment,
                        answers("札幌市 第" + assessment + "課 ", SAPPORO_ANSWERS))));
            }
            for (Future<String> id : started) {
                sapporoAssessments.add(id.get());
            }
        } finally {
            editors.shutdown();
        }
    }

    @Test
    void givenOnlyABearerToken_whenTheAuditorDownloads_thenTheFileEndsAtTheHeadNamedInItsHeaderAndVerifies()
            throws Exception {
        HttpResponse<String> file = download(server.getURI(), "/audit/bundles/141305", kawasakiAuditor);

        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        JsonNode header = JSON.readTree(file.body().lines().findFirst().orElseThrow());
        assertThat(file.headers().firstValue(AuditBundleDownload.HEAD_HASH_HEADER))
                .hasValue(header.path("headHash").asText());
        AuditBundleIT.Result verified = AuditBundleIT.java(Files.writeString(files.resolve("bearer.jsonl"),
                file.body()).toString());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).startsWith("OK 141305: " + header.path("events").asLong() + " events verified");
    }

    @Test
    void givenAnExpiredOrAlteredUrl_whenFollowed_thenItIsRefused401WithAProblemAndNoEvent() {
        JsonNode bundle = callers.kawasakiReader.data("exportAuditBundle", BUNDLE, Map.of());
        String url = bundle.path("downloadUrl").asText();
        String token = url.substring(url.indexOf("token=") + "token=".length());
        BundleLinks granted = new BundleLinks(KAWASAKI, new ChainHead(bundle.path("events").asLong(),
                bundle.path("headHash").asText()), Instant.now(), "k-auditor");
        String expired = tokens.sign(granted, Instant.now().minusSeconds(1));
        // The payload altered (the position raised), the signature kept.
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String raised = payload.replaceFirst("\\|141305\\|\\d+\\|", "|141305|999999|");
        String altered = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raised.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];

        for (String refused : List.of(expired, altered, "nonsense", token.substring(0, token.length() - 2))) {
            HttpResponse<String> file = download(server.getURI(), "/audit/bundles/141305?token=" + refused, null);
            assertThat(file.statusCode()).as(refused).isEqualTo(401);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(file.body()).contains("\"code\":\"UNAUTHENTICATED\"").doesNotContain("payload");
        }
        assertThat(raised).isNotEqualTo(payload);
        assertThat(download(server.getURI(), url, null).statusCode()).as("the genuine URL still works").isEqualTo(200);
    }

    @Test
    void givenAnotherMunicipalitysAuditor_whenDownloadingKawasakisBundle_thenRefused403AndNothingLeaks() {
        String kawasakiUrl = callers.kawasakiReader.data("exportAuditBundle", BUNDLE, Map.of())
                .path("downloadUrl").asText();
        String asahikawaUrl = asahikawaAuditor.data("exportAuditBundle", BUNDLE, Map.of()).path("downloadUrl").asText();
        String asahikawaToken = issuer.issue("a-auditor", "旭川 監査", ASAHIKAWA, List.of("auditor"));

        List<HttpResponse<String>> refused = List.of(
                download(server.getURI(), "/audit/bundles/141305", asahikawaToken),
                download(server.getURI(), kawasakiUrl, asahikawaToken),
                download(server.getURI(), asahikawaUrl.replace("/012041?", "/141305?"), null),
                download(server.getURI(), "/audit/bundles/141305", issuer.issue("k-editor", "川崎 一郎", KAWASAKI,
                        List.of("editor"))));
        HttpResponse<String> anonymous = download(server.getURI(), "/audit/bundles/141305", null);

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains("\"code\":\"FORBIDDEN\"").doesNotContain("141305\",\"events");
        }
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(download(server.getURI(), asahikawaUrl, null).statusCode()).isEqualTo(200);
    }

    @Test
    void givenThousandsOfEvents_whenAnEventIsAppendedDuringTheDownload_thenTheChunkedFileEndsBeforeItAndVerifies()
            throws Exception {
        JsonNode bundle = sapporoAuditor.data("exportAuditBundle", BUNDLE, Map.of());
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.getURI().resolve(bundle.path("downloadUrl").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        StringBuilder file = new StringBuilder();
        String appended;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            file.append(lines.readLine()).append('\n');
            appended = "下載中に追加された回答";
            startAndAnswer(sapporoEditor, "ダウンロード中の事務", appended);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                file.append(line).append('\n');
            }
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Transfer-Encoding")).as("streamed, not built whole")
                .hasValue("chunked");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        long events = bundle.path("events").asLong();
        assertThat(events).isGreaterThanOrEqualTo((long) SAPPORO_ASSESSMENTS * (1 + SAPPORO_ANSWERS));
        assertThat(file.toString().lines().count()).isEqualTo(events + 1);
        assertThat(file.toString()).doesNotContain(appended).doesNotContain("ダウンロード中の事務");
        AuditBundleIT.Result verified = AuditBundleIT.java(Files.writeString(files.resolve("sapporo.jsonl"),
                file.toString()).toString());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).startsWith("OK 011002: " + events + " events verified, head "
                + bundle.path("headHash").asText());
        assertThat(sapporoAuditor.data("verifyEventChain", "{ verifyEventChain { eventsVerified } }", Map.of())
                .path("eventsVerified").asLong()).as("the appended events are in the chain").isEqualTo(events + 2);
    }

    private static String[] answers(String prefix, int count) {
        String[] answers = new String[count];
        for (int i = 0; i < count; i++) {
            answers[i] = prefix + i;
        }
        return answers;
    }
}
