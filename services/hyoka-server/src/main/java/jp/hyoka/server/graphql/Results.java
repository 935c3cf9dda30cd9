package jp.hyoka.server.graphql;

import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import jp.hyoka.domain.rejection.Rejection;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mutation results as data: every result union and the {@code Problem} interface resolve a node to its GraphQL type
 * the same way ({@link #RESOLVER}), and every object type implementing {@code Problem} reads its fields off the
 * domain rejection it reports ({@link ProblemNode}). Wired for every Problem type a feature's SDL declares, so a
 * feature adding a refusal adds SDL only.
 */
public final class Results {

    /** Resolves any result node: a {@link Typed} node names its type; a problem is named after its rejection. */
    public static final TypeResolver RESOLVER =
            environment -> environment.getSchema().getObjectType(typeOf(environment.getObject()));

    private Results() {
    }

    /** A node that names its own GraphQL object type (used by the result unions and the Problem interface). */
    public interface Typed {
        String graphQlType();
    }

    /**
     * A refusal: the domain rejection, and for a stale revision what changed since (history nodes of the
     * assessment's form; empty otherwise).
     */
    public record ProblemNode(Rejection rejection, List<?> changesSince) implements Typed {
        @Override
        public String graphQlType() {
            return rejection.getClass().getSimpleName();
        }
    }

    /** The GraphQL object type of a mutation result node. */
    public static String typeOf(Object result) {
        if (result instanceof OutageResults.ServiceUnavailableResult) {
            return "ServiceUnavailable";
        }
        return ((Typed) result).graphQlType();
    }

    /**
     * The Problem interface's resolver, the rejection's fields for every object type implementing it, and the
     * resolver of every result union (a union with a Problem member: each mutation has its own).
     */
    static void wireProblems(TypeDefinitionRegistry types, RuntimeWiring.Builder wiring) {
        wiring.type("Problem", type -> type.typeResolver(RESOLVER));
        Set<String> problems = new HashSet<>();
        for (ObjectTypeDefinition object : types.getTypes(ObjectTypeDefinition.class)) {
            if (object.getImplements().stream()
                    .anyMatch(type -> type instanceof TypeName name && name.getName().equals("Problem"))) {
                problems.add(object.getName());
                wiring.type(object.getName(), type -> type.defaultDataFetcher(Results::problemField));
            }
        }
        for (UnionTypeDefinition union : types.getTypes(UnionTypeDefinition.class)) {
            List<String> members = new ArrayList<>(union.getMemberTypes().stream().map(Results::name).toList());
            types.unionTypeExtensions().getOrDefault(union.getName(), List.of())
                    .forEach(extension -> extension.getMemberTypes().forEach(member -> members.add(name(member))));
            if (members.stream().anyMatch(problems::contains)) {
                wiring.type(union.getName(), type -> type.typeResolver(RESOLVER));
            }
        }
    }

    private static String name(Type<?> type) {
        return ((TypeName) type).getName();
    }

    /** Problem fields are the rejection's record components, plus code, message and changesSince. */
    private static Object problemField(DataFetchingEnvironment environment) throws ReflectiveOperationException {
        String field = environment.getField().getName();
        if (!(environment.getSource() instanceof ProblemNode node)) {
            return PropertyDataFetcher.fetching(field).get(environment);
        }
        Rejection rejection = node.rejection();
        switch (field) {
            case "code":
                return rejection.code();
            case "message":
                return rejection.message();
            case "changesSince":
                return node.changesSince();
            default:
                for (RecordComponent component : rejection.getClass().getRecordComponents()) {
                    if (component.getName().equals(field)) {
                        return component.getAccessor().invoke(rejection);
                    }
                }
                return null;
        }
    }
}
