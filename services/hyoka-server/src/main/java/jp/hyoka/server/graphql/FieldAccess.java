package jp.hyoka.server.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code @access(roles: …)} directive of the SDL: each root field names the roles that may call it, so the
 * schema a front-end team reads is the policy the server enforces. A root field without it stops the start
 * ({@link #requireOnEveryRootField}): access is denied by omission, never granted by it.
 */
final class FieldAccess implements SchemaDirectiveWiring {

    static final String DIRECTIVE = "access";
    /** The role every caller holds, signed in or not: only fields that show what is public anyway name it. */
    static final String PUBLIC = "public";

    @Override
    public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> environment) {
        List<String> roles = roles(environment.getAppliedDirective(DIRECTIVE));
        DataFetcher<?> fetcher = environment.getFieldDataFetcher();
        if (roles.contains(PUBLIC)) {
            return environment.getElement();
        }
        return environment.setFieldDataFetcher(call -> {
            Set<String> held = Requests.roles(call);
            if (roles.stream().noneMatch(held::contains)) {
                throw new ApiException(ApiException.FORBIDDEN, call.getField().getName() + " needs one of the roles "
                        + String.join(", ", roles) + "; you have " + (held.isEmpty() ? "none"
                        : String.join(", ", held.stream().sorted().toList())) + ".");
            }
            return fetcher.get(call);
        });
    }

    /** Token role names ("platform-operator") of the directive's enum values (PLATFORM_OPERATOR). */
    private static List<String> roles(GraphQLAppliedDirective directive) {
        List<String> roles = new ArrayList<>();
        for (Object role : directive.getArgument("roles").<List<?>>getValue()) {
            roles.add(role.toString().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return List.copyOf(roles);
    }

    /** The Role enum value of a token role name ("platform-operator" → PLATFORM_OPERATOR): the inverse of the above. */
    static String enumName(String tokenRole) {
        return tokenRole.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static void requireOnEveryRootField(GraphQLSchema schema) {
        List<String> open = Stream.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())
                .filter(Objects::nonNull).flatMap(type -> unguarded(type).stream()).toList();
        if (!open.isEmpty()) {
            throw new IllegalStateException("root fields without @access(roles: …): " + String.join(", ", open));
        }
    }

    private static List<String> unguarded(GraphQLObjectType type) {
        return type.getFieldDefinitions().stream().filter(field -> field.getAppliedDirective(DIRECTIVE) == null)
                .map(field -> type.getName() + "." + field.getName()).toList();
    }
}
