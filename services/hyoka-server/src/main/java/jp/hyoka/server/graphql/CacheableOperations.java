package jp.hyoka.server.graphql;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which operations {@link ResponseCache} may keep the answer of: a query whose one root field is a
 * {@link VersionedRoot}'s, its id given as a string or a variable, and every field beneath it one the root names as
 * determined by its version (or {@code __typename}), through fragments on object types only and no directive but
 * {@code @skip}/{@code @include} (their variables are part of the key). Anything else is executed every time.
 */
final class CacheableOperations {

    /** How a cacheable operation names what its root reads: a literal id, or the variable holding it. */
    record Plan(VersionedRoot root, String literalId, String idVariable) {

        /** The id of this request, or null when the variable is not a string. */
        String id(Map<String, Object> variables) {
            if (literalId != null) {
                return literalId;
            }
            return variables.get(idVariable) instanceof String id ? id : null;
        }
    }

    private static final Set<String> CONDITIONS = Set.of("skip", "include");

    private final Map<String, VersionedRoot> roots;

    CacheableOperations(List<VersionedRoot> roots) {
        this.roots = Map.copyOf(roots.stream().collect(java.util.stream.Collectors.toMap(VersionedRoot::field,
                root -> root)));
    }

    Optional<Plan> plan(GraphQLSchema schema, Document document, OperationDefinition operation,
                        Map<String, FragmentDefinition> fragments) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY || !operation.getDirectives().isEmpty()
                || operation.getSelectionSet().getSelections().size() != 1
                || !(operation.getSelectionSet().getSelections().get(0) instanceof Field field)
                || !field.getDirectives().isEmpty()) {
            return Optional.empty();
        }
        VersionedRoot root = roots.get(field.getName());
        if (root == null || field.getArguments().size() != 1
                || !field.getArguments().get(0).getName().equals(root.idArgument())) {
            return Optional.empty();
        }
        GraphQLFieldDefinition definition = schema.getQueryType().getFieldDefinition(field.getName());
        if (definition == null || !(GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLObjectType type)
                || field.getSelectionSet() == null
                || !determined(schema, type, field.getSelectionSet(), fragments, root.determinedFields(),
                new HashSet<>())) {
            return Optional.empty();
        }
        Argument id = field.getArguments().get(0);
        Value<?> value = id.getValue();
        if (value instanceof StringValue literal) {
            return Optional.of(new Plan(root, literal.getValue(), null));
        }
        if (value instanceof VariableReference variable) {
            return Optional.of(new Plan(root, null, variable.getName()));
        }
        return Optional.empty();
    }

    /** Whether every field selected on {@code type} (an object type) is determined, fragments followed. */
    private static boolean determined(GraphQLSchema schema, GraphQLObjectType type, SelectionSet selections,
                                      Map<String, FragmentDefinition> fragments, Set<String> allowed,
                                      Set<String> spreadsSeen) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (!conditionsOnly(field.getDirectives())) {
                    return false;
                }
                if (field.getName().equals(Introspection.TypeNameMetaFieldDef.getName())) {
                    continue;
                }
                if (!allowed.contains(type.getName() + "." + field.getName())) {
                    return false;
                }
                GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
                if (definition == null) {
                    return false;
                }
                GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(definition.getType());
                if (field.getSelectionSet() != null && !field.getSelectionSet().getSelections().isEmpty()
                        && !withinType(schema, fieldType, field.getSelectionSet(), fragments, allowed, spreadsSeen)) {
                    return false;
                }
            } else if (selection instanceof InlineFragment inline) {
                if (!conditionsOnly(inline.getDirectives()) || (inline.getTypeCondition() != null
                        && !inline.getTypeCondition().getName().equals(type.getName()))
                        || !determined(schema, type, inline.getSelectionSet(), fragments, allowed, spreadsSeen)) {
                    return false;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment == null || !conditionsOnly(spread.getDirectives())
                        || !fragment.getDirectives().isEmpty()
                        || !fragment.getTypeCondition().getName().equals(type.getName())) {
                    return false;
                }
                // Only the spreads on the current path: a cycle stops the walk, a fragment used twice side by side
                // (createdBy { ...Who } updatedBy { ...Who }) is walked twice (validation refuses cycles anyway).
                String onPath = spread.getName() + "@" + type.getName();
                if (!spreadsSeen.add(onPath)) {
                    return false;
                }
                boolean fragmentDetermined = determined(schema, type, fragment.getSelectionSet(), fragments, allowed,
                        spreadsSeen);
                spreadsSeen.remove(onPath);
                if (!fragmentDetermined) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * A selection on a field's type: an object type directly; a union or interface only through inline fragments
     * naming its object types (each then checked as that type), and {@code __typename}.
     */
    private static boolean withinType(GraphQLSchema schema, GraphQLType fieldType, SelectionSet selections,
                                      Map<String, FragmentDefinition> fragments, Set<String> allowed,
                                      Set<String> spreadsSeen) {
        if (fieldType instanceof GraphQLObjectType object) {
            return determined(schema, object, selections, fragments, allowed, spreadsSeen);
        }
        if (!(fieldType instanceof GraphQLFieldsContainer) && !(fieldType instanceof graphql.schema.GraphQLUnionType)) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && field.getSelectionSet() == null && field.getDirectives().isEmpty()
                    && field.getName().equals(Introspection.TypeNameMetaFieldDef.getName())) {
                continue;
            }
            if (!(selection instanceof InlineFragment inline) || inline.getTypeCondition() == null
                    || !conditionsOnly(inline.getDirectives())
                    || !(schema.getType(inline.getTypeCondition().getName()) instanceof GraphQLObjectType member)
                    || !possible(schema, (GraphQLNamedType) fieldType, member)
                    || !determined(schema, member, inline.getSelectionSet(), fragments, allowed, spreadsSeen)) {
                return false;
            }
        }
        return true;
    }

    private static boolean possible(GraphQLSchema schema, GraphQLNamedType abstractType, GraphQLObjectType member) {
        return schema.isPossibleType(abstractType, member);
    }

    private static boolean conditionsOnly(List<Directive> directives) {
        for (Directive directive : directives) {
            if (!CONDITIONS.contains(directive.getName())) {
                return false;
            }
        }
        return true;
    }
}
