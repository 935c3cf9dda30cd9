package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import graphql.GraphQL;
import jakarta.annotation.PreDestroy;
import jp.hyoka.server.security.CallerResolver;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * GraphQL over WebSocket at {@code /graphql/ws}, subprotocol {@code graphql-transport-ws} (the protocol of the
 * {@code graphql-ws} library: Apollo Client, Relay, urql). Written here rather than micronaut-graphql's
 * {@code GraphQLWsController} because ours must take the token from {@code connection_init} (browsers cannot set
 * headers on a WebSocket), verify it with the same validators as the HTTP side, resolve the caller once per
 * connection ({@link CallerResolver}) and run every operation with that caller in the context, like
 * {@link GraphQlEndpoint}. The protocol itself is in {@link WsConnection}.
 *
 * <p>Netty's event loop only parses frames and sends; verifying a token and executing an operation run on
 * {@link GraphQlWorkers}; updates are produced on the subscriptions' own thread.
 */
@ServerWebSocket(value = "${graphql.path:/graphql}/ws", subprotocols = WsConnection.SUBPROTOCOL)
public class GraphQlWebSocket {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphQL graphQL;
    private final CallerResolver callers;
    private final Collection<TokenValidator<HttpRequest<?>>> validators;
    private final GraphQlWorkers workers;
    private final WsConnection.Limits limits;
    private final WsConnection.Edge edge;
    private final Map<String, WsConnection> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "hyoka-graphql-ws-timers");
        thread.setDaemon(true);
        return thread;
    });

    public GraphQlWebSocket(GraphQL graphQL, CallerResolver callers,
                            Collection<TokenValidator<HttpRequest<?>>> validators, GraphQlWorkers workers,
                            @Value("${hyoka.subscriptions.max-per-connection:20}") int maxSubscriptions,
                            @Value("${hyoka.subscriptions.connection-init-timeout:10s}") Duration initTimeout,
                            @Value("${hyoka.subscriptions.idle-timeout:5m}") Duration idleTimeout,
                            @Value("${hyoka.subscriptions.keep-alive:30s}") Duration keepAlive,
                            @Value("${hyoka.subscriptions.max-queued-messages:256}") int maxQueued,
                            PersistedDocuments documents, RequestQuota quota, CostBudget budget,
                            @Value("${hyoka.subscriptions.max-sockets-per-user:10}") int maxSocketsPerUser) {
        this.graphQL = graphQL;
        this.callers = callers;
        this.validators = validators;
        this.workers = workers;
        this.limits = new WsConnection.Limits(maxSubscriptions, initTimeout, idleTimeout, keepAlive, maxQueued);
        this.edge = new WsConnection.Edge(documents, quota, budget, new SocketsPerUser(maxSocketsPerUser));
        long tick = Math.max(50, Math.min(Math.min(initTimeout.toMillis(), keepAlive.toMillis()), 1_000));
        timers.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @OnOpen
    void open(WebSocketSession session, HttpRequest<?> request) {
        connections.put(session.getId(), new WsConnection(session, limits, graphQL, workers,
                token -> authenticate(token, request), edge));
    }

    @OnMessage(maxPayloadLength = WsConnection.MAX_MESSAGE_BYTES)
    void message(String text, WebSocketSession session) {
        WsConnection connection = connections.get(session.getId());
        if (connection != null) {
            connection.received(text);
        }
    }

    @OnClose
    void close(WebSocketSession session) {
        WsConnection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.closed();
        }
    }

    /** On a worker: the token verified as on the HTTP side, then the caller it names (or why there is none). */
    private WsConnection.Verified authenticate(String token, HttpRequest<?> request) {
        Optional<Authentication> authentication = Flux.fromIterable(validators)
                .concatMap(validator -> validator.validateToken(token, request))
                .next().blockOptional(Duration.ofSeconds(10));
        return authentication.map(verified -> new WsConnection.Verified(callers.resolve(verified),
                        expiry(token), CallerResolver.quotaKey(verified), verified.getName()))
                .orElse(new WsConnection.Verified(CallerResolver.Resolution.refused("The token is not valid."), null,
                        null, null));
    }

    /**
     * When a verified JWT expires: its payload's {@code exp} (seconds since the epoch, RFC 7519); null when it has
     * none. Read from the token itself (its signature was just verified), not from how a validator maps claims.
     */
    static Instant expiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode exp = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("exp");
            return exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private void tick() {
        long now = System.nanoTime();
        connections.values().forEach(connection -> connection.tick(now));
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }
}
