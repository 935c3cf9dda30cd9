package jp.hyoka.server.graphql;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds the executable schema from the SDL in the schema artifact plus each feature's wiring. Parsed and
 * validated documents are cached by query text (BENCHMARKS.md: three times faster than parsing each request).
 */
@Factory
public class GraphQlFactory {

    static final String SDL_ROOT = "hyoka/schema/graphql/";
    private static final int DOCUMENT_CACHE_LIMIT = 1_000;
    /**
     * Limits per operation. The schema has no cycles, so legitimate documents stay shallow (the deepest of our
     * own is 7); the field budget stops alias amplification (thousands of aliased list fields in one request).
     */
    static final int MAX_DEPTH = 15;
    static final int MAX_FIELDS = 2_000;
    /**
     * What the kept answers may hold ({@link ResponseCache}), in characters: 32 M (64 MB of heap), e.g. ~150 whole
     * documents of sample 000's size or many thousands of few-field reads. 0 turns keeping answers off.
     */
    static final long RESPONSE_CACHE_CHARS = 32L << 20;

    /**
     * Started eagerly, right after the pool: the features (and the beans their wiring takes) are built here, on the
     * main thread, and the schema on a thread of its own, beside the schema migration and the rest of the start
     * (Axon's configuration and start, the HTTP server's set-up; infra/docs/startup.md). A schema that does not
     * match its wiring stops the start before the port opens ({@link SchemaBuild} is a start barrier), not the
     * first request.
     */
    @Context
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SchemaBuild schemaBuild(List<GraphQlFeature> features, @Value("${hyoka.graphql.timeout:30s}") Duration timeout,
                            @Nullable MeterRegistry metrics, CostBudget budget, List<VersionedRoot> versionedRoots,
                            @Value("${hyoka.graphql.response-cache.max-chars:" + RESPONSE_CACHE_CHARS + "}")
                            long cacheChars) {
        return SchemaBuild.start(() -> graphQL(features, timeout, metrics, budget, versionedRoots, cacheChars));
    }

    /** The schema built at start (waited for: the port opens only after it is built, so this waits no more then). */
    @Singleton
    GraphQL graphQL(SchemaBuild build) {
        return build.graphQL();
    }

    private static GraphQL graphQL(List<GraphQlFeature> features, Duration timeout, @Nullable MeterRegistry metrics,
                                   CostBudget budget, List<VersionedRoot> versionedRoots, long cacheChars) {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        types.merge(SdlAhead.parse(parser, "schema.graphqls"));
        types.merge(SdlAhead.parse(parser, "problems.graphqls"));
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DATE_TIME)
                .scalar(Scalars.DATE)
                .directive(FieldAccess.DIRECTIVE, new FieldAccess());
        for (GraphQlFeature feature : features) {
            types.merge(SdlAhead.parse(parser, feature.sdlFile()));
        }
        Results.wireProblems(types, wiring);
        features.forEach(feature -> feature.wire(wiring));
        GraphQLSchema schema = OutageResults.decorate(new SchemaGenerator().makeExecutableSchema(types, wiring.build()));
        FieldAccess.requireOnEveryRootField(schema);
        ApiErrorHandler errors = new ApiErrorHandler();
        List<Instrumentation> perOperation = new ArrayList<>(List.of(
                DocumentLimits.maxDepth(MAX_DEPTH),
                DocumentLimits.maxFields(MAX_FIELDS),
                new CostLimits(budget),
                new OperationNames()));
        GraphQlMetrics graphQlMetrics = metrics == null ? null : new GraphQlMetrics(metrics);
        if (graphQlMetrics != null) {
            perOperation.add(graphQlMetrics);
        }
        return GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(cacheChars > 0
                        ? new ResponseCache(errors, versionedRoots, cacheChars, graphQlMetrics)
                        : new AsyncExecutionStrategy(errors))
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
                .subscriptionExecutionStrategy(new SubscriptionExecutionStrategy(errors))
                .preparsedDocumentProvider(new CachedDocuments())
                .instrumentation(new LeanInstrumentation(perOperation, new RequestDeadline(timeout)))
                .build();
    }

    /** Starts parsing the SDL files on a thread of their own (the server's main, before the context starts). */
    public static void parseAhead() {
        SdlAhead.start();
    }

    static String sdl(String file) {
        try (InputStream in = GraphQlFactory.class.getClassLoader().getResourceAsStream(SDL_ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("missing SDL file " + SDL_ROOT + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed, validated documents by text (the same Document instance for the same text, as limits and cost rely on). */
    static final class CachedDocuments implements PreparsedDocumentProvider {
        private final Map<String, PreparsedDocumentEntry> cache = new ConcurrentHashMap<>();

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
                ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
            PreparsedDocumentEntry cached = cache.get(input.getQuery());
            if (cached != null) {
                return CompletableFuture.completedFuture(cached);
            }
            PreparsedDocumentEntry entry = parseAndValidate.apply(input);
            if (!entry.hasErrors() && cache.size() < DOCUMENT_CACHE_LIMIT) {
                cache.put(input.getQuery(), entry);
            }
            return CompletableFuture.completedFuture(entry);
        }
    }
}
