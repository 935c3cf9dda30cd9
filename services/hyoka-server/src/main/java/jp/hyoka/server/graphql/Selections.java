package jp.hyoka.server.graphql;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

import java.util.Map;
import java.util.Set;

/**
 * What a field's selection asks for, read from the document itself. graphql-java's
 * {@code environment.getSelectionSet().containsAnyOf(...)} builds the whole operation's normalized form and compiles a
 * glob per name on every call: 12 % of a few-field read's worker time (infra/docs/read-path.md). This walks the
 * field's own sub-selections (through inline fragments and fragment spreads) and compares names.
 */
public final class Selections {

    private Selections() {
    }

    /**
     * Whether the field being fetched selects, directly beneath it, a field named one of {@code names} (field names,
     * not aliases). {@code @skip}/{@code @include} are not evaluated: a field they would leave out still counts, so
     * the answer may be yes for a field that will not run, never no for one that will.
     */
    public static boolean asksForAny(DataFetchingEnvironment environment, Set<String> names) {
        Map<String, FragmentDefinition> fragments = environment.getFragmentsByName();
        for (Field field : environment.getMergedField().getFields()) {
            if (asksForAny(field.getSelectionSet(), names, fragments, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asksForAny(SelectionSet selections, Set<String> names,
                                      Map<String, FragmentDefinition> fragments, int fragmentDepth) {
        if (selections == null) {
            return false;
        }
        if (fragmentDepth > GraphQlFactory.MAX_DEPTH) {   // validation refuses cycles; deeper: "yes", never a wrong "no"
            return true;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (names.contains(field.getName())) {
                    return true;
                }
            } else if (selection instanceof InlineFragment inline) {
                if (asksForAny(inline.getSelectionSet(), names, fragments, fragmentDepth + 1)) {
                    return true;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null
                        && asksForAny(fragment.getSelectionSet(), names, fragments, fragmentDepth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
