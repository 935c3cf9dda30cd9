package jp.hyoka.server.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import graphql.ExecutionInput;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.authentication.Authentication;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.availability.DatabaseUnavailable;
import jp.hyoka.server.observability.ObservedRequest;
import jp.hyoka.server.observability.ObservedRequests;
import jp.hyoka.server.security.CallerResolver;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The GraphQL HTTP endpoint, in place of micronaut-graphql's controller (GraphiQL: web/WebPages). The event loop only
 * reads the request, strictly ({@link GraphQlRequest}: 400 for what is not one UTF-8 JSON operation); execution,
 * with its JDBC calls and read-your-writes waits, runs on {@link GraphQlWorkers}. A full pool answers 503 with
 * {@code Retry-After} and the code BUSY at once; a database out of reach before execution began answers 503
 * SERVICE_UNAVAILABLE; a municipality over its rate ({@link RequestQuota}) 429 RATE_LIMITED, before its body is
 * parsed; a request past its deadline ({@link RequestDeadline}) TIMEOUT; a request that reaches a stopping server
 * 503 SHUTTING_DOWN. Errors keep GraphQL's shape: {@code {"errors": [{"message", "extensions": {"code"}}]}}.
 * Past those, the document comes from the request or by its hash ({@link PersistedDocuments}: persisted queries,
 * trusted documents), and every answer from here on carries {@code extensions.cost} ({@link CostLimits}); an
 * operation over its municipality's remaining cost budget is answered 429 THROTTLED with {@code Retry-After}.
 * A signed-in caller's kept answer of a document read by id is looked up before graphql-java ({@link KeptAnswers}),
 * after all of the above; anything it does not serve goes to graphql-java as before.
 */
@Controller("${graphql.path:/graphql}")
@Replaces(GraphQLController.class)
public class GraphQlEndpoint {

    static final String BUSY = "BUSY";
    static final String RATE_LIMITED = "RATE_LIMITED";
    static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    static final String SHUTTING_DOWN = "SHUTTING_DOWN";
    /** Under the GraphQL path: /graphql/public (application.yml lets anyone in there, and only there). */
    static final String PUBLIC_PATH = "/public";
    private static final String PUBLIC_ONLY = "The public endpoint serves published documents only "
            + "(publicAssessment, publicAssessments); sign in and use /graphql for anything else.";

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlEndpoint.class);
    /**
     * Writes bodies as UTF-8 bytes; a character outside the BMP as its 4 bytes (as Micronaut wrote a String body),
     * not as an escaped surrogate pair.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private final GraphQL graphQL;
    private final CallerContext callers;
    private final GraphQlWorkers workers;
    private final RequestQuota quota;
    private final Duration timeout;
    private final ObservedRequests observed;
    private final CostBudget budget;
    private final PersistedDocuments documents;
    /** Who an anonymous caller is for its per-address share (forwarded headers only from trusted proxies). */
    private final ClientAddresses addresses;
    /** The kept answers looked up before graphql-java; null when keeping answers is off. */
    private final KeptAnswers keptAnswers;

    public GraphQlEndpoint(GraphQL graphQL, CallerContext callers, GraphQlWorkers workers, RequestQuota quota,
                           @Value("${hyoka.graphql.timeout:30s}") Duration timeout, ObservedRequests observed,
                           CostBudget budget, PersistedDocuments documents, ClientAddresses addresses) {
        this.graphQL = graphQL;
        this.callers = callers;
        this.workers = workers;
        this.quota = quota;
        this.timeout = timeout;
        this.observed = observed;
        this.budget = budget;
        this.documents = documents;
        this.addresses = addresses;
        this.keptAnswers = graphQL.getQueryStrategy() instanceof ResponseCache cache ? cache.early() : null;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<MutableHttpResponse<byte[]>> post(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return serve(exchange(request, false), () -> GraphQlRequest.fromPost(
                request.getHeaders().get(HttpHeaders.CONTENT_TYPE), body, request.getUri().getRawQuery()));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    CompletableFuture<MutableHttpResponse<byte[]>> get(HttpRequest<?> request) {
        return serve(exchange(request, false), () -> GraphQlRequest.fromQueryString(request.getUri().getRawQuery()));
    }

    /**
     * The anonymous endpoint (a municipality's website links here): the same schema, but every request runs as no
     * one, whatever token it carries, so only fields with {@code @access(roles: [PUBLIC])} are served and every
     * other field is refused as UNAUTHENTICATED by the same check that guards /graphql.
     */
    @Post(uri = PUBLIC_PATH, consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<MutableHttpResponse<byte[]>> postPublic(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return serve(exchange(request, true), () -> GraphQlRequest.fromPost(
                request.getHeaders().get(HttpHeaders.CONTENT_TYPE), body, request.getUri().getRawQuery()));
    }

    @Get(uri = PUBLIC_PATH, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<MutableHttpResponse<byte[]>> getPublic(HttpRequest<?> request) {
        return serve(exchange(request, true), () -> GraphQlRequest.fromQueryString(request.getUri().getRawQuery()));
    }

    private Exchange exchange(HttpRequest<?> http, boolean anonymous) {
        return new Exchange(anonymous, anonymous ? null : http.getUserPrincipal(Authentication.class).orElse(null),
                anonymous ? addresses.resolve(http) : null, http.getMethodName(), http.getPath(),
                http.getHeaders()::get);
    }

    /**
     * Serves a request read by Micronaut's routing or by the lean path ({@link LeanGraphQlPath}): the rate limit, the
     * request's JSON, then the rest on a worker. On the event loop; never blocks.
     */
    CompletableFuture<MutableHttpResponse<byte[]>> serve(Exchange http, Supplier<GraphQlRequest> read) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean anonymous = http.anonymous();
        OptionalInt wait = anonymous ? quota.takeAnonymous(http.clientAddress())
                : http.authentication() == null ? OptionalInt.empty() : quota.take(http.authentication());
        if (wait.isPresent()) {
            return CompletableFuture.completedFuture(refused(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED,
                    (anonymous ? "The public endpoint has had" : "This municipality has sent") + " more requests than "
                            + "its share; nothing was done. Retry after the time given.", wait.getAsInt()));
        }
        GraphQlRequest request;
        try {
            request = read.get();
        } catch (GraphQlRequest.Refused refused) {
            return CompletableFuture.completedFuture(
                    error(HttpStatus.BAD_REQUEST, refused.code(), refused.getMessage(), Map.of()));
        }
        String requestId = ObservedRequests.requestId(http.header(ObservedRequests.REQUEST_ID_HEADER));
        try {
            return workers.submit(() -> observedExecution(http, request, requestId, deadline));
        } catch (GraphQlWorkers.Busy busy) {
            return CompletableFuture.completedFuture(retryLater(BUSY, busy.getMessage(),
                    GraphQlWorkers.Busy.RETRY_AFTER_SECONDS));
        } catch (GraphQlWorkers.ShuttingDown stopping) {
            // Connection: close sends the client's next request over a new connection, i.e. to a node still serving.
            return CompletableFuture.completedFuture(retryLater(SHUTTING_DOWN, stopping.getMessage(),
                    GraphQlWorkers.ShuttingDown.RETRY_AFTER_SECONDS).header(HttpHeaders.CONNECTION, "close"));
        }
    }

    /** On the worker: the request's log context and span are the worker's for exactly this request. */
    private MutableHttpResponse<byte[]> observedExecution(Exchange http, GraphQlRequest request, String requestId,
                                                         long deadline) {
        try (ObservedRequest observation = observed.open(requestId, http.method(), http.path(), http::header)) {
            return execute(http, request, observation, deadline)
                    .header(ObservedRequests.REQUEST_ID_HEADER, requestId);
        }
    }

    private MutableHttpResponse<byte[]> execute(Exchange http, GraphQlRequest request, ObservedRequest observation,
                                                long deadline) {
        boolean anonymous = http.anonymous();
        if (System.nanoTime() - deadline > 0) {                 // its whole time went waiting for a worker
            observation.answered(HttpStatus.SERVICE_UNAVAILABLE.getCode(), List.of(RequestDeadline.TIMEOUT));
            return refused(HttpStatus.SERVICE_UNAVAILABLE, RequestDeadline.TIMEOUT, RequestDeadline.message(timeout),
                    GraphQlWorkers.Busy.RETRY_AFTER_SECONDS);
        }
        CostLimits.Ticket ticket = new CostLimits.Ticket(anonymous ? CostBudget.addressKey(http.clientAddress())
                : http.authentication() == null ? RequestQuota.ANONYMOUS
                : CallerResolver.quotaKey(http.authentication()));
        String document;
        try {
            document = documents.document(request);
        } catch (PersistedDocuments.Refused refused) {
            HttpStatus status = refused.badRequest() ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
            observation.answered(status.getCode(), List.of(refused.code()));
            return error(status, refused.code(), refused.getMessage(), Map.of(),
                    Map.of("cost", ticket.settle(budget, null)));
        }
        try {
            CallerResolver.Resolution caller = anonymous ? CallerResolver.Resolution.refused(PUBLIC_ONLY)
                    : callers.resolve(http.authentication());
            caller.asCaller().ifPresent(signedIn -> observation.municipality(signedIn.tenant().value()));
            KeptAnswers.Lookup kept = keptAnswers == null || caller.asCaller().isEmpty() ? KeptAnswers.Lookup.MISS
                    : keptAnswers.lookup(request, document, caller.asCaller().get(), ticket, budget, deadline);
            if (kept.served() != null) {
                return servedKept(request, kept.served(), ticket, observation);
            }
            Map<String, Object> context = new HashMap<>(Map.of(CallerContext.KEY, caller, OperationNames.KEY,
                    observation, RequestDeadline.KEY, deadline, CostLimits.KEY, ticket, ResponseCache.RAW_DATA, true));
            if (kept.read() != null) {
                context.put(KeptAnswers.READ, kept.read());
            }
            ExecutionInput input = ExecutionInput.newExecutionInput()
                    .query(document)
                    .operationName(request.operationName())
                    .variables(request.variables())
                    .graphQLContext(context)
                    .build();
            ExecutionResult result = overWebSocketOnly(graphQL.execute(input));
            documents.remember(request, result.getErrors().stream().noneMatch(GraphQlEndpoint::invalidDocument));
            Map<String, Object> body = new LinkedHashMap<>(result.toSpecification());
            body.put("extensions", withCost(body.get("extensions"), ticket.settle(budget, result.getData())));
            Integer retryAfter = ticket.retryAfterSeconds();
            HttpStatus status = retryAfter == null ? HttpStatus.OK : HttpStatus.TOO_MANY_REQUESTS;
            observation.answered(status.getCode(), result.getErrors().stream()
                    .map(GraphQlEndpoint::code).distinct().toList());
            MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(status)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).body(json(body));
            return retryAfter == null ? response : response.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        } catch (RuntimeException e) {
            if (ConnectionFailures.causedBy(e)) {
                LOG.warn("Database out of reach before execution: {}", e.toString());
                observation.answered(HttpStatus.SERVICE_UNAVAILABLE.getCode(), List.of(SERVICE_UNAVAILABLE));
                return retryLater(SERVICE_UNAVAILABLE, "The database is not reachable; nothing was done. Retry shortly.",
                        DatabaseUnavailable.RETRY_AFTER_SECONDS);
            }
            String incident = UUID.randomUUID().toString();
            ObservedRequest.incident(incident);
            LOG.error("Unexpected failure serving a GraphQL request (incident {})", incident, e);
            observation.answered(HttpStatus.INTERNAL_SERVER_ERROR.getCode(), List.of("INTERNAL"));
            return internalError(incident);
        }
    }

    /** The 500 this endpoint answers for a failure of its own, naming the incident logged for it. */
    static MutableHttpResponse<byte[]> internalError(String incident) {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Internal error; incident " + incident + ".",
                Map.of());
    }

    /**
     * A kept answer found before graphql-java: the body graphql-java's execution would have given ({@code data}, then
     * {@code extensions.cost}), the document remembered by its hash and the operation named in the log as there.
     */
    private MutableHttpResponse<byte[]> servedKept(GraphQlRequest request, KeptAnswers.Served served,
                                                  CostLimits.Ticket ticket, ObservedRequest observation) {
        documents.remember(request, true);
        observation.operation("query", served.observedName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", served.data());
        body.put("extensions", withCost(null, ticket.settle(budget, served.data())));
        observation.answered(HttpStatus.OK.getCode(), List.of());
        return HttpResponse.<byte[]>status(HttpStatus.OK).contentType(MediaType.APPLICATION_JSON_TYPE).body(json(body));
    }

    private static Map<String, Object> withCost(Object extensions, Map<String, Object> cost) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (extensions instanceof Map<?, ?> given) {
            given.forEach((key, value) -> all.put(String.valueOf(key), value));
        }
        all.put("cost", cost);
        return all;
    }

    static boolean invalidDocument(GraphQLError error) {
        return error.getErrorType() == ErrorType.InvalidSyntax || error.getErrorType() == ErrorType.ValidationError;
    }

    /**
     * A subscription's access was checked and its arguments read (an unknown assessment is refused as over the
     * socket), but its updates are only sent over the WebSocket ({@link GraphQlWebSocket}); nothing was subscribed.
     */
    private static ExecutionResult overWebSocketOnly(ExecutionResult result) {
        if (!(result.getData() instanceof Publisher<?>)) {
            return result;
        }
        return ExecutionResult.newExecutionResult().data(null).addError(GraphqlErrorBuilder.newError()
                .message("Subscriptions are served over WebSocket at " + WsConnection.PATH + " (subprotocol "
                        + WsConnection.SUBPROTOCOL + "), not over HTTP.")
                .extensions(Map.of("code", WsConnection.NEEDS_WEBSOCKET)).build()).build();
    }

    /** Ours carry {@code extensions.code}; graphql-java's own (a syntax or validation error) only a type. */
    private static String code(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        return code != null ? code.toString() : String.valueOf(error.getErrorType());
    }

    private static MutableHttpResponse<byte[]> retryLater(String code, String message, int seconds) {
        return refused(HttpStatus.SERVICE_UNAVAILABLE, code, message, seconds);
    }

    /** Nothing was done; the same request may be sent again after {@code seconds}. */
    private static MutableHttpResponse<byte[]> refused(HttpStatus status, String code, String message, int seconds) {
        return error(status, code, message, Map.of("retryable", true, "retryAfterSeconds", seconds))
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds));
    }

    private static MutableHttpResponse<byte[]> error(HttpStatus status, String code, String message,
                                                     Map<String, Object> extensions) {
        return error(status, code, message, extensions, Map.of());
    }

    /** One error; {@code responseExtensions}, if any, as the response's own {@code extensions} (the cost). */
    private static MutableHttpResponse<byte[]> error(HttpStatus status, String code, String message,
                                                     Map<String, Object> extensions,
                                                     Map<String, Object> responseExtensions) {
        Map<String, Object> allExtensions = new LinkedHashMap<>(extensions);
        allExtensions.put("code", code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(Map.of("message", message, "extensions", allExtensions)));
        if (!responseExtensions.isEmpty()) {
            body.put("extensions", responseExtensions);
        }
        return HttpResponse.<byte[]>status(status)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(json(body));
    }

    /**
     * The body as UTF-8 bytes, written once: a kept answer's data is copied into it as the bytes it was kept as
     * (CachedData); a String body would be encoded again by the HTTP layer.
     */
    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
