package jp.hyoka.server.support;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.HyokaServerTest;
import org.junit.jupiter.api.BeforeAll;

/** A running server with the demo municipalities registered and signed-in clients for them ({@link Callers}). */
public abstract class SignedInServerTest extends HyokaServerTest {

    @Inject
    public EmbeddedServer server;
    @Inject
    public DevTokenIssuer issuer;
    @Inject
    public Tenants tenants;

    public Callers callers;

    @BeforeAll
    public void signIn() {
        callers = new Callers(server, issuer, tenants);
    }
}
