package jp.hyoka.server.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/** ISO-8601 scalars: DateTime (an Instant) and Date (a LocalDate). */
final class Scalars {

    static final GraphQLScalarType DATE_TIME = iso("DateTime", Instant.class, Instant::parse);
    static final GraphQLScalarType DATE = iso("Date", LocalDate.class, LocalDate::parse);

    private Scalars() {
    }

    private static <T> GraphQLScalarType iso(String name, Class<T> type, Function<String, T> parse) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (!type.isInstance(value)) {
                    throw new CoercingSerializeException(name + " cannot represent " + value);
                }
                return value.toString();
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return parse.apply(String.valueOf(input));
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException("not an ISO-8601 " + name + ": " + input);
                }
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (!(input instanceof StringValue string)) {
                    throw new CoercingParseLiteralException(name + " must be a string");
                }
                try {
                    return parse.apply(string.getValue());
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException("not an ISO-8601 " + name + ": " + string.getValue());
                }
            }
        }).build();
    }
}
