package jp.hyoka.server.integration;

import jakarta.inject.Inject;
import jp.hyoka.server.support.SignedInServerTest;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** A running server whose relay publishes to the broker at {@link #bootstrapServers()}, in batches of a few rows. */
abstract class RelayServerTest extends SignedInServerTest {

    @Inject
    DataSource dataSource;
    @Inject
    OutboxRelay relay;

    abstract String bootstrapServers();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("hyoka.kafka.bootstrap-servers", bootstrapServers());
        properties.put("hyoka.kafka.relay.poll-interval", "20ms");
        // small batches: a burst takes several, and the order must hold across them
        properties.put("hyoka.kafka.relay.batch-size", "7");
        return properties;
    }
}
