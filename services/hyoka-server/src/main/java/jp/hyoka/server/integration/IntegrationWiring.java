package jp.hyoka.server.integration;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The outbox's lag for platform operators ({@code integrationOutbox}). */
@Singleton
public class IntegrationWiring implements GraphQlFeature {

    private final DataSource dataSource;
    private final KafkaSettings settings;

    public IntegrationWiring(DataSource dataSource, KafkaSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    @Override
    public String sdlFile() {
        return "integration.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("integrationOutbox", environment -> {
            Requests.platformOperator(environment);
            return status();
        }));
    }

    private Map<String, Object> status() throws SQLException {
        OutboxTable.Lag lag = OutboxTable.lag(dataSource, true);
        Map<String, Object> status = new HashMap<>();
        status.put("waiting", lag.waiting());
        status.put("oldestWaitingAgeSeconds", lag.oldestWaitingAgeSeconds());
        status.put("publishedTotal", lag.publishedTotal());
        status.put("relayActive", lag.relayActive());
        status.put("bootstrapServers", settings.bootstrapServers().orElse(null));
        return status;
    }
}
