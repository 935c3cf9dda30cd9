package jp.hyoka.server.integration;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's lag is a metric: Prometheus scrapes /prometheus (no token: counts only) and reads how many integration
 * events wait for the relay (none runs here: no broker is configured) and how old the oldest is.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxMetricsIT extends SignedInServerTest {

    @Inject
    DataSource dataSource;

    @Test
    void givenEventsWaitingForTheRelay_whenPrometheusScrapes_thenTheOutboxLagIsInTheMetrics() throws Exception {
        new Outbox(dataSource).insert("hyoka.municipality.141305", 3, "141305:metrics");

        // The lag is read every 5 s on a thread of its own (never in the scrape): scrape until it shows.
        HttpResponse<String> scraped = scrape();
        for (long deadline = System.nanoTime() + 20_000_000_000L; System.nanoTime() < deadline
                && !scraped.body().contains("hyoka_integration_outbox_waiting 3"); ) {
            Thread.sleep(200);
            scraped = scrape();
        }

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).containsPattern("(?m)^hyoka_integration_outbox_waiting [3-9]")
                .containsPattern("(?m)^hyoka_integration_outbox_oldest_waiting_age_seconds [0-9]")
                .contains("hyoka_integration_outbox_relay_active 0");
    }

    private HttpResponse<String> scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/prometheus")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
