package jp.hyoka.server.graphql;

import io.micronaut.http.HttpMethod;
import io.micronaut.security.config.InterceptUrlMapPattern;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LeanGraphQlChecks#interceptUrlRule} finds the intercept-url rule for {@code POST /graphql} as
 * micronaut-security's {@code InterceptUrlMapRule} does: a rule naming POST anywhere in the list before any rule
 * naming no method, whatever their order.
 */
class LeanGraphQlChecksTest {

    private static final InterceptUrlMapPattern ANY_METHOD_AUTHENTICATED =
            new InterceptUrlMapPattern("/graphql", List.of(LeanGraphQlChecks.AUTHENTICATED), null);
    private static final InterceptUrlMapPattern POST_ADMIN =
            new InterceptUrlMapPattern("/graphql", List.of("ROLE_ADMIN"), HttpMethod.POST);
    private static final InterceptUrlMapPattern GET_ANONYMOUS =
            new InterceptUrlMapPattern("/graphql", List.of("isAnonymous()"), HttpMethod.GET);

    @Test
    void givenAPostRuleAfterAGenericOne_whenTheRuleForPostIsLookedUp_thenThePostRuleDecides() {
        assertThat(LeanGraphQlChecks.interceptUrlRule(List.of(ANY_METHOD_AUTHENTICATED, POST_ADMIN), "/graphql"))
                .contains(POST_ADMIN);
    }

    @Test
    void givenOnlyAGetRuleAndAGenericOne_whenTheRuleForPostIsLookedUp_thenTheGenericOneDecides() {
        assertThat(LeanGraphQlChecks.interceptUrlRule(List.of(GET_ANONYMOUS, ANY_METHOD_AUTHENTICATED), "/graphql"))
                .contains(ANY_METHOD_AUTHENTICATED);
    }

    @Test
    void givenNoRuleMatchingThePath_whenLookedUp_thenNone() {
        assertThat(LeanGraphQlChecks.interceptUrlRule(List.of(new InterceptUrlMapPattern("/web/**",
                List.of("isAnonymous()"), null)), "/graphql")).isEmpty();
    }
}
