package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micronaut's idle timeout (2 s here) on a connection whose lean request's body stopped arriving: the server closes
 * it at the idle timeout, nothing served. The EOF is timed: it must come before the idle timeout and a second, and the
 * body's rest is sent at 2.5 s. So neither an unfixed handler (the close held for the body; the rest, once it arrives,
 * is served with {@code connection: close} and the connection closed after it) nor one that only has the held close's
 * limit (the close comes at ~4 s: the idle close at 2 s, held for the idle timeout again) passes.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeanGraphQlIdleIT extends SignedInServerTest {

    private static final String ME = RawHttp.body("{ me { userId } }", "{}");

    @Inject
    LeanGraphQlPath lean;

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of("micronaut.server.idle-timeout", "2s"));
    }

    @Test
    void givenALeanRequestsBodyThatStopsArriving_whenTheConnectionIsIdleForTheIdleTimeout_thenTheServerClosesIt()
            throws Exception {
        String token = issuer.issue("lean-idle", "利用者", Callers.KAWASAKI, List.of("editor"));
        byte[] stalled = RawHttp.post("/graphql", token, ME, false, "stalled");
        try (RawHttp http = new RawHttp(server.getURI())) {
            assertThat(http.exchange(RawHttp.post("/graphql", token, ME, true, "verify")).status())
                    .as("the token verified by the security filter").isEqualTo(200);
            long before = lean.served();
            assertThat(http.exchange(RawHttp.post("/graphql", token, ME, false, "lean")).status()).isEqualTo(200);
            // The same shape on this connection is the lean path's: the stalled request below is read there.
            assertThat(lean.served()).as("served lean").isEqualTo(before + 1);
            long stalledAt = System.nanoTime();
            http.send(Arrays.copyOf(stalled, stalled.length - 5));
            // Read meanwhile, to see when the server closes: the EOF is timed, not merely seen.
            CompletableFuture<byte[]> untilClosed = CompletableFuture.supplyAsync(() -> {
                try {
                    return http.readUntilClosed();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            CompletableFuture<Long> closedAfterMillis = untilClosed
                    .thenApply(answered -> (System.nanoTime() - stalledAt) / 1_000_000);

            Thread.sleep(2_500);                                 // past the idle timeout, before a held close's limit
            try {
                http.send(Arrays.copyOfRange(stalled, stalled.length - 5, stalled.length));
            } catch (IOException closedByTheServer) {
                // the connection is gone, as it should be
            }
            assertThat(untilClosed.get(20, TimeUnit.SECONDS)).as("nothing answered before the close").isEmpty();
            assertThat(closedAfterMillis.get()).as("closed at the idle timeout (2 s), not after a held close's limit")
                    .isLessThan(3_000);
            Thread.sleep(1_000);
            assertThat(lean.served()).as("the stalled request never served").isEqualTo(before + 1);
        }
    }
}
