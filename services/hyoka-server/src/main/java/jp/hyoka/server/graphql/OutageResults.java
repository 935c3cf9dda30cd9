package jp.hyoka.server.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.availability.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mutation that meets a database outage answers the {@code ServiceUnavailable} problem of its result union
 * instead of an error: every mutation whose union has that member gets this treatment, without each fetcher
 * repeating it. Whether the edit may have been stored comes from {@link DatabaseUnavailable} (thrown once the
 * command was out); any other connection failure happened before anything was sent.
 */
public final class OutageResults {

    static final String TYPE = "ServiceUnavailable";

    private static final Logger LOG = LoggerFactory.getLogger(OutageResults.class);

    private OutageResults() {
    }

    /**
     * The problem node: {@code code}, {@code message}, {@code mayHaveBeenStored}, {@code retryAfterSeconds}. Also the
     * answer of a mutation field the request's deadline passed before it began ({@link RequestDeadline}: TIMEOUT).
     */
    public record ServiceUnavailableResult(boolean mayHaveBeenStored, String code, String message,
                                           int retryAfterSeconds) {

        static ServiceUnavailableResult outage(boolean mayHaveBeenStored) {
            return new ServiceUnavailableResult(mayHaveBeenStored, "SERVICE_UNAVAILABLE", mayHaveBeenStored
                    ? "The database failed while the edit was being stored: it may have been. Read the assessment's "
                    + "revision before repeating it (a repeat against the old revision is refused as stale)."
                    : "The database is not reachable; nothing was stored. Retry shortly.",
                    DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }

        static ServiceUnavailableResult timedOut(String message) {
            return new ServiceUnavailableResult(false, RequestDeadline.TIMEOUT, message, 1);
        }
    }

    static GraphQLSchema decorate(GraphQLSchema schema) {
        GraphQLObjectType mutation = schema.getMutationType();
        if (mutation == null) {
            return schema;
        }
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry decorated = registry.transform(builder -> {
            for (GraphQLFieldDefinition field : mutation.getFieldDefinitions()) {
                if (answersOutages(field)) {
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(mutation, field);
                    builder.dataFetcher(coordinates, outageAware(registry.getDataFetcher(coordinates, field)));
                }
            }
        });
        return schema.transform(builder -> builder.codeRegistry(decorated));
    }

    /** Whether the field's result is a union with the ServiceUnavailable member. */
    static boolean answersOutages(GraphQLFieldDefinition field) {
        return GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLUnionType union && hasMember(union);
    }

    private static boolean hasMember(GraphQLUnionType union) {
        return union.getTypes().stream().anyMatch(member -> member.getName().equals(TYPE));
    }

    private static DataFetcher<Object> outageAware(DataFetcher<?> fetcher) {
        return environment -> {
            try {
                return fetcher.get(environment);
            } catch (Exception e) {
                if (!ConnectionFailures.causedBy(e)) {
                    throw e;
                }
                boolean mayHaveBeenStored = DatabaseUnavailable.mayHaveBeenStored(e);
                LOG.warn("Database out of reach in {} (may have been stored: {}): {}",
                        environment.getField().getName(), mayHaveBeenStored, e.toString());
                return ServiceUnavailableResult.outage(mayHaveBeenStored);
            }
        };
    }
}
