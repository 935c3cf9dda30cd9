package jp.hyoka.server.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import jp.hyoka.server.security.CallerResolver;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One WebSocket connection speaking graphql-transport-ws
 * (github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md): {@code connection_init} (with the token) →
 * {@code connection_ack}; {@code subscribe} → {@code next}* then {@code complete}, or {@code error}; {@code complete}
 * from the client stops a subscription; {@code ping}/{@code pong} either way. Violations close the connection with
 * the protocol's codes: 4400 a message we cannot read, 4401 subscribe before the ack, 4403 a token refused (or expired
 * since: a connection lives no longer than the token it was opened with), 4408 no
 * {@code connection_init} in time, 4409 an id already in use, 4429 a second {@code connection_init}.
 *
 * <p>Limits: at most {@link Limits#maxSubscriptions()} subscriptions at once (one more is answered with an
 * {@code error} message, code TOO_MANY_SUBSCRIPTIONS, and the connection stays); a connection without any
 * subscription for {@link Limits#idleTimeout()} is closed (1000); the server pings every {@link Limits#keepAlive()}
 * and closes a connection from which nothing (not even a pong) arrived for three of them (1001); and at most
 * {@link Limits#maxQueued()} messages may wait to be written to the socket: a client that does not read is dropped
 * (1013, which clients retry), so it holds at most that much of the server's memory, never a thread.
 *
 * <p>The HTTP edge's rules hold for each {@code subscribe} ({@link Edge}): it takes one request from the
 * municipality's rate ({@link RequestQuota}: RATE_LIMITED with {@code retryAfterSeconds}); its document comes as on
 * HTTP ({@link PersistedDocuments}: sent whole or named by {@code extensions.persistedQuery.sha256Hash}; in
 * trusted-documents mode anything outside the manifest is UNTRUSTED_DOCUMENT); and it is priced ({@link CostLimits}:
 * over {@code hyoka.limits.cost.max-query-cost} MAX_COST_EXCEEDED). Each refusal is an {@code error} message for that
 * id; the connection stays. A signed-in user holds at most {@link SocketsPerUser#max()} acknowledged connections
 * per node: one more is closed with 4429 at its {@code connection_init} (graphql-ws clients do not retry 4429).
 */
final class WsConnection {

    static final String SUBPROTOCOL = "graphql-transport-ws";
    /** Under the GraphQL path (application.yml lets the upgrade in without a token: it comes in connection_init). */
    static final String PATH = "/graphql/ws";
    /** A subscription sent over HTTP. */
    static final String NEEDS_WEBSOCKET = "SUBSCRIPTION_NEEDS_WEBSOCKET";
    static final int MAX_MESSAGE_BYTES = 65_536;
    static final String TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS";
    /** A query or mutation sent over the socket: those go to /graphql, where the rate, cost and deadline apply. */
    static final String SUBSCRIPTIONS_ONLY = "SUBSCRIPTIONS_ONLY";
    /**
     * The close code for a client that does not read: 1013 (try again later), which graphql-ws clients retry, so a
     * client that fell behind reconnects rather than giving up (1008 is fatal to them).
     */
    static final int TRY_AGAIN_LATER = 1013;
    /** Closes the connection_init of a user who holds the maximum of sockets already. */
    static final int TOO_MANY_CONNECTIONS = 4429;

    /**
     * A verified token's caller (or why there is none), when the token expires (null: never said), whose request rate
     * and cost budget it spends ({@link CallerResolver#quotaKey}) and the user it counts as for the socket cap.
     */
    record Verified(CallerResolver.Resolution caller, Instant expiresAt, String quotaKey, String user) {
    }

    /** The HTTP edge's checks, shared with {@link GraphQlEndpoint}, and the per-user socket count. */
    record Edge(PersistedDocuments documents, RequestQuota quota, CostBudget budget, SocketsPerUser sockets) {
    }

    /** The configured limits (hyoka.subscriptions.*). */
    record Limits(int maxSubscriptions, Duration initTimeout, Duration idleTimeout, Duration keepAlive, int maxQueued) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocketSession session;
    private final Limits limits;
    private final GraphQL graphQL;
    private final GraphQlWorkers workers;
    private final Function<String, Verified> authenticate;
    private final Edge edge;
    private final long openedAt = System.nanoTime();
    private final Map<String, Subscription> operations = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean initReceived;
    private volatile CallerResolver.Resolution caller;        // set once acknowledged
    private volatile Verified verified;                        // set once acknowledged
    private final AtomicBoolean counted = new AtomicBoolean();
    private volatile long lastReceived = openedAt;
    private volatile long lastPing = openedAt;
    private volatile long idleSince = openedAt;
    private volatile boolean closing;
    private volatile long expiresAt;                           // System.nanoTime() past which the token is invalid
    private volatile boolean expires;

    WsConnection(WebSocketSession session, Limits limits, GraphQL graphQL, GraphQlWorkers workers,
                 Function<String, Verified> authenticate, Edge edge) {
        this.session = session;
        this.limits = limits;
        this.graphQL = graphQL;
        this.workers = workers;
        this.authenticate = authenticate;
        this.edge = edge;
    }

    /** On the event loop: reads one message and answers it, or hands the work to a worker. */
    void received(String text) {
        lastReceived = System.nanoTime();
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            close(4400, "Invalid message received");
            return;
        }
        String type = message.path("type").asText("");
        switch (type) {
            case "connection_init" -> init(message.path("payload"));
            case "ping" -> send(Map.of("type", "pong"));
            case "pong" -> {
                // lastReceived is all a pong is for
            }
            case "subscribe" -> subscribe(message);
            case "complete" -> stop(message.path("id").asText(""));
            default -> close(4400, "Invalid message received");
        }
    }

    private void init(JsonNode payload) {
        if (initReceived) {
            close(4429, "Too many initialisation requests");
            return;
        }
        initReceived = true;
        String authorization = payload.path("Authorization").asText(payload.path("authorization").asText(""));
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            close(4403, "Forbidden: connection_init needs {\"Authorization\": \"Bearer <token>\"}");
            return;
        }
        String token = authorization.substring(7).trim();
        onWorker(() -> {
            Verified verified = authenticate.apply(token);
            CallerResolver.Resolution resolution = verified.caller();
            if (resolution.asCaller().isEmpty() && resolution.asPlatformOperator().isEmpty()) {
                close(4403, "Forbidden: " + resolution.problem());
            } else if (!edge.sockets().open(verified.user())) {
                close(TOO_MANY_CONNECTIONS, "Too many connections: at most " + edge.sockets().max()
                        + " per user; close one first");
            } else {
                this.verified = verified;
                counted.set(true);
                if (closing) {                                  // closed while this was verified: count it out
                    uncount();
                    return;
                }
                if (verified.expiresAt() != null) {
                    expiresAt = System.nanoTime() + Duration.between(Instant.now(), verified.expiresAt()).toNanos();
                    expires = true;
                }
                caller = resolution;
                send(Map.of("type", "connection_ack"));
            }
        });
    }

    private void subscribe(JsonNode message) {
        String id = message.path("id").asText("");
        JsonNode payload = message.path("payload");
        String sent = payload.path("query").isTextual() ? payload.get("query").asText() : null;
        String hash;
        try {
            hash = GraphQlRequest.persistedHash(payload.get("extensions"));
        } catch (GraphQlRequest.Refused refused) {
            close(4400, "Invalid message received: " + refused.getMessage());
            return;
        }
        if (id.isEmpty() || (sent == null && hash == null)) {
            close(4400, "Invalid message received");
            return;
        }
        CallerResolver.Resolution signedIn = caller;
        if (signedIn == null) {
            close(4401, "Unauthorized");
            return;
        }
        if (operations.size() >= limits.maxSubscriptions()) {
            sendError(id, TOO_MANY_SUBSCRIPTIONS, "At most " + limits.maxSubscriptions()
                    + " subscriptions per connection; complete one first, or open another connection.");
            return;
        }
        String quotaKey = verified.quotaKey();
        OptionalInt wait = edge.quota().take(quotaKey);
        if (wait.isPresent()) {
            sendError(id, GraphQlEndpoint.RATE_LIMITED, "This municipality has sent more requests than its share; "
                    + "nothing was subscribed. Retry after the time given.",
                    Map.of("retryable", true, "retryAfterSeconds", wait.getAsInt()));
            return;
        }
        String operationName = payload.path("operationName").isTextual() ? payload.get("operationName").asText() : null;
        Map<String, Object> variables = payload.path("variables").isObject()
                ? JSON.convertValue(payload.get("variables"), Map.class) : Map.of();
        GraphQlRequest request = new GraphQlRequest(sent, operationName, variables, hash);
        String query;
        try {
            query = edge.documents().document(request);
        } catch (PersistedDocuments.Refused refused) {
            sendError(id, refused.code(), refused.getMessage());
            return;
        }
        if (!isSubscription(query, operationName)) {
            sendError(id, SUBSCRIPTIONS_ONLY, "This socket serves subscriptions; send queries and mutations to "
                    + "/graphql over HTTP.");
            return;
        }
        Pending pending = new Pending();
        if (operations.putIfAbsent(id, pending) != null) {
            close(4409, "Subscriber for " + id + " already exists");
            return;
        }
        CostLimits.Ticket ticket = new CostLimits.Ticket(quotaKey);
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(query)
                .operationName(operationName)
                .variables(variables)
                .graphQLContext(Map.of(CallerContext.KEY, signedIn, CostLimits.KEY, ticket))
                .build();
        onWorker(() -> {
            ExecutionResult result = graphQL.execute(input);
            // Priced and granted like a request; what it runs afterwards is paid by nobody's budget (the updates are
            // the server's pace, not the client's), so what was taken goes back at once.
            ticket.settle(edge.budget(), null);
            edge.documents().remember(request, result.getErrors().stream()
                    .noneMatch(GraphQlEndpoint::invalidDocument));
            run(id, pending, result);
        });
    }

    /**
     * Whether the operation to run is a subscription. A document that does not parse, or names no such operation,
     * counts as one here: execution then refuses it with GraphQL's own error.
     */
    static boolean isSubscription(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException invalid) {
            return true;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName())).toList();
        return operations.size() != 1
                || operations.get(0).getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
    }

    private void run(String id, Pending pending, ExecutionResult result) {
        if (!(result.getData() instanceof Publisher<?> updates)) {
            // Refused (errors), or a query or mutation sent over the socket: answered once.
            if (!result.getErrors().isEmpty() && result.getData() == null) {
                operations.remove(id, pending);
                send(Map.of("id", id, "type", "error", "payload", result.toSpecification().get("errors")));
            } else {
                send(Map.of("id", id, "type", "next", "payload", result.toSpecification()));
                complete(id, pending);
            }
            return;
        }
        @SuppressWarnings("unchecked")
        Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) updates;
        results.subscribe(new Forwarder(id, pending));
    }

    /** The client completed {@code id}: no more of it. */
    private void stop(String id) {
        Subscription subscription = operations.remove(id);
        if (subscription != null) {
            subscription.cancel();
        }
        if (operations.isEmpty()) {
            idleSince = System.nanoTime();
        }
    }

    private void complete(String id, Subscription subscription) {
        if (operations.remove(id, subscription)) {
            send(Map.of("id", id, "type", "complete"));
        }
        if (operations.isEmpty()) {
            idleSince = System.nanoTime();
        }
    }

    /** On the timer thread: the timeouts and keep-alive. */
    void tick(long now) {
        if (!initReceived && now - openedAt > limits.initTimeout().toNanos()) {
            close(4408, "Connection initialisation timeout");
        } else if (expires && now - expiresAt > 0) {
            close(4403, "Forbidden: the token expired; connect again with a new one");
        } else if (operations.isEmpty() && now - idleSince > limits.idleTimeout().toNanos()) {
            close(CloseReason.NORMAL.getCode(), "Idle");
        } else if (now - lastReceived > 3 * limits.keepAlive().toNanos()) {
            close(CloseReason.GOING_AWAY.getCode(), "No answer to pings");
        } else if (now - lastPing > limits.keepAlive().toNanos()) {
            lastPing = now;
            send(Map.of("type", "ping"));
        }
    }

    /** The socket closed (either side): every subscription stops. */
    void closed() {
        closing = true;
        operations.values().forEach(Subscription::cancel);
        operations.clear();
        uncount();
    }

    /** This connection no longer counts against its user's sockets (once, whichever of close/closed comes first). */
    private void uncount() {
        if (counted.compareAndSet(true, false)) {
            edge.sockets().closed(verified.user());
        }
    }

    private void onWorker(Runnable work) {
        try {
            workers.submit(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("GraphQL over WebSocket: unexpected failure", e);
                    close(CloseReason.INTERNAL_ERROR.getCode(), "Internal error");
                }
                return null;
            });
        } catch (GraphQlWorkers.Busy | GraphQlWorkers.ShuttingDown refused) {
            close(CloseReason.TRY_AGAIN_LATER.getCode(), "Busy; reconnect later");
        }
    }

    private void sendError(String id, String code, String message) {
        sendError(id, code, message, Map.of());
    }

    private void sendError(String id, String code, String message, Map<String, Object> extensions) {
        Map<String, Object> all = new LinkedHashMap<>(extensions);
        all.put("code", code);
        send(Map.of("id", id, "type", "error", "payload", List.of(Map.of("message", message, "extensions", all))));
    }

    /**
     * Never blocks: the message goes to Netty's outbound buffer. A client that stops reading lets them pile up
     * there; past {@link Limits#maxQueued()} unwritten messages it is dropped.
     */
    private void send(Map<String, Object> message) {
        if (closing || !session.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > limits.maxQueued()) {
            close(TRY_AGAIN_LATER, "Too many messages unread: the client does not read");
            return;
        }
        String text;
        try {
            text = JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        session.sendAsync(text).whenComplete((sent, failure) -> queued.decrementAndGet());
    }

    private void close(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        operations.values().forEach(Subscription::cancel);
        operations.clear();
        uncount();
        // A close reason is at most 123 bytes of UTF-8.
        session.close(new CloseReason(code, shortened(reason)));
    }

    private static String shortened(String reason) {
        String text = reason;
        while (text.getBytes(StandardCharsets.UTF_8).length > 123) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** Holds an id until the execution has its subscription; a complete meanwhile cancels it when it comes. */
    private static final class Pending implements Subscription {
        private volatile Subscription upstream;
        private volatile boolean cancelled;

        void attach(Subscription subscription) {
            upstream = subscription;
            if (cancelled) {
                subscription.cancel();
            }
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            cancelled = true;
            Subscription attached = upstream;
            if (attached != null) {
                attached.cancel();
            }
        }
    }

    /** Each result of a subscription as a {@code next}; its end as {@code complete} or {@code error}. */
    private final class Forwarder implements Subscriber<ExecutionResult> {
        private final String id;
        private final Pending pending;

        Forwarder(String id, Pending pending) {
            this.id = id;
            this.pending = pending;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            pending.attach(subscription);
            subscription.request(Long.MAX_VALUE);        // bounded by the send queue, not by demand
        }

        @Override
        public void onNext(ExecutionResult result) {
            Map<String, Object> payload = new LinkedHashMap<>(result.toSpecification());
            send(Map.of("id", id, "type", "next", "payload", payload));
        }

        @Override
        public void onError(Throwable failure) {
            LOG.warn("GraphQL over WebSocket: subscription {} failed: {}", id, failure.toString());
            if (operations.remove(id, pending)) {
                sendError(id, "INTERNAL", "The subscription failed; subscribe again.");
            }
        }

        @Override
        public void onComplete() {
            complete(id, pending);
        }
    }
}
