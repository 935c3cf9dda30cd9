package jp.hyoka.server.health;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.security.PlatformOperator;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static jp.hyoka.server.support.Management.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the embedded default (application.yml as a deployment has it), /prometheus is for platform operators: no
 * token is refused, a municipal editor's token is forbidden, a platform operator's (Prometheus' own) is served.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsAccessIT extends SignedInServerTest {

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(), "hyoka.metrics.access");       // application.yml's default
    }

    @Test
    void givenTheDeploymentsConfiguration_whenPrometheusScrapesWithoutAToken_thenItIsRefused() {
        assertThat(ask(server.getURI(), "/prometheus").statusCode()).isEqualTo(401);
    }

    @Test
    void givenTheDeploymentsConfiguration_whenAMunicipalEditorScrapes_thenItIsForbidden() {
        String editor = issuer.issue("k-editor", "川崎 一郎", Callers.KAWASAKI, List.of("editor", "approver"));

        assertThat(ask(server.getURI(), "/prometheus", editor).statusCode()).isEqualTo(403);
    }

    @Test
    void givenTheDeploymentsConfiguration_whenAPlatformOperatorScrapes_thenTheMetricsAreServed() {
        String operator = issuer.issue("prometheus", "Prometheus", null, List.of(PlatformOperator.ROLE));

        var scraped = ask(server.getURI(), "/prometheus", operator);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("hyoka_event_store_head");
    }
}
