package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Write backpressure on the lean path ({@link LeanGraphQlHandler}) as on Micronaut's: a client that pipelines many
 * reads and reads no answer gets no more served than the connection's buffers hold; the rest wait unread (not served
 * into the server's heap) and are all answered, in order, once the client reads. No rate or cost limit here, so that
 * every request is a whole-document read with its full answer.
 * <p>
 * The document read is a whole published 評価書 (sample 000, its ~240 answers): each answer is tens of KB, so a few
 * hundred pipelined reads are already several times what the buffers hold (an empty document's answer of a few
 * hundred bytes needed tens of thousands of requests, minutes of the suite, for the same proof).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeanGraphQlBackpressureIT extends SignedInServerTest {

    /**
     * What the pipelined answers add up to: well over what the kernel's socket buffers (the server's send buffer
     * grows to {@code net.ipv4.tcp_wmem}'s 4 MB) and Netty's hold, so that serving them all means serving past full.
     */
    private static final long PIPELINED_BYTES = 16L * 1024 * 1024;
    /** Fewer requests than this would prove little whatever their size. */
    private static final int LEAST_REQUESTS = 200;
    private static final int CLIENT_RECEIVE_BUFFER = 16 * 1024;

    @Inject
    LeanGraphQlPath lean;

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(
                "hyoka.limits.requests-per-second", "0",
                "hyoka.limits.cost.maximum-available", "1000000000",
                "hyoka.limits.cost.restore-rate", "1000000000"));
    }

    @Test
    void givenAClientPipeliningReadsWithoutReading_whenTheConnectionIsFull_thenNoMoreAreServedUntilItReads()
            throws Exception {
        String token = issuer.issue("lean-flood", "利用者", Callers.KAWASAKI, List.of("editor"));
        String id = Imports.importedId(new GraphQlClient(server.getURI(), token), Samples.ALL_ITEMS_000);
        String json = RawHttp.body(Operations.DOCUMENT, "{\"id\":\"" + id + "\"}");
        try (RawHttp http = new RawHttp(server.getURI(), CLIENT_RECEIVE_BUFFER)) {
            http.exchange(RawHttp.post("/graphql", token, json, true, "verify"));         // the token verified
            long before = lean.served();
            RawHttp.Answer one = http.exchange(RawHttp.post("/graphql", token, json, false, "size"));
            assertThat(lean.served()).isEqualTo(before + 1);
            int requests = (int) Math.max(LEAST_REQUESTS, PIPELINED_BYTES / one.body().length);
            System.out.printf("LeanGraphQlBackpressureIT: %d requests of %d bytes answered each%n", requests,
                    one.body().length);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < requests; i++) {
                all.writeBytes(RawHttp.post("/graphql", token, json, false, "f" + i));
            }
            Thread sender = new Thread(() -> {
                try {
                    http.send(all.toByteArray());
                } catch (IOException closed) {
                    // the test ended first
                }
            });
            // Counted before the first byte is sent: a warm server serves the first request before this thread
            // would read the count after start() (seen in CI: 201 of 202).
            long start = lean.served();
            sender.start();
            long servedWhileFull = awaitSteady();

            assertThat(servedWhileFull - start).as("served while the client read nothing, of %d", requests)
                    .isLessThan(requests / 2);
            for (int i = 0; i < requests; i++) {
                RawHttp.Answer answer = http.read();
                assertThat(answer.header("X-Request-Id")).isEqualTo("f" + i);
                assertThat(answer.body()).isEqualTo(one.body());
            }
            assertThat(lean.served()).isEqualTo(start + requests);
            sender.join(10_000);
        }
    }

    /** The lean path's count once it has not moved for two seconds. */
    private long awaitSteady() throws InterruptedException {
        long last = -1;
        long steadySince = System.nanoTime();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            long now = lean.served();
            if (now != last) {
                last = now;
                steadySince = System.nanoTime();
            } else if (System.nanoTime() - steadySince > 2_000_000_000L) {
                return now;
            }
            Thread.sleep(100);
        }
        return lean.served();
    }
}
