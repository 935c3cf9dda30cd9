package jp.hyoka.server.graphql;

import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import jp.hyoka.server.support.TableLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micronaut's graceful shutdown of the HTTP server (what SIGTERM starts; GracefulShutdownIT does it to a real process)
 * with requests on the lean path: Micronaut sees both connections idle and closes them, and each close waits for the
 * lean request, a read being served (held in PostgreSQL by a lock the test takes) and one whose body is still
 * arriving, which are answered with {@code connection: close}; the server's shutdown ends only after them. The server
 * stops here, so this class holds this one test.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeanGraphQlShutdownIT extends SignedInServerTest {

    private static final String ME = RawHttp.body("{ me { userId } }", "{}");
    /** The bytes of the arriving request held back until the shutdown has begun. */
    private static final int HELD_BACK = 5;

    @Inject
    LeanGraphQlPath lean;

    @Test
    void givenLeanRequestsBeingServedAndArriving_whenTheServerShutsDownGracefully_thenBothAnsweredWithCloseFirst()
            throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "停止中のリーン")).path("assessment").path("id").asText();
        String token = issuer.issue("lean-stopping", "利用者", Callers.KAWASAKI, List.of("editor"));
        byte[] arrivingRequest = RawHttp.post("/graphql", token, ME, false, "arriving");
        CompletableFuture<?> stopped;
        try (RawHttp serving = new RawHttp(server.getURI()); RawHttp arriving = new RawHttp(server.getURI())) {
            assertThat(serving.exchange(RawHttp.post("/graphql", token, ME, true, "verify")).status())
                    .as("the token verified by the security filter").isEqualTo(200);
            try (TableLock lock = lock("rm_assessment")) {
                long before = lean.served();
                serving.send(RawHttp.post("/graphql", token, RawHttp.body(Operations.DOCUMENT,
                        "{\"id\":\"" + id + "\"}"), false, "held"));
                lock.awaitWaiters(1, Duration.ofSeconds(20));
                assertThat(lean.served()).as("the held read is the lean path's").isEqualTo(before + 1);
                arriving.send(Arrays.copyOf(arrivingRequest, arrivingRequest.length - HELD_BACK));
                Thread.sleep(300);                                  // the head is read before the shutdown begins

                stopped = ((GracefulShutdownCapable) server).shutdownGracefully().toCompletableFuture();
                Thread.sleep(500);
                assertThat(stopped).as("the shutdown waits for both lean requests").isNotDone();

                arriving.send(Arrays.copyOfRange(arrivingRequest, arrivingRequest.length - HELD_BACK,
                        arrivingRequest.length));
                RawHttp.Answer arrived = arriving.read();
                assertThat(arrived.status()).isEqualTo(200);
                assertThat(arrived.text()).contains("lean-stopping");
                assertThat(arrived.header("Connection")).isEqualTo("close");
                assertThat(arriving.closedByServer()).isTrue();
                assertThat(lean.served()).as("the arriving request too").isEqualTo(before + 2);
                assertThat(stopped).as("the shutdown still waits for the held read").isNotDone();
            }
            RawHttp.Answer held = serving.read();
            assertThat(held.status()).isEqualTo(200);
            assertThat(held.text()).contains("停止中のリーン");
            assertThat(held.header("Connection")).isEqualTo("close");
            assertThat(serving.closedByServer()).isTrue();
        }
        stopped.get(10, TimeUnit.SECONDS);
    }
}
