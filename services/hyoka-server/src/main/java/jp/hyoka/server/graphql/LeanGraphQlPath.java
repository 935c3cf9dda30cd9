package jp.hyoka.server.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.configuration.metrics.binder.web.config.HttpMetricsConfig;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.config.SecurityConfiguration;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.VerifiedTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lean path for {@code POST /graphql} (infra/docs/read-path.md, round 8): a request a signed-in client sends the
 * ordinary way is served by {@link GraphQlEndpoint#serve} straight from Netty ({@link LeanGraphQlHandler}), without
 * Micronaut's routing, Reactor filter chain and response path, which were the larger part of a kept read's CPU.
 * <p>
 * Only what this path answers exactly as Micronaut's pipeline would is taken ({@link #accept}); everything else goes
 * to Micronaut unchanged. What the filter chain does for {@code POST /graphql} is done here the same way:
 * <ul>
 * <li>authentication: only a bearer token the security filter has verified and {@link VerifiedTokens} still
 * remembers (before its {@code exp}, within its time to live) is served here; a new, expired, forged or altered token,
 * or any other way of sending one (a cookie, two headers), goes to the security filter, which verifies or refuses it
 * (401) as always;</li>
 * <li>the security rules: this path is on only while they are Micronaut's own ({@link LeanGraphQlChecks}) and the
 * first intercept-url rule for the GraphQL path asks for {@code isAuthenticated()} only, which a verified token
 * passes; any other configuration turns it off at start-up (logged);</li>
 * <li>no other server filter may exist (CORS, for one, turns this path off);</li>
 * <li>rate limit, request id, the request's JSON, workers, cost, log line, span and {@code hyoka.graphql.requests}:
 * the endpoint's own code ({@link GraphQlEndpoint#serve});</li>
 * <li>{@code http.server.requests}: recorded with the tags Micronaut's web metrics filter gives the route;</li>
 * <li>the response: the endpoint's status, headers and bytes, plus what Micronaut adds (Date, Server if configured,
 * content-length; {@code connection: close} when the connection is to close, which includes a 5xx when
 * {@code micronaut.server.netty.keep-alive-on-server-error} is off, as Micronaut's routing closes then).</li>
 * </ul>
 */
@Singleton
class LeanGraphQlPath {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    private static final Logger LOG = LoggerFactory.getLogger(LeanGraphQlPath.class);
    private static final String BEARER = "Bearer ";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final GraphQlEndpoint endpoint;
    private final VerifiedTokens tokens;
    private final String path;
    /** The smaller of max-request-size and max-request-buffer-size: Micronaut refuses a body above either. */
    private final long maxRequestSize;
    /** How long a close may wait for a request read or served here: the idle timeout (its default when off). */
    private final Duration heldCloseLimit;
    private final boolean dateHeader;
    private final String serverHeader;
    /** {@code micronaut.server.netty.keep-alive-on-server-error} is false: Micronaut closes after a 5xx, so do we. */
    private final boolean closeOnServerError;
    /** Null when Micronaut's web metrics filter is not running (then nothing is recorded here either). */
    private final MeterRegistry webMetrics;
    private final boolean clientErrorUris;
    private final String disabledBecause;
    private final LongAdder served = new LongAdder();
    /** The Date header's text and the second it is for: formatted once a second, not per response. */
    private volatile DateOfSecond date = new DateOfSecond(Long.MIN_VALUE, "");

    LeanGraphQlPath(GraphQlEndpoint endpoint, VerifiedTokens tokens, HttpServerConfiguration server,
                    SecurityConfiguration security, LeanGraphQlChecks checks,
                    Optional<MeterRegistry> registry, Optional<HttpMetricsConfig.ClientErrorsUrisConfig> errorUris,
                    @Value("${graphql.path:/graphql}") String path,
                    @Value("${hyoka.graphql.lean-http:true}") boolean on) {
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.path = path;
        this.maxRequestSize = Math.min(server.getMaxRequestSize(), server.getMaxRequestBufferSize());
        this.heldCloseLimit = heldCloseLimit(server.getIdleTimeout());
        this.dateHeader = server.isDateHeader();
        this.serverHeader = server.getServerHeader().orElse(null);
        this.closeOnServerError = server instanceof NettyHttpServerConfiguration netty
                && !netty.isKeepAliveOnServerError();
        this.webMetrics = checks.webMetricsFilter(path) ? registry.orElse(null) : null;
        this.clientErrorUris = errorUris.map(HttpMetricsConfig.ClientErrorsUrisConfig::enabled).orElse(true);
        this.disabledBecause = !on ? "hyoka.graphql.lean-http is false"
                : checks.refusal(server, security, path).orElse(null);
        if (disabledBecause != null) {
            LOG.info("The lean path for POST {} is off ({}); Micronaut's routing serves every request", path,
                    disabledBecause);
        }
    }

    boolean enabled() {
        return disabledBecause == null;
    }

    /**
     * How long a close Micronaut asks for (graceful shutdown, idle timeout) may wait for a request this path is reading
     * or serving: the server's idle timeout, as a connection that long without progress is closed anyway.
     */
    Duration heldCloseLimit() {
        return heldCloseLimit;
    }

    /**
     * The held close's limit for an idle timeout, measured as Micronaut measures it: it hands Netty's idle handler whole
     * seconds ({@code (int) getSeconds()}), so below 1 s idleness is off and the default limit applies, and 2.5 s is
     * 2 s. A limit shorter than Micronaut's own idle close would cut a graceful shutdown's close of a request served.
     */
    static Duration heldCloseLimit(Duration idleTimeout) {
        long seconds = idleTimeout.getSeconds();
        return seconds <= 0 ? Duration.ofMinutes(HttpServerConfiguration.DEFAULT_IDLE_TIME_MINUTES)
                : Duration.ofSeconds(seconds);
    }

    /** The largest body taken here: Micronaut refuses above either limit. */
    long maxRequestSize() {
        return maxRequestSize;
    }

    /** A request this path serves: its head, the verified authentication and when it arrived. */
    record Accepted(HttpRequest head, Authentication authentication, int contentLength, long started) {
    }

    /**
     * The request if this path serves it exactly as Micronaut's pipeline would, else null (hand it to Micronaut):
     * {@code POST} of the GraphQL path itself (no query string) over HTTP/1.1 kept alive, a JSON body of a known
     * length within the server's limit, sent as is (no transfer or content encoding, no {@code Expect}), no upgrade,
     * no cookie, no CORS request, an {@code Accept} the route produces, no {@code Accept-Encoding} (Micronaut
     * compresses an answer of 1 KB or more a client accepts compressed; this path never does), and one bearer token
     * that was verified.
     */
    Accepted accept(HttpRequest head) {
        if (!head.decoderResult().isSuccess() || head.method() != HttpMethod.POST
                || head.protocolVersion() != HttpVersion.HTTP_1_1 || !path.equals(head.uri())) {
            return null;
        }
        HttpHeaders headers = head.headers();
        // An Origin stays Micronaut's even with CORS off: its CORS filter still refuses (403) a request from a
        // non-local origin to a server addressed as localhost (drive-by-localhost), which this path does not repeat.
        if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING) || headers.contains(HttpHeaderNames.CONTENT_ENCODING)
                || headers.contains(HttpHeaderNames.EXPECT) || headers.contains(HttpHeaderNames.UPGRADE)
                || headers.contains(HttpHeaderNames.COOKIE) || headers.contains(HttpHeaderNames.ORIGIN)
                || headers.contains(HttpHeaderNames.ACCEPT_ENCODING)
                || !keptAlive(headers) || !acceptsJson(headers) || !json(headers)) {
            return null;
        }
        List<String> lengths = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
        List<String> authorizations = headers.getAll(HttpHeaderNames.AUTHORIZATION);
        if (lengths.size() != 1 || authorizations.size() != 1) {
            return null;
        }
        long length;
        try {
            length = Long.parseLong(lengths.get(0));
        } catch (NumberFormatException e) {
            return null;
        }
        String authorization = authorizations.get(0);
        if (length <= 0 || length > maxRequestSize || length > Integer.MAX_VALUE
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        // As micronaut-security's bearer reader takes it: what follows "Bearer " (prefix case-insensitive).
        Optional<Authentication> verified = tokens.remembered(authorization.substring(BEARER.length()));
        return verified.map(authentication -> new Accepted(head, authentication, (int) length, System.nanoTime()))
                .orElse(null);
    }

    private static boolean keptAlive(HttpHeaders headers) {
        List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
        return connection.isEmpty() || connection.size() == 1
                && HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(connection.get(0).trim());
    }

    /** The route produces application/json: no Accept, or one that is exactly that or anything. */
    private static boolean acceptsJson(HttpHeaders headers) {
        List<String> accept = headers.getAll(HttpHeaderNames.ACCEPT);
        return accept.isEmpty() || accept.size() == 1 && (accept.get(0).trim().equals("*/*")
                || accept.get(0).trim().equalsIgnoreCase("application/json"));
    }

    private static boolean json(HttpHeaders headers) {
        List<String> types = headers.getAll(HttpHeaderNames.CONTENT_TYPE);
        return types.size() == 1 && types.get(0).split(";", 2)[0].trim().toLowerCase(Locale.ROOT)
                .equals("application/json");
    }

    /** Serves an accepted request whose whole body has arrived; on the event loop, never blocks. */
    CompletableFuture<MutableHttpResponse<byte[]>> serve(Accepted request, byte[] body) {
        served.increment();
        HttpHeaders headers = request.head().headers();
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
        Exchange exchange = new Exchange(false, request.authentication(), null, HttpMethod.POST.name(), path,
                headers::get);
        return endpoint.serve(exchange, () -> GraphQlRequest.fromPost(contentType, body, null));
    }

    /** The endpoint's 500 for a failure outside its own handling (a defect), logged under an incident. */
    MutableHttpResponse<byte[]> failed(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.error("The lean GraphQL path failed to answer a request (incident {})", incident, failure);
        return GraphQlEndpoint.internalError(incident);
    }

    /**
     * The endpoint's response as Micronaut writes it: its status, its headers in order, then Date (and Server, if
     * configured) as the route executor adds them, content-length, and {@code connection: close} if the connection
     * closes after it.
     */
    FullHttpResponse toNetty(MutableHttpResponse<byte[]> response, boolean close) {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        DefaultFullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.code(), response.reason()), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = out.headers();
        response.getHeaders().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        if (dateHeader && !headers.contains(HttpHeaderNames.DATE)) {
            headers.add(io.micronaut.http.HttpHeaders.DATE, date());
        }
        if (serverHeader != null && !headers.contains(HttpHeaderNames.SERVER)) {
            headers.add(io.micronaut.http.HttpHeaders.SERVER, serverHeader);
        }
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (close && !headers.contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
            headers.add(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return out;
    }

    /**
     * Whether the connection closes after this response, as Micronaut's routing decides it: the endpoint asked for it
     * (a node shutting down), or a server error while {@code keep-alive-on-server-error} is off.
     */
    boolean closesAfter(MutableHttpResponse<?> response) {
        return closeOnServerError && response.code() >= 500
                || response.getHeaders().getAll(io.micronaut.http.HttpHeaders.CONNECTION).stream()
                .anyMatch(value -> value.equalsIgnoreCase("close"));
    }

    /** {@code http.server.requests} as Micronaut's web metrics filter records a response of the route. */
    void record(Accepted request, int status) {
        if (webMetrics == null) {
            return;
        }
        String uri;
        if (status >= 300 && status < 400) {
            uri = "REDIRECTION";
        } else if (!clientErrorUris && status >= 400 && status < 500) {
            uri = status == 401 ? "UNAUTHORIZED" : "BAD_REQUEST";
        } else if (status == 404) {
            uri = "NOT_FOUND";
        } else {
            uri = path;
        }
        webMetrics.timer(HTTP_SERVER_REQUESTS, Tags.of("method", "POST", "status", Integer.toString(status),
                        "uri", uri, "exception", "none"))
                .record(System.nanoTime() - request.started(), TimeUnit.NANOSECONDS);
    }

    /** How many requests this path has served (for tests). */
    long served() {
        return served.sum();
    }

    private String date() {
        long second = System.currentTimeMillis() / 1000;
        DateOfSecond known = date;
        if (known.second() != second) {
            known = new DateOfSecond(second, HTTP_DATE.format(ZonedDateTime.ofInstant(
                    Instant.ofEpochSecond(second), ZoneOffset.UTC)));
            date = known;
        }
        return known.text();
    }

    private record DateOfSecond(long second, String text) {
    }
}
