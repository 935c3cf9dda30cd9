package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.CallerResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Sinks;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graphql-transport-ws rules the graphql-ws client never breaks (so SubscriptionsIT cannot show them), and the
 * slow client: one connection over a socket that writes nothing (a client that does not read).
 */
class WsConnectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WsConnection.Limits LIMITS = new WsConnection.Limits(2, Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofSeconds(30), 5);
    private static final String SUBSCRIBE =
            "{\"id\":\"%s\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { ticks }\"}}";
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(1);
    private static final String INIT = "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer good\"}}";

    /** Costs 3 (three objects deep): over the budget's maximum of 2. */
    private static final String DEEP = "subscription { tick { next { next { n } } } }";
    private static final int MAX_QUERY_COST = 2;

    private final Sinks.Many<Integer> ticks = Sinks.many().multicast().directBestEffort();
    private final FakeSocket socket = new FakeSocket();
    private final GraphQlWorkers workers = new GraphQlWorkers(2, 2, 8);
    private final CostBudget budget = new CostBudget(100, 10, MAX_QUERY_COST, System::nanoTime);
    private final SocketsPerUser sockets = new SocketsPerUser(2);
    private final WsConnection connection = connection(socket,
            new WsConnection.Edge(new PersistedDocuments(null, 10), unlimited(), budget, sockets));

    @Test
    void givenAClientThatDoesNotRead_whenUpdatesPileUp_thenItIsDroppedAndItsSubscriptionStops() {
        socket.writes = false;
        acknowledged();
        connection.received(SUBSCRIBE.formatted("a"));
        await(() -> ticks.currentSubscriberCount() == 1);

        for (int i = 0; i < 10; i++) {
            ticks.tryEmitNext(i);
        }

        assertThat(socket.closedWith.get()).isNotNull();
        assertThat(socket.closedWith.get().getCode()).isEqualTo(WsConnection.TRY_AGAIN_LATER);
        assertThat(socket.sent).as("ack and at most the queue's worth").hasSizeLessThanOrEqualTo(LIMITS.maxQueued());
        assertThat(ticks.currentSubscriberCount()).as("the subscription stopped").isZero();
    }

    @Test
    void givenAReadingClient_whenUpdatesCome_thenEachIsANextMessageAndCompleteStopsThem() throws Exception {
        acknowledged();
        connection.received(SUBSCRIBE.formatted("a"));
        await(() -> ticks.currentSubscriberCount() == 1);
        ticks.tryEmitNext(7);
        await(() -> socket.sent.size() == 2);

        JsonNode next = JSON.readTree(socket.sent.get(1));
        assertThat(next.path("type").asText()).isEqualTo("next");
        assertThat(next.path("id").asText()).isEqualTo("a");
        assertThat(next.path("payload").path("data").path("ticks").asInt()).isEqualTo(7);
        connection.received("{\"id\":\"a\",\"type\":\"complete\"}");
        assertThat(ticks.currentSubscriberCount()).isZero();
    }

    @Test
    void givenASubscribeBeforeTheAck_whenReceived_thenClosedWith4401() {
        connection.received(SUBSCRIBE.formatted("a"));
        assertThat(socket.closedWith.get().getCode()).isEqualTo(4401);
    }

    @Test
    void givenASecondConnectionInit_whenReceived_thenClosedWith4429() {
        connection.received(INIT);
        connection.received(INIT);
        assertThat(socket.closedWith.get().getCode()).isEqualTo(4429);
    }

    @Test
    void givenAnIdInUse_whenSubscribedAgain_thenClosedWith4409() {
        acknowledged();
        connection.received(SUBSCRIBE.formatted("a"));
        connection.received(SUBSCRIBE.formatted("a"));
        assertThat(socket.closedWith.get().getCode()).isEqualTo(4409);
    }

    @Test
    void givenAQueryOrMutationOverTheSocket_whenSubscribed_thenRefusedAsSubscriptionsOnlyAndTheSocketStaysOpen()
            throws Exception {
        acknowledged();
        connection.received("{\"id\":\"q\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ me { userId } }\"}}");
        connection.received("{\"id\":\"m\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                + "\"mutation { startAssessment { x } }\"}}");

        await(() -> socket.sent.size() == 3);
        for (String sent : socket.sent.subList(1, 3)) {
            JsonNode error = JSON.readTree(sent);
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("payload").get(0).path("extensions").path("code").asText())
                    .isEqualTo(WsConnection.SUBSCRIPTIONS_ONLY);
        }
        assertThat(socket.closedWith.get()).isNull();
    }

    @Test
    void givenSomethingThatIsNoMessage_whenReceived_thenClosedWith4400() {
        connection.received("{\"type\":\"shout\"}");
        assertThat(socket.closedWith.get().getCode()).isEqualTo(4400);
    }

    @Test
    void givenABadToken_whenConnecting_thenClosedWith4403AndNothingAcknowledged() {
        connection.received("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer bad\"}}");
        await(() -> socket.closedWith.get() != null);
        assertThat(socket.closedWith.get().getCode()).isEqualTo(4403);
        assertThat(socket.sent).isEmpty();
    }

    @Test
    void givenNoConnectionInit_whenTheTimeoutPasses_thenClosedWith4408() {
        connection.tick(System.nanoTime() + LIMITS.initTimeout().toNanos() + 1);
        assertThat(socket.closedWith.get().getCode()).isEqualTo(4408);
    }

    @Test
    void givenAnAcknowledgedConnection_whenItsTokenExpires_thenClosedWith4403() {
        acknowledged();
        connection.tick(System.nanoTime() + Duration.ofSeconds(30).toNanos());
        assertThat(socket.closedWith.get()).as("still valid after 30 s").isNull();

        connection.tick(System.nanoTime() + TOKEN_LIFETIME.plusSeconds(1).toNanos());

        assertThat(socket.closedWith.get().getCode()).isEqualTo(4403);
        assertThat(socket.closedWith.get().getReason()).contains("expired");
    }

    @Test
    void givenTrustedDocumentsMode_whenSubscribing_thenOnlyManifestDocumentsRunSentWholeOrByHash(@TempDir Path dir)
            throws Exception {
        String trusted = "subscription { ticks }";
        Path manifest = Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(
                Map.of(PersistedDocuments.sha256(trusted), trusted)));
        FakeSocket own = new FakeSocket();
        WsConnection strict = connection(own, new WsConnection.Edge(new PersistedDocuments(manifest.toString(), 10),
                unlimited(), budget, sockets));
        acknowledged(strict, own);

        strict.received(subscribe("x", "subscription { ticks ticks2: ticks }", null));
        strict.received(subscribe("y", null, PersistedDocuments.sha256("subscription { other: ticks }")));
        await(() -> own.sent.size() == 3);
        assertThat(errorCode(own.sent.get(1))).isEqualTo(PersistedDocuments.UNTRUSTED);
        assertThat(errorCode(own.sent.get(2))).isEqualTo(PersistedDocuments.UNTRUSTED);
        assertThat(ticks.currentSubscriberCount()).as("nothing subscribed").isZero();

        strict.received(subscribe("h", null, PersistedDocuments.sha256(trusted)));
        strict.received(subscribe("w", trusted, null));
        await(() -> ticks.currentSubscriberCount() == 2);
        ticks.tryEmitNext(1);
        await(() -> own.sent.size() == 5);
        assertThat(own.closedWith.get()).isNull();
    }

    @Test
    void givenAutomaticPersistedQueries_whenAnUnknownHashThenItsTextAreSent_thenTheHashAloneRunsAfterwards() {
        acknowledged();
        String hash = PersistedDocuments.sha256("subscription { ticks }");

        connection.received(subscribe("a", null, hash));
        await(() -> socket.sent.size() == 2);
        assertThat(errorCode(socket.sent.get(1))).isEqualTo(PersistedDocuments.NOT_FOUND);
        connection.received(subscribe("b", "subscription { ticks }", hash));
        await(() -> ticks.currentSubscriberCount() == 1);
        connection.received(subscribe("c", null, hash));

        await(() -> ticks.currentSubscriberCount() == 2);
        assertThat(socket.closedWith.get()).isNull();
    }

    @Test
    void givenAnOperationOverTheMaximumCost_whenSubscribed_thenRefusedAsMaxCostExceededAndNothingSubscribed() {
        acknowledged();

        connection.received(subscribe("deep", DEEP, null));

        await(() -> socket.sent.size() == 2);
        assertThat(errorCode(socket.sent.get(1))).isEqualTo(CostLimits.MAX_COST_EXCEEDED);
        assertThat(ticks.currentSubscriberCount()).isZero();
        connection.received(SUBSCRIBE.formatted("cheap"));
        await(() -> ticks.currentSubscriberCount() == 1);
    }

    @Test
    void givenAMunicipalityOverItsRequestRate_whenItSubscribesAgain_thenRateLimitedWithRetryAfterAndTheSocketStays() {
        FakeSocket own = new FakeSocket();
        WsConnection limited = connection(own, new WsConnection.Edge(new PersistedDocuments(null, 10),
                new RequestQuota(0.001, 1, 100, 100, 100, 100), budget, sockets));
        acknowledged(limited, own);

        limited.received(SUBSCRIBE.formatted("a"));
        await(() -> ticks.currentSubscriberCount() == 1);
        limited.received(SUBSCRIBE.formatted("b"));

        await(() -> own.sent.size() == 2);
        JsonNode error = payloadError(own.sent.get(1));
        assertThat(error.path("extensions").path("code").asText()).isEqualTo(GraphQlEndpoint.RATE_LIMITED);
        assertThat(error.path("extensions").path("retryAfterSeconds").asInt()).isPositive();
        assertThat(ticks.currentSubscriberCount()).isEqualTo(1);
        assertThat(own.closedWith.get()).isNull();
    }

    @Test
    void givenAUserHoldingTheMaximumOfSockets_whenAnotherConnects_thenClosedWith4429UntilOneCloses() {
        FakeSocket second = new FakeSocket();
        FakeSocket third = new FakeSocket();
        WsConnection.Edge edge = new WsConnection.Edge(new PersistedDocuments(null, 10), unlimited(), budget, sockets);
        acknowledged();
        WsConnection secondConnection = connection(second, edge);
        acknowledged(secondConnection, second);

        WsConnection over = connection(third, edge);
        over.received(INIT);
        await(() -> third.closedWith.get() != null);
        assertThat(third.closedWith.get().getCode()).isEqualTo(WsConnection.TOO_MANY_CONNECTIONS);
        assertThat(third.sent).as("not acknowledged").isEmpty();
        assertThat(sockets.held("u")).isEqualTo(2);

        secondConnection.closed();
        assertThat(sockets.held("u")).isEqualTo(1);
        FakeSocket fourth = new FakeSocket();
        acknowledged(connection(fourth, edge), fourth);
        assertThat(sockets.held("u")).isEqualTo(2);
    }

    @Test
    void givenAJwt_whenItsExpiryIsRead_thenItIsThePayloadsExpClaim() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString("{\"sub\":\"u\",\"exp\":1900000000}".getBytes(StandardCharsets.UTF_8));
        String none = base64.encodeToString("{\"sub\":\"u\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(GraphQlWebSocket.expiry(header + "." + payload + ".sig"))
                .isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
        assertThat(GraphQlWebSocket.expiry(header + "." + none + ".sig")).isNull();
        assertThat(GraphQlWebSocket.expiry("not-a-token")).isNull();
        assertThat(GraphQlWebSocket.expiry("a.%%%.b")).isNull();
    }

    /** connection_init sent and answered (a client sends nothing else before the ack). */
    private void acknowledged() {
        acknowledged(connection, socket);
    }

    private static void acknowledged(WsConnection connection, FakeSocket socket) {
        connection.received(INIT);
        await(() -> !socket.sent.isEmpty());
        assertThat(socket.sent.get(0)).contains("connection_ack");
    }

    /** A connection whose token "good" is user u of one municipality, with the edge's checks given. */
    private WsConnection connection(FakeSocket socket, WsConnection.Edge edge) {
        return new WsConnection(socket.session(), LIMITS, graphQL(), workers, token -> token.equals("good")
                ? new WsConnection.Verified(CallerResolver.Resolution.of(new Caller(new MunicipalityCode("141305"),
                        new Actor("u", "u"), Set.of("editor"))), Instant.now().plus(TOKEN_LIFETIME),
                        "municipality:141305", "u")
                : new WsConnection.Verified(CallerResolver.Resolution.refused("bad"), null, null, null), edge);
    }

    /** No request rate (requests-per-second 0: off, as in the ITs). */
    private static RequestQuota unlimited() {
        return new RequestQuota(0, 1, 100, 100, 100, 100);
    }

    private static String subscribe(String id, String query, String hash) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        if (query != null) {
            payload.put("query", query);
        }
        if (hash != null) {
            payload.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
        }
        try {
            return JSON.writeValueAsString(Map.of("id", id, "type", "subscribe", "payload", payload));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode payloadError(String sent) {
        try {
            JsonNode message = JSON.readTree(sent);
            assertThat(message.path("type").asText()).as(sent).isEqualTo("error");
            return message.path("payload").get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String errorCode(String sent) {
        return payloadError(sent).path("extensions").path("code").asText();
    }

    private GraphQL graphQL() {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { x: Int } type Tick { n: Int next: Tick } "
                        + "type Subscription { ticks: Int tick: Tick }"),
                RuntimeWiring.newRuntimeWiring()
                        .type("Subscription", type -> type
                                .dataFetcher("ticks", environment -> ticks.asFlux())
                                .dataFetcher("tick", environment -> ticks.asFlux().map(n -> Map.of("n", n))))
                        .build());
        return GraphQL.newGraphQL(schema).instrumentation(new CostLimits(budget)).build();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition never held").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** A WebSocket session whose socket writes (completes each send) or not; records what was sent and the close. */
    private static final class FakeSocket {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final AtomicReference<CloseReason> closedWith = new AtomicReference<>();
        volatile boolean writes = true;

        WebSocketSession session() {
            return (WebSocketSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {WebSocketSession.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "isOpen" -> closedWith.get() == null;
                        case "sendAsync" -> {
                            sent.add((String) args[0]);
                            yield writes ? CompletableFuture.completedFuture(args[0]) : new CompletableFuture<>();
                        }
                        case "close" -> {
                            closedWith.compareAndSet(null, args == null ? CloseReason.NORMAL : (CloseReason) args[0]);
                            yield null;
                        }
                        case "getId" -> "fake";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
