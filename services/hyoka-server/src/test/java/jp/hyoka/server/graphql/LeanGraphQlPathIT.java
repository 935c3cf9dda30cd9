package jp.hyoka.server.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.ServerProcess;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lean path for {@code POST /graphql} ({@link LeanGraphQlPath}) answers exactly what Micronaut's routing answers.
 * Each request is sent twice over raw HTTP/1.1: with a Content-Length (the lean path takes it) and with a chunked
 * body (it hands that shape to Micronaut); the status, every header but Date and every byte of the body must be the
 * same, and the lean path's count says which way each went. Requests it must not serve (no token, a token never
 * verified or altered, too large) are the security filter's and Micronaut's, with their answers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeanGraphQlPathIT extends SignedInServerTest {

    private static final String FEW = "query Few($id: ID!) { assessment(id: $id) { id revision affairName updatedAt } }";
    /** A municipality of its own for the rate limit, so that no other test here spends its requests. */
    private static final MunicipalityCode YOKOHAMA = new MunicipalityCode("141003");
    /** Another of its own for the shapes handed to Micronaut and the bodies in parts. */
    private static final MunicipalityCode OSAKA = new MunicipalityCode("271004");
    /** A valid code (墨田区) never registered on this server: its tokens verify, its callers are refused. */
    private static final MunicipalityCode UNREGISTERED = new MunicipalityCode("131075");
    private static final String ME = RawHttp.body("{ me { userId } }", "{}");
    private static final int BURST = 60;
    /**
     * The expiring token's life: it must outlast its first exchanges (verified, remembered, served lean; well under a
     * second, checked with a margin so that a slow machine fails plainly rather than by a refused "fresh" exchange)
     * and is then waited out to just past its {@code exp}. Only that token lives this short; it is signed with the
     * server's key by an issuer of the test's own.
     */
    private static final Duration EXPIRING_TOKEN_LIFETIME = Duration.ofSeconds(10);
    /** How long before its {@code exp} the expiring token's first exchanges must have ended. */
    private static final Duration FRESH_MARGIN = Duration.ofSeconds(2);

    @Inject
    LeanGraphQlPath lean;
    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(
                "hyoka.limits.requests-per-second", "0.001",
                "hyoka.limits.burst", Integer.toString(BURST),
                "hyoka.dev-issuer.secret", ServerProcess.SECRET));
    }

    private String token(MunicipalityCode municipality, String user, String role) {
        return issuer.issue(user, "利用者 " + user, municipality, List.of(role));
    }

    private GraphQlClient kawasakiEditor() {
        return new GraphQlClient(server.getURI(), token(Callers.KAWASAKI, "lean-author", "editor"));
    }

    private String document(String name) {
        return kawasakiEditor().data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", name)).path("assessment").path("id").asText();
    }

    /** The few-field read of a new document of Kawasaki's named {@code affairName}, as a request body. */
    private String fewFieldRead(String affairName) {
        return RawHttp.body(FEW, idVariables(document(affairName)));
    }

    private static String idVariables(String id) {
        return "{\"id\":\"" + id + "\"}";
    }

    /** The same request through Micronaut (chunked) and the lean path (Content-Length); the lean one counted. */
    private RawHttp.Answer[] bothWays(RawHttp http, String token, String json, String requestId) throws Exception {
        RawHttp.Answer micronaut = http.exchange(RawHttp.post("/graphql", token, json, true, requestId));
        long served = lean.served();
        RawHttp.Answer leanAnswer = http.exchange(RawHttp.post("/graphql", token, json, false, requestId));
        assertThat(lean.served()).as("served by the lean path").isEqualTo(served + 1);
        return new RawHttp.Answer[]{micronaut, leanAnswer};
    }

    private static void assertSameAnswer(RawHttp.Answer micronaut, RawHttp.Answer leanAnswer) {
        assertThat(leanAnswer.head()).isEqualTo(micronaut.head());
        assertThat(leanAnswer.text()).isEqualTo(micronaut.text());
        assertThat(leanAnswer.body()).isEqualTo(micronaut.body());
    }

    @Test
    void givenAVerifiedToken_whenReadsAreSentTheLeanWay_thenTheVeryBytesMicronautAnswersAndServedThere()
            throws Exception {
        String id = document("リーン読み取り");
        String token = token(Callers.KAWASAKI, "lean-editor", "editor");
        try (RawHttp http = new RawHttp(server.getURI())) {
            for (String query : List.of(FEW, Operations.DOCUMENT, FEW)) {     // the second FEW: a kept answer
                RawHttp.Answer[] answers = bothWays(http, token, RawHttp.body(query, idVariables(id)), "lean-read-1");
                assertThat(answers[0].status()).isEqualTo(200);
                assertThat(answers[0].text()).contains("リーン読み取り").doesNotContain("\"errors\"");
                assertThat(answers[0].header("X-Request-Id")).isEqualTo("lean-read-1");
                assertSameAnswer(answers[0], answers[1]);
            }
            RawHttp.Answer[] me = bothWays(http, token, RawHttp.body("{ me { userId } }", "{}"), "lean-me");
            assertThat(me[0].text()).contains("lean-editor");
            assertSameAnswer(me[0], me[1]);
            RawHttp.Answer[] invalid = bothWays(http, token, RawHttp.body("{ nope }", "{}"), "lean-invalid");
            assertThat(invalid[0].text()).contains("\"errors\"");
            assertSameAnswer(invalid[0], invalid[1]);
            RawHttp.Answer[] malformed = bothWays(http, token, "{\"query\": ", "lean-malformed");
            assertThat(malformed[0].status()).isEqualTo(400);
            assertSameAnswer(malformed[0], malformed[1]);
        }
    }

    @Test
    void givenAnotherMunicipalitysToken_whenItReadsThisOnesDocumentTheLeanWay_thenNullAsThroughMicronaut()
            throws Exception {
        String json = fewFieldRead("他団体の文書");
        try (RawHttp http = new RawHttp(server.getURI())) {
            bothWays(http, token(Callers.KAWASAKI, "lean-owner", "editor"), json, "owner");   // kept for Kawasaki
            RawHttp.Answer[] other = bothWays(http, token(Callers.ASAHIKAWA, "lean-other", "editor"), json, "other");
            assertThat(other[0].status()).isEqualTo(200);
            assertThat(other[0].text()).contains("\"assessment\":null").doesNotContain("他団体の文書");
            assertSameAnswer(other[0], other[1]);
        }
    }

    @Test
    void givenAVerifiedTokenOfAMunicipalityNotRegistered_whenSentTheLeanWay_thenRefusedAsThroughMicronaut()
            throws Exception {
        String json = fewFieldRead("未登録団体");
        String token = token(UNREGISTERED, "lean-unregistered", "editor");
        try (RawHttp http = new RawHttp(server.getURI())) {
            for (String body : List.of(json, ME)) {
                RawHttp.Answer[] answers = bothWays(http, token, body, "unregistered");
                assertThat(answers[0].text()).contains("UNAUTHENTICATED", "131075").doesNotContain("未登録団体");
                assertSameAnswer(answers[0], answers[1]);
            }
        }
    }

    @Test
    void givenNoTokenOrAnAlteredOrUnverifiedToken_whenSentTheLeanWay_thenTheSecurityFiltersRefusalAndNothingServed()
            throws Exception {
        String json = fewFieldRead("認証なし");
        String token = token(Callers.KAWASAKI, "lean-verified", "editor");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("141305", "012041").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String otherKey = new DevTokenIssuer(Duration.ofHours(1))
                .issue("lean-forger", "偽造", Callers.KAWASAKI, List.of("editor"));
        try (RawHttp http = new RawHttp(server.getURI())) {
            bothWays(http, token, json, "verified");                           // the genuine token is remembered
            long served = lean.served();
            for (String refusedToken : new String[]{null, altered, otherKey, token + "x"}) {
                RawHttp.Answer micronaut = http.exchange(RawHttp.post("/graphql", refusedToken, json, true, "r"));
                RawHttp.Answer leanShaped = http.exchange(RawHttp.post("/graphql", refusedToken, json, false, "r"));
                assertThat(micronaut.status()).isEqualTo(401);
                assertSameAnswer(micronaut, leanShaped);
                assertThat(leanShaped.text()).doesNotContain("認証なし");
            }
            assertThat(lean.served()).isEqualTo(served);
        }
    }

    @Test
    void givenATokenServedTheLeanWay_whenItHasExpired_thenTheSecurityFiltersRefusalAsThroughMicronautAndNothingServed()
            throws Exception {
        String json = fewFieldRead("期限切れ");
        String token = new DevTokenIssuer(EXPIRING_TOKEN_LIFETIME, ServerProcess.SECRET)
                .issue("lean-expiring", "利用者 lean-expiring", Callers.KAWASAKI, List.of("editor"));
        long exp = Long.parseLong(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8).replaceAll(".*\"exp\":(\\d+).*", "$1"));
        try (RawHttp http = new RawHttp(server.getURI())) {
            bothWays(http, token, json, "fresh");                              // verified, remembered, served lean
            assertThat(System.currentTimeMillis()).as("the fresh exchanges ended at least %s before the token's exp",
                    FRESH_MARGIN).isLessThan(exp * 1000 - FRESH_MARGIN.toMillis());
            while (System.currentTimeMillis() <= exp * 1000 + 50) {
                Thread.sleep(100);
            }
            long served = lean.served();
            RawHttp.Answer micronaut = http.exchange(RawHttp.post("/graphql", token, json, true, "expired"));
            RawHttp.Answer leanShaped = http.exchange(RawHttp.post("/graphql", token, json, false, "expired"));

            assertThat(micronaut.status()).isEqualTo(401);
            assertSameAnswer(micronaut, leanShaped);
            assertThat(lean.served()).isEqualTo(served);
        }
    }

    @Test
    void givenAMunicipalityOverItsRequestRate_whenSentTheLeanWay_thenRateLimitedAsThroughMicronaut()
            throws Exception {
        tenants.register(YOKOHAMA, "横浜市");
        String token = token(YOKOHAMA, "lean-busy", "editor");
        String json = RawHttp.body("{ me { userId } }", "{}");
        try (RawHttp http = new RawHttp(server.getURI())) {
            assertThat(http.exchange(RawHttp.post("/graphql", token, json, true, "q")).status()).isEqualTo(200);
            long served = lean.served();
            int ok = 1;
            RawHttp.Answer limited = null;
            while (limited == null && ok <= BURST) {
                RawHttp.Answer answer = http.exchange(RawHttp.post("/graphql", token, json, false, "q"));
                if (answer.status() == 200) {
                    ok++;
                } else {
                    limited = answer;
                }
            }
            long servedLean = lean.served() - served;
            RawHttp.Answer micronaut = http.exchange(RawHttp.post("/graphql", token, json, true, "q"));

            assertThat(servedLean).as("the burst and the limited one went the lean way").isEqualTo(BURST);
            assertThat(ok).isEqualTo(BURST);
            assertThat(limited).isNotNull();
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.text()).contains(GraphQlEndpoint.RATE_LIMITED);
            assertThat(micronaut.status()).isEqualTo(429);
            // The seconds to wait are computed per request; everything else is the same.
            assertThat(limited.head().replaceAll("\\d+", "N")).isEqualTo(micronaut.head().replaceAll("\\d+", "N"));
            assertThat(limited.text().replaceAll("\\d+", "N")).isEqualTo(micronaut.text().replaceAll("\\d+", "N"));
        }
    }

    @Test
    void givenABodyOverTheServersLimit_whenSentTheLeanWay_thenMicronautRefusesIt413AndNothingServed()
            throws Exception {
        String token = token(Callers.KAWASAKI, "lean-large", "editor");
        String json = RawHttp.body("{ me { userId } }", "{}");
        try (RawHttp http = new RawHttp(server.getURI())) {
            bothWays(http, token, json, "large");                                // remembered
        }
        long served = lean.served();
        try (RawHttp http = new RawHttp(server.getURI())) {
            String large = "{\"query\":\"{ me { userId } }\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
            byte[] request = RawHttp.post("/graphql", token, large, false, "large");
            Thread sender = new Thread(() -> {
                try {
                    http.send(request);
                } catch (java.io.IOException closedEarly) {
                    // Micronaut may answer and close before reading all of it
                }
            });
            sender.start();
            RawHttp.Answer refused = http.read();
            sender.join(10_000);
            assertThat(refused.status()).isEqualTo(413);
        }
        assertThat(lean.served()).isEqualTo(served);
    }

    @Test
    void givenAMutationSentTheLeanWay_whenDone_thenItIsStoredAndReadBackAsAnyOther() throws Exception {
        String token = token(Callers.KAWASAKI, "lean-writer", "editor");
        String start = RawHttp.body(Operations.START, "{\"kind\":\"KEY_ITEMS\",\"name\":\"リーン作成\"}");
        try (RawHttp http = new RawHttp(server.getURI())) {
            http.exchange(RawHttp.post("/graphql", token, RawHttp.body("{ me { userId } }", "{}"), true, "w"));
            long served = lean.served();
            RawHttp.Answer started = http.exchange(RawHttp.post("/graphql", token, start, false, "w"));
            assertThat(lean.served()).isEqualTo(served + 1);
            assertThat(started.status()).isEqualTo(200);
            String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body())
                    .path("data").path("startAssessment").path("assessment").path("id").asText();
            assertThat(id).isNotEmpty();

            assertThat(kawasakiEditor().data("assessment", FEW, Map.of("id", id)).path("affairName").asText())
                    .isEqualTo("リーン作成");
        }
    }

    @Test
    void givenPipelinedRequestsForBothPaths_whenSentInOneWrite_thenAnsweredInOrder() throws Exception {
        String json = fewFieldRead("順番");
        String token = token(Callers.KAWASAKI, "lean-pipeline", "editor");
        try (RawHttp http = new RawHttp(server.getURI())) {
            bothWays(http, token, json, "warm");
            long served = lean.served();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(RawHttp.post("/graphql", token, json, false, "p1"));
            all.writeBytes("GET /health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            all.writeBytes(RawHttp.post("/graphql", token, json, false, "p3"));
            all.writeBytes(RawHttp.post("/graphql", token, json, true, "p4"));
            all.writeBytes(RawHttp.post("/graphql", token, json, false, "p5"));
            http.send(all.toByteArray());

            RawHttp.Answer first = http.read();
            RawHttp.Answer health = http.read();
            RawHttp.Answer third = http.read();
            RawHttp.Answer fourth = http.read();
            RawHttp.Answer fifth = http.read();

            assertThat(first.header("X-Request-Id")).isEqualTo("p1");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.header("X-Request-Id")).isNull();
            assertThat(third.header("X-Request-Id")).isEqualTo("p3");
            assertThat(fourth.header("X-Request-Id")).isEqualTo("p4");
            assertThat(fifth.header("X-Request-Id")).isEqualTo("p5");
            for (RawHttp.Answer read : List.of(first, third, fourth, fifth)) {
                assertThat(read.text()).isEqualTo(first.text()).contains("順番");
            }
            // The first is the lean path's for certain; the third and fifth are too unless Micronaut still owed one.
            assertThat(lean.served() - served).isBetween(1L, 3L);
        }
    }

    @Test
    void givenReadsBothWays_whenCounted_thenMicronautsWebMetricsTimerCountsEachOnce() throws Exception {
        String json = fewFieldRead("計測");
        String token = token(Callers.KAWASAKI, "lean-metrics", "editor");
        try (RawHttp http = new RawHttp(server.getURI())) {
            bothWays(http, token, json, "m0");
            long before = requests200();
            http.exchange(RawHttp.post("/graphql", token, json, true, "m1"));
            assertThat(requests200()).as("Micronaut's filter").isEqualTo(before + 1);
            long served = lean.served();
            http.exchange(RawHttp.post("/graphql", token, json, false, "m2"));
            assertThat(lean.served()).isEqualTo(served + 1);
            assertThat(requests200()).as("the lean path").isEqualTo(before + 2);
        }
        assertThat(meters.find(LeanGraphQlPath.HTTP_SERVER_REQUESTS).tag("uri", "/graphql").tag("status", "200")
                .timers()).hasSize(1);
    }

    /** A token of Osaka's, verified and remembered (one request through Micronaut). */
    private String osakaToken(String user) throws Exception {
        if (tenants.name(OSAKA).isEmpty()) {
            tenants.register(OSAKA, "大阪市");
        }
        String token = token(OSAKA, user, "editor");
        try (RawHttp http = new RawHttp(server.getURI())) {
            assertThat(http.exchange(RawHttp.post("/graphql", token, ME, true, "v")).status()).isEqualTo(200);
        }
        return token;
    }

    /** Reads an answer, past a 100 Continue. */
    private static RawHttp.Answer finalAnswer(RawHttp http) throws Exception {
        RawHttp.Answer answer = http.read();
        return answer.status() == 100 ? http.read() : answer;
    }

    @Test
    void givenShapesOnlyMicronautAnswersAsIs_whenSentWithAContentLength_thenHandedToMicronautWithItsAnswer()
            throws Exception {
        String token = osakaToken("lean-shapes");
        List<String[]> shapes = List.of(new String[]{"Origin: https://example.jp"}, new String[]{"Cookie: a=b"},
                new String[]{"Expect: 100-continue"}, new String[]{"Accept-Encoding: gzip, deflate"},
                new String[]{"Authorization: Bearer " + token});
        try (RawHttp http = new RawHttp(server.getURI())) {
            for (String[] extra : shapes) {
                long served = lean.served();
                RawHttp.Answer micronaut = finalAnswer(sent(http, RawHttp.post("/graphql", token, ME, true, "s",
                        extra)));
                RawHttp.Answer leanShaped = finalAnswer(sent(http, RawHttp.post("/graphql", token, ME, false, "s",
                        extra)));
                assertThat(lean.served()).as("served lean with %s", extra[0]).isEqualTo(served);
                assertThat(leanShaped.status()).as(extra[0]).isEqualTo(micronaut.status());
                assertThat(leanShaped.header("Content-Encoding")).isEqualTo(micronaut.header("Content-Encoding"));
            }
        }
        for (String closing : List.of("HTTP/1.0", "Connection: close")) {
            byte[] request = RawHttp.post("/graphql", token, ME, false, "c",
                    closing.startsWith("Connection") ? new String[]{closing} : new String[0]);
            if (closing.startsWith("HTTP/")) {
                request = new String(request, StandardCharsets.ISO_8859_1).replaceFirst("HTTP/1.1", closing)
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            long served = lean.served();
            try (RawHttp http = new RawHttp(server.getURI())) {
                RawHttp.Answer answer = http.exchange(request);
                assertThat(answer.status()).as(closing).isEqualTo(200);
                assertThat(answer.text()).contains("lean-shapes");
                assertThat(http.closedByServer()).as(closing).isTrue();
            }
            assertThat(lean.served()).as("served lean with %s", closing).isEqualTo(served);
        }
    }

    private static RawHttp sent(RawHttp http, byte[] request) throws Exception {
        http.send(request);
        return http;
    }

    @Test
    void givenABodyInSeveralParts_whenSentTheLeanWay_thenServedOnceWhole() throws Exception {
        String token = osakaToken("lean-parts");
        byte[] request = RawHttp.post("/graphql", token, ME, false, "parts");
        try (RawHttp http = new RawHttp(server.getURI())) {
            long served = lean.served();
            int headEnd = new String(request, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
            int[] cuts = {headEnd + 3, headEnd + 10, request.length};
            int from = 0;
            for (int cut : cuts) {
                http.send(java.util.Arrays.copyOfRange(request, from, cut));
                from = cut;
                Thread.sleep(150);
            }
            RawHttp.Answer answer = http.read();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).contains("lean-parts");
            assertThat(lean.served()).isEqualTo(served + 1);
        }
    }

    @Test
    void givenABodyShorterThanItsContentLength_whenTheClientStopsSending_thenNothingServedAndTheConnectionCloses()
            throws Exception {
        String token = osakaToken("lean-short");
        byte[] request = RawHttp.post("/graphql", token, ME, false, "short");
        long served = lean.served();
        try (RawHttp http = new RawHttp(server.getURI())) {
            http.send(java.util.Arrays.copyOf(request, request.length - 5));
            Thread.sleep(200);
            http.endSending();
            assertThat(http.closedByServer()).isTrue();
        }
        Thread.sleep(200);
        assertThat(lean.served()).isEqualTo(served);
    }

    private long requests200() {
        Timer timer = meters.find(LeanGraphQlPath.HTTP_SERVER_REQUESTS).tags("method", "POST", "status", "200",
                "uri", "/graphql", "exception", "none").timer();
        return timer == null ? 0 : timer.count();
    }
}
