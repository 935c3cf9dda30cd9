package jp.hyoka.server.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.DevTokenIssuer;

import java.util.List;

/**
 * Prints a development token of a platform operator, for the operator's tools (infra/scripts/rebuild-read-models.sh).
 * The token names 川崎市 only because a token must name a registered municipality; the role gives no access to any
 * municipality's documents.
 */
@Singleton
@Requires(property = "hyoka.demo.enabled", value = "true")
@Requires(beans = DevTokenIssuer.class)
public class DemoOperator implements ApplicationEventListener<ServerStartupEvent> {

    private final DevTokenIssuer issuer;

    public DemoOperator(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String token = issuer.issue("demo-platform-operator", "運用 担当者", null,
                List.of("platform-operator"));
        System.out.println("\nPlatform operator (onboardMunicipality, municipalities, read-model rebuilds: infra/scripts/rebuild-read-models.sh):\n"
                + "HYOKA_TOKEN=" + token + "\n");
    }
}
