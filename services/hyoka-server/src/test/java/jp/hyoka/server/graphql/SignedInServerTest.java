package jp.hyoka.server.graphql;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.HyokaServerTest;
import org.junit.jupiter.api.BeforeAll;

/** A running server with the demo municipalities registered and signed-in clients for them ({@link Callers}). */
abstract class SignedInServerTest extends HyokaServerTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DevTokenIssuer issuer;
    @Inject
    Tenants tenants;

    Callers callers;

    @BeforeAll
    void signIn() {
        callers = new Callers(server, issuer, tenants);
    }
}
