package jp.hyoka.server.graphql;

import io.micronaut.context.BeanContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.security.config.InterceptUrlMapPattern;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.token.bearer.BearerTokenConfiguration;
import io.micronaut.security.token.bearer.BearerTokenConfigurationProperties;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.cookie.CookieTokenReader;
import io.micronaut.security.token.cookie.TokenCookieTokenReader;
import io.micronaut.security.token.reader.DefaultTokenResolver;
import io.micronaut.security.token.reader.HttpHeaderTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import io.micronaut.security.token.reader.TokenResolver;
import jp.hyoka.server.security.VerifiedTokens;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LeanGraphQlChecks#interceptUrlRule} finds the intercept-url rule for {@code POST /graphql} as
 * micronaut-security's {@code InterceptUrlMapRule} does: a rule naming POST anywhere in the list before any rule
 * naming no method, whatever their order; and {@link LeanGraphQlChecks#authenticationRefusal} refuses any way of
 * authenticating or of finding a token but the bearer token in {@code Authorization: Bearer} that the lean path reads.
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

    /** The bean context as far as the authentication check asks it: the bearer configuration and the fetchers. */
    private static LeanGraphQlChecks checksWith(BearerTokenConfiguration bearer, Class<?>... fetchers) {
        return checksWith(bearer, List.of(fetchers), List.of(BearerTokenReader.class),
                List.of(DefaultTokenResolver.class));
    }

    /** ... and the token readers and resolvers. */
    private static LeanGraphQlChecks checksWith(BearerTokenConfiguration bearer, List<Class<?>> fetchers,
                                                List<Class<?>> readers, List<Class<?>> resolvers) {
        Map<Class<?>, List<BeanDefinition<?>>> definitions = Map.of(AuthenticationFetcher.class, definitions(fetchers),
                TokenReader.class, definitions(readers), TokenResolver.class, definitions(resolvers));
        BeanContext beans = (BeanContext) Proxy.newProxyInstance(LeanGraphQlChecksTest.class.getClassLoader(),
                new Class<?>[]{BeanContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findBean") && args.length == 1
                            && args[0] == BearerTokenConfiguration.class) {
                        return Optional.ofNullable(bearer);
                    }
                    if (method.getName().equals("getBeanDefinitions") && args.length == 1
                            && definitions.containsKey(args[0])) {
                        return definitions.get(args[0]);
                    }
                    throw new UnsupportedOperationException(method.toString());
                });
        return new LeanGraphQlChecks(beans, null);
    }

    private static List<BeanDefinition<?>> definitions(List<Class<?>> types) {
        return types.stream().<BeanDefinition<?>>map(type ->
                (BeanDefinition<?>) Proxy.newProxyInstance(LeanGraphQlChecksTest.class.getClassLoader(),
                        new Class<?>[]{BeanDefinition.class}, (proxy, method, args) -> switch (method.getName()) {
                            case "getBeanType" -> type;
                            case "toString" -> type.getName();
                            default -> throw new UnsupportedOperationException(method.getName());
                        })).toList();
    }

    @Test
    void givenBearerTokensInAuthorizationAndTheTokenFetcher_whenChecked_thenNoRefusal() {
        assertThat(checksWith(new BearerTokenConfigurationProperties(), VerifiedTokens.class).authenticationRefusal())
                .isEmpty();
    }

    @Test
    void givenAnotherAuthenticationFetcher_whenChecked_thenRefusedNamingIt() {
        assertThat(checksWith(new BearerTokenConfigurationProperties(), VerifiedTokens.class, String.class)
                .authenticationRefusal()).get().asString().contains("java.lang.String");
    }

    @Test
    void givenBearerTokensReadFromAnotherHeaderOrPrefixOrOff_whenChecked_thenRefused() {
        BearerTokenConfigurationProperties header = new BearerTokenConfigurationProperties();
        header.setHeaderName("X-Token");
        BearerTokenConfigurationProperties prefix = new BearerTokenConfigurationProperties();
        prefix.setPrefix("Token");
        BearerTokenConfigurationProperties off = new BearerTokenConfigurationProperties();
        off.setEnabled(false);
        for (BearerTokenConfiguration bearer : java.util.Arrays.asList(header, prefix, off, null)) {
            assertThat(checksWith(bearer, VerifiedTokens.class).authenticationRefusal()).as("%s", bearer).isPresent();
        }
    }

    @Test
    void givenTheBearerReaderAndTheCookieReaders_whenChecked_thenNoRefusal() {
        assertThat(checksWith(new BearerTokenConfigurationProperties(), List.of(VerifiedTokens.class),
                List.of(BearerTokenReader.class, TokenCookieTokenReader.class, CookieTokenReader.class),
                List.of(DefaultTokenResolver.class)).authenticationRefusal()).isEmpty();
    }

    /** A reader of another header: the fetcher would try its token beside the bearer one the lean path reads. */
    private static final class HeaderReader extends HttpHeaderTokenReader {
        @Override
        protected String getPrefix() {
            return null;
        }

        @Override
        protected String getHeaderName() {
            return "X-Token";
        }
    }

    @Test
    void givenAnotherTokenReader_whenChecked_thenRefusedNamingIt() {
        assertThat(checksWith(new BearerTokenConfigurationProperties(), List.of(VerifiedTokens.class),
                List.of(BearerTokenReader.class, HeaderReader.class), List.of(DefaultTokenResolver.class))
                .authenticationRefusal()).get().asString().contains("token readers").contains("HeaderReader");
    }

    @Test
    void givenAnotherTokenResolver_whenChecked_thenRefusedNamingIt() {
        assertThat(checksWith(new BearerTokenConfigurationProperties(), List.of(VerifiedTokens.class),
                List.of(BearerTokenReader.class), List.of(String.class))
                .authenticationRefusal()).get().asString().contains("token resolvers").contains("java.lang.String");
    }
}
