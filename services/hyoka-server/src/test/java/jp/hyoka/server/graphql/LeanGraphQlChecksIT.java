package jp.hyoka.server.graphql;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LeanGraphQlChecks} against Micronaut's real router: a POST route carrying a security annotation (which only
 * the security annotation rule would decide, and the lean path does not repeat) turns the lean path off for it; the
 * GraphQL route, which carries none, does not; a pre-matching server filter (run before routing) is seen as any other
 * filter and turns it off for its path.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeanGraphQlChecksIT extends SignedInServerTest {

    static final String PROBE = "/lean-secured-probe";
    static final String PRE_MATCHING_PROBE = "/lean-pre-matching-probe";

    @Inject
    LeanGraphQlChecks checks;
    @Inject
    HttpServerConfiguration server;
    @Inject
    SecurityConfiguration security;

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of("hyoka.test.lean-secured-probe", "true"));
    }

    /** A route only this test has, secured by annotation. */
    @Controller(PROBE)
    @Requires(property = "hyoka.test.lean-secured-probe", value = "true")
    static class SecuredProbe {
        @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
        @Secured("ROLE_PROBE")
        String post() {
            return "{}";
        }
    }

    /** A pre-matching filter only this test has, for a path of its own. */
    @ServerFilter(PRE_MATCHING_PROBE)
    @Requires(property = "hyoka.test.lean-secured-probe", value = "true")
    static class PreMatchingProbe {
        @RequestFilter
        @PreMatching
        void filter(HttpRequest<?> request) {
            // does nothing: only its being found matters
        }
    }

    @Test
    void givenAPreMatchingServerFilter_whenItsPathIsChecked_thenItIsFoundAndTheLeanPathIsRefused() {
        assertThat(checks.filters(PRE_MATCHING_PROBE)).anyMatch(filter -> filter.contains("PreMatchingProbe"));
        assertThat(checks.refusal(server, security, PRE_MATCHING_PROBE)).get().asString()
                .contains("server filters").contains("PreMatchingProbe");
    }

    @Test
    void givenARouteSecuredByAnnotation_whenChecked_thenTheLeanPathIsRefusedForIt() {
        assertThat(checks.securedRoutes(PROBE)).hasSize(1);
        assertThat(checks.refusal(server, security, PROBE)).get().asString().contains("security annotations");
    }

    @Test
    void givenTheGraphQlRoute_whenChecked_thenNoSecurityAnnotationAndNoRefusal() {
        assertThat(checks.securedRoutes("/graphql")).isEmpty();
        assertThat(checks.routeRefusal("/graphql")).as("one route, GraphQlEndpoint#post").isEmpty();
        assertThat(checks.refusal(server, security, "/graphql")).isEmpty();
    }

    @Test
    void givenARouteOfAnotherController_whenItsRouteIsChecked_thenRefused() {
        assertThat(checks.routeRefusal(PROBE)).get().asString().contains("SecuredProbe");
    }
}
