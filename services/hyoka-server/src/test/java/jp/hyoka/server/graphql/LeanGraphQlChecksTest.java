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
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.filter.FilterOrder;
import io.micronaut.http.filter.GenericHttpFilter;
import io.micronaut.http.filter.HttpFilter;
import io.micronaut.inject.MethodExecutionHandle;
import io.micronaut.security.config.SecurityConfigurationProperties;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
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
        return new LeanGraphQlChecks(beansWith(bearer, fetchers, readers, resolvers), null);
    }

    private static BeanContext beansWith(BearerTokenConfiguration bearer, List<Class<?>> fetchers,
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
        return beans;
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

    /** An interface's proxy answering the named methods, failing on any other (what the check must not ask). */
    @SuppressWarnings("unchecked")
    private static <T> T answering(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(LeanGraphQlChecksTest.class.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> {
                    if (answers.containsKey(method.getName())) {
                        return answers.get(method.getName());
                    }
                    if (method.getName().equals("toString")) {
                        return type.getSimpleName();
                    }
                    throw new UnsupportedOperationException(method.toString());
                });
    }

    /** A route the router found: declared by {@code type}, its method {@code method}, bound to {@code port} or any. */
    private static UriRouteMatch<?, ?> route(Class<?> type, String method, Integer port) {
        java.util.HashMap<String, Object> info = new java.util.HashMap<>();
        info.put("getDeclaringType", type);
        info.put("getTargetMethod", answering(MethodExecutionHandle.class, Map.of("getMethodName", method)));
        info.put("getPort", port);
        info.put("getHttpMethod", HttpMethod.POST);
        return answering(UriRouteMatch.class, Map.of("getRouteInfo", answering(UriRouteInfo.class, info)));
    }

    private static LeanGraphQlChecks routedTo(UriRouteMatch<?, ?>... routes) {
        return new LeanGraphQlChecks(null, answering(Router.class, Map.of("findAny", List.of(routes))));
    }

    private static UriRouteMatch<?, ?> getRoute() {
        return answering(UriRouteMatch.class, Map.of("getRouteInfo", answering(UriRouteInfo.class,
                Map.of("getHttpMethod", HttpMethod.GET))));
    }

    @Test
    void givenOnlyTheEndpointsPostOnAnyPortBesideAGet_whenTheRouteIsChecked_thenNoRefusal() {
        assertThat(routedTo(route(GraphQlEndpoint.class, "post", null), getRoute()).routeRefusal("/graphql"))
                .isEmpty();
    }

    @Test
    void givenASecondRouteOrAPortBoundOneOrAnotherMethodOrNone_whenTheRouteIsChecked_thenRefused() {
        UriRouteMatch<?, ?> post = route(GraphQlEndpoint.class, "post", null);
        assertThat(routedTo(post, route(String.class, "json", null)).routeRefusal("/graphql")).get().asString()
                .contains("2 routes");
        assertThat(routedTo(route(GraphQlEndpoint.class, "post", 8443)).routeRefusal("/graphql")).isPresent();
        assertThat(routedTo(route(GraphQlEndpoint.class, "postPublic", null)).routeRefusal("/graphql")).isPresent();
        assertThat(routedTo(route(String.class, "post", null)).routeRefusal("/graphql")).isPresent();
        assertThat(routedTo().routeRefusal("/graphql")).get().asString().contains("0 routes");
    }

    @Test
    void givenDualProtocolRedirectingHttpToHttps_whenChecked_thenRefused() {
        HttpServerConfiguration server = new HttpServerConfiguration();
        server.setDualProtocol(true);
        server.setHttpToHttpsRedirect(true);
        // Refused before the router or any bean is asked (there are none here).
        assertThat(new LeanGraphQlChecks(null, null).refusal(server, new SecurityConfigurationProperties(), "/graphql"))
                .get().asString().contains("redirected to HTTPS");
    }

    @Test
    void givenOnlyTheSecurityFilterButBearerTokensOff_whenTheWholeCheckRuns_thenTheAuthenticationRefusalIsItsAnswer() {
        // Described as the router holds it: a record naming the filter's bean.
        HttpFilter bean = (HttpFilter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpFilter.class}, (proxy, method, args) -> method.getName().equals("toString")
                        ? LeanGraphQlChecks.SECURITY_FILTER + "@1" : null);
        GenericHttpFilter securityFilter = GenericHttpFilter.createLegacyFilter(bean, new FilterOrder.Fixed(0));
        Router router = answering(Router.class, Map.of("findPreMatchingFilters", List.of(),
                "findFilters", List.of(securityFilter)));
        BearerTokenConfigurationProperties off = new BearerTokenConfigurationProperties();
        off.setEnabled(false);
        LeanGraphQlChecks checks = new LeanGraphQlChecks(beansWith(off, List.of(VerifiedTokens.class),
                List.of(BearerTokenReader.class), List.of(DefaultTokenResolver.class)), router);
        assertThat(checks.refusal(new HttpServerConfiguration(), new SecurityConfigurationProperties(), "/graphql"))
                .get().asString().contains("bearer tokens");
    }
}
