package jp.hyoka.server.graphql;

import io.micronaut.context.BeanContext;
import io.micronaut.core.util.PathMatcher;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.security.config.InterceptUrlMapPattern;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.bearer.BearerTokenConfiguration;
import io.micronaut.security.token.reader.TokenReader;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.VerifiedTokens;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Whether Micronaut's pipeline does, for {@code POST /graphql}, exactly what {@link LeanGraphQlPath} does in its place:
 * checked once, at start-up, from the beans and configuration the pipeline itself uses. Anything it does not know (a
 * server filter or security rule of another kind, CORS, a context path, IP restrictions, an intercept-url rule asking
 * for more than a verified token, a way of authenticating or of reading a token other than a bearer token in
 * {@code Authorization}) turns the lean path off: a new check in Micronaut's pipeline must not be skipped unnoticed.
 */
@Singleton
class LeanGraphQlChecks {

    /** The server filters whose work for POST /graphql the lean path repeats (authentication; web metrics). */
    static final String SECURITY_FILTER = "io.micronaut.security.filters.SecurityFilter";
    static final String METRICS_FILTER = "io.micronaut.configuration.metrics.binder.web.ServerMetricsFilter";
    /**
     * The filters that may apply to POST /graphql: the two above; CORS, which does nothing while it is off (checked
     * below) and the lean path hands every request with an Origin to Micronaut anyway; OPTIONS, for OPTIONS only.
     */
    private static final List<String> KNOWN_FILTERS = List.of(SECURITY_FILTER, METRICS_FILTER,
            "io.micronaut.http.server.cors.CorsFilter", "io.micronaut.http.server.OptionsFilter");
    /** micronaut-security's own rules: for POST /graphql only the intercept-url rule decides (IP patterns aside). */
    private static final Set<String> KNOWN_RULES = Set.of(
            "io.micronaut.security.rules.IpPatternsRule",
            "io.micronaut.security.rules.SecuredAnnotationRule",
            "io.micronaut.security.rules.ConfigurationInterceptUrlMapRule",
            "io.micronaut.security.rules.SensitiveEndpointRule");
    /**
     * The authentication fetchers the security filter may ask for POST /graphql: the token fetcher the lean path's
     * {@link VerifiedTokens} is (and the one it replaces), and basic auth, which reads only an {@code Authorization:
     * Basic} header, never a request the lean path takes. Any other (X.509, a session, one of Hyoka's own) could
     * authenticate a request differently from the bearer token the lean path reads.
     */
    private static final Set<String> KNOWN_FETCHERS = Set.of(VerifiedTokens.class.getName(),
            "io.micronaut.security.token.TokenAuthenticationFetcher",
            "io.micronaut.security.authentication.BasicAuthAuthenticationFetcher");
    /**
     * The token readers the token fetcher's resolver may ask: the bearer reader, and the cookie readers, which read
     * only a {@code Cookie} header, never present on a request the lean path takes. Any other (another header, a query
     * parameter) could give the fetcher a second token, which it would try beside or before the bearer one: the
     * request might be authenticated as another caller than the bearer token the lean path reads.
     */
    private static final Set<String> KNOWN_READERS = Set.of("io.micronaut.security.token.bearer.BearerTokenReader",
            "io.micronaut.security.token.cookie.TokenCookieTokenReader",
            "io.micronaut.security.token.cookie.CookieTokenReader");
    /** micronaut-security's resolver: every reader's token, in the readers' order (another could read anything). */
    private static final String DEFAULT_RESOLVER = "io.micronaut.security.token.reader.DefaultTokenResolver";
    static final String AUTHENTICATED = "isAuthenticated()";
    private static final List<String> SECURITY_ANNOTATIONS = List.of("io.micronaut.security.annotation.Secured",
            "jakarta.annotation.security.RolesAllowed", "jakarta.annotation.security.PermitAll",
            "jakarta.annotation.security.DenyAll", "javax.annotation.security.RolesAllowed",
            "javax.annotation.security.PermitAll", "javax.annotation.security.DenyAll");

    private final BeanContext beans;
    private final Router router;

    LeanGraphQlChecks(BeanContext beans, Router router) {
        this.beans = beans;
        this.router = router;
    }

    /**
     * The server filters Micronaut's router finds for {@code POST path}, the pre-matching ones (run before routing,
     * e.g. {@code @PreMatching}, as {@code RequestLifecycle} does) included, each described as the router holds it (a
     * record naming the filter's bean, e.g. {@code MethodFilter[order=…, bean=…SecurityFilter@…, …]}).
     */
    List<String> filters(String path) {
        HttpRequest<String> post = HttpRequest.POST(path, "");
        return Stream.concat(router.findPreMatchingFilters(post).stream(), router.findFilters(post).stream())
                .map(Object::toString).toList();
    }

    boolean webMetricsFilter(String path) {
        return filters(path).stream().anyMatch(filter -> filter.contains(METRICS_FILTER));
    }

    /** Why the lean path must stay off, or empty when Micronaut's pipeline does nothing it does not do too. */
    Optional<String> refusal(HttpServerConfiguration server, SecurityConfiguration security, String path) {
        if (!security.isEnabled()) {
            return Optional.of("security is off");
        }
        if (server.isDualProtocol() && server.isHttpToHttpsRedirect()) {
            // Micronaut redirects a plain-HTTP request to HTTPS behind the handler the lean path sits in front of.
            return Optional.of("plain HTTP is redirected to HTTPS (dual protocol)");
        }
        if (server.getContextPath() != null && !server.getContextPath().isEmpty()) {
            return Optional.of("a context path is set");
        }
        if (server.getCors().isEnabled()) {
            return Optional.of("CORS is configured");
        }
        List<String> filters = filters(path);
        List<String> unknownFilters = filters.stream()
                .filter(filter -> KNOWN_FILTERS.stream().noneMatch(filter::contains)).toList();
        if (!unknownFilters.isEmpty() || filters.stream().noneMatch(filter -> filter.contains(SECURITY_FILTER))) {
            return Optional.of("server filters for POST " + path + " other than the security, metrics, CORS (off) "
                    + "and OPTIONS filters: " + unknownFilters);
        }
        Optional<String> authentication = authenticationRefusal();
        if (authentication.isPresent()) {
            return authentication;
        }
        Set<String> unknownRules = new TreeSet<>();
        for (BeanDefinition<?> rule : beans.getBeanDefinitions(SecurityRule.class)) {
            if (!KNOWN_RULES.contains(rule.getBeanType().getName())) {
                unknownRules.add(rule.getBeanType().getName());
            }
        }
        if (!unknownRules.isEmpty()) {
            return Optional.of("security rules of other kinds: " + unknownRules);
        }
        if (security.getIpPatterns().stream().anyMatch(pattern -> !pattern.equals("0.0.0.0"))) {
            return Optional.of("IP patterns are configured");
        }
        List<String> secured = securedRoutes(path);
        if (!secured.isEmpty()) {
            return Optional.of("the route for POST " + path + " carries security annotations: " + secured);
        }
        Optional<String> route = routeRefusal(path);
        if (route.isPresent()) {
            return route;
        }
        Optional<InterceptUrlMapPattern> rule = interceptUrlRule(security.getInterceptUrlMap(), path);
        if (rule.isEmpty()) {
            return Optional.of("no intercept-url rule names POST " + path);
        }
        return rule.get().getAccess().equals(List.of(AUTHENTICATED)) ? Optional.empty()
                : Optional.of("the intercept-url rule for POST " + path + " asks for " + rule.get().getAccess());
    }

    /**
     * Why the security filter might authenticate {@code POST /graphql} otherwise than from the bearer token in
     * {@code Authorization: Bearer …} that the lean path reads: bearer tokens off or read from another header or
     * prefix, an authentication fetcher of another kind, or a token reader or resolver of another kind (the fetcher
     * tries every token they find).
     */
    Optional<String> authenticationRefusal() {
        Optional<BearerTokenConfiguration> bearer = beans.findBean(BearerTokenConfiguration.class);
        if (bearer.isEmpty() || !bearer.get().isEnabled()
                || !io.micronaut.http.HttpHeaders.AUTHORIZATION.equalsIgnoreCase(bearer.get().getHeaderName())
                || !"Bearer".equalsIgnoreCase(bearer.get().getPrefix())) {
            return Optional.of("bearer tokens are not read from the Authorization header's Bearer prefix");
        }
        Set<String> unknownFetchers = unknown(AuthenticationFetcher.class, KNOWN_FETCHERS);
        if (!unknownFetchers.isEmpty()) {
            return Optional.of("authentication fetchers of other kinds: " + unknownFetchers);
        }
        Set<String> unknownReaders = unknown(TokenReader.class, KNOWN_READERS);
        if (!unknownReaders.isEmpty()) {
            return Optional.of("token readers of other kinds: " + unknownReaders);
        }
        Set<String> unknownResolvers = unknown(TokenResolver.class, Set.of(DEFAULT_RESOLVER));
        return unknownResolvers.isEmpty() ? Optional.empty()
                : Optional.of("token resolvers of other kinds: " + unknownResolvers);
    }

    /** The bean types of {@code kind} in the context that {@code known} does not name. */
    private Set<String> unknown(Class<?> kind, Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        for (BeanDefinition<?> bean : beans.getBeanDefinitions(kind)) {
            if (!known.contains(bean.getBeanType().getName())) {
                unknown.add(bean.getBeanType().getName());
            }
        }
        return unknown;
    }

    /**
     * The intercept-url rule that decides {@code POST path}, found as micronaut-security's
     * {@code InterceptUrlMapRule.check} finds it: the first rule naming POST whose pattern matches, and only if there
     * is none, the first rule naming no method whose pattern matches.
     */
    static Optional<InterceptUrlMapPattern> interceptUrlRule(List<InterceptUrlMapPattern> rules, String path) {
        Optional<InterceptUrlMapPattern> forPost = rules.stream()
                .filter(rule -> rule.getHttpMethod() == HttpMethod.POST)
                .filter(rule -> PathMatcher.ANT.matches(rule.getPattern(), path)).findFirst();
        return forPost.isPresent() ? forPost : rules.stream()
                .filter(rule -> rule.getHttpMethod() == null)
                .filter(rule -> PathMatcher.ANT.matches(rule.getPattern(), path)).findFirst();
    }

    /**
     * Why Micronaut's router might send {@code POST path} elsewhere than where the lean path serves it: unless it finds
     * exactly one route, {@link GraphQlEndpoint}'s {@code post}, on any port, another route (one consuming only JSON, one
     * bound to a port, a versioned one) could take some requests the lean path would serve as the endpoint's.
     */
    Optional<String> routeRefusal(String path) {
        // findAny: every route whose URI matches, whatever it consumes or its method (GET and HEAD are not ours).
        List<UriRouteMatch<Object, Object>> routes = router.<Object, Object>findAny(HttpRequest.POST(path, ""))
                .stream().filter(route -> route.getRouteInfo().getHttpMethod() == HttpMethod.POST).toList();
        if (routes.size() != 1) {
            return Optional.of("POST " + path + " has " + routes.size() + " routes, not only GraphQlEndpoint#post: "
                    + routes);
        }
        UriRouteInfo<Object, Object> route = routes.get(0).getRouteInfo();
        if (!GraphQlEndpoint.class.isAssignableFrom(route.getDeclaringType())
                || !"post".equals(route.getTargetMethod().getMethodName()) || route.getPort() != null) {
            return Optional.of("POST " + path + " is routed to " + route + ", not to GraphQlEndpoint#post on any port");
        }
        return Optional.empty();
    }

    /**
     * The routes for {@code POST path} that carry {@code @Secured} (which {@code @RolesAllowed}, {@code @PermitAll}
     * and {@code @DenyAll} become) or those annotations themselves: the security annotation rule would decide them,
     * which the lean path does not repeat.
     */
    List<String> securedRoutes(String path) {
        return router.findAny(HttpRequest.POST(path, "")).stream()
                .filter(route -> SECURITY_ANNOTATIONS.stream().anyMatch(route::hasAnnotation))
                .map(Object::toString).toList();
    }
}
