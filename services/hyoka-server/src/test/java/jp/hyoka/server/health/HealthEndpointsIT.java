package jp.hyoka.server.health;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;

import static jp.hyoka.server.support.Management.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** The probes answer anyone with a status and nothing else; every other management endpoint stays closed. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthEndpointsIT extends SignedInServerTest {

    private static final List<String> CLOSED = List.of("/beans", "/env", "/loggers", "/routes", "/info", "/metrics",
            "/threaddump", "/refresh", "/stop", "/caches");

    @Test
    void givenNoToken_whenTheProbesAsk_thenBothAnswerUpWithAStatusAndNothingElse() {
        for (String probe : List.of("/health/liveness", "/health/readiness", "/health")) {
            HttpResponse<String> answer = ask(server.getURI(), probe);

            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void givenNoToken_whenAnyOtherManagementEndpointIsAsked_thenItIsRefusedWith401() {
        for (String path : CLOSED) {
            assertThat(ask(server.getURI(), path).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void givenAMunicipalEditorsToken_whenAnyOtherManagementEndpointIsAsked_thenItIsNotServed() {
        String editor = issuer.issue("k-editor", "川崎 一郎", Callers.KAWASAKI, List.of("editor", "approver"));
        for (String path : CLOSED) {
            assertThat(ask(server.getURI(), path, editor).statusCode()).as(path).isIn(403, 404);
        }
    }
}
