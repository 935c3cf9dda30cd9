package jp.hyoka.server.editing;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.server.assessment.AssessmentMutations;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.assessment.FormChanges;
import jp.hyoka.server.assessment.Nodes.EditedNode;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Results.ProblemNode;
import jp.hyoka.server.graphql.Results;
import jp.hyoka.server.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Editing through GraphQL: start an assessment, answer and clear items, add, move and remove repeat entries,
 * migrate to another form revision. Each mutation answers a union: the edited assessment (already visible to
 * reads), or the typed Problem that explains why nothing was stored.
 */
@Singleton
public class EditingWiring implements GraphQlFeature {

    private final Editing editing;
    private final AssessmentMutations results;
    private final AssessmentQueries queries;
    private final ClasspathFormCatalog forms;

    public EditingWiring(Editing editing, AssessmentMutations results, AssessmentQueries queries,
                         ClasspathFormCatalog forms) {
        this.editing = editing;
        this.results = results;
        this.queries = queries;
        this.forms = forms;
    }

    @Override
    public String sdlFile() {
        return "editing.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type
                .dataFetcher("startAssessment", environment -> {
                    Caller caller = Requests.caller(environment);
                    Map<String, Object> input = environment.getArgument("input");
                    return results.node(caller, editing.start(caller, FormKind.valueOf((String) input.get("kind")),
                            (String) input.get("affairName"), (String) input.get("formVersion")), environment);
                })
                .dataFetcher("answerItem", environment -> {
                    Caller caller = Requests.caller(environment);
                    Map<String, Object> input = environment.getArgument("input");
                    AnswerInputs.Parsed value = AnswerInputs.parse(input.get("value"));
                    if (value.problem() != null) {
                        return new ProblemNode(value.problem(), List.of());
                    }
                    return results.node(caller, editing.answer(caller, id(input), revision(input),
                            (String) input.get("itemId"), ids(input, "entryIds"), value.answer(), reason(input)), environment);
                })
                .dataFetcher("clearAnswer", environment -> edit(environment, (caller, input) -> editing.clear(caller,
                        id(input), revision(input), (String) input.get("itemId"), ids(input, "entryIds"), reason(input))))
                .dataFetcher("addRepeatEntry", environment -> edit(environment, (caller, input) -> editing.addEntry(
                        caller, id(input), revision(input), (String) input.get("groupId"), ids(input, "parentEntryIds"),
                        (Integer) input.get("position"), reason(input))))
                .dataFetcher("moveRepeatEntry", environment -> edit(environment, (caller, input) -> editing.moveEntry(
                        caller, id(input), revision(input), (String) input.get("groupId"), ids(input, "parentEntryIds"),
                        (String) input.get("entryId"), (Integer) input.get("toPosition"), reason(input))))
                .dataFetcher("removeRepeatEntry", environment -> edit(environment, (caller, input) -> editing.removeEntry(
                        caller, id(input), revision(input), (String) input.get("groupId"), ids(input, "parentEntryIds"),
                        (String) input.get("entryId"), reason(input))))
                .dataFetcher("migrateFormRevision", environment -> edit(environment, (caller, input) -> editing.migrate(
                        caller, id(input), revision(input), (String) input.get("version"), reason(input)))));
        wiring.type("AssessmentEdited", type -> type
                .dataFetcher("formChanges", this::formChanges));
        wiring.type("StartAssessmentResult", type -> type.typeResolver(Results.RESOLVER));
    }

    private Object edit(DataFetchingEnvironment environment, BiFunction<Caller, Map<String, Object>, EditOutcome> edit) {
        Caller caller = Requests.caller(environment);
        return results.node(caller, edit.apply(caller, environment.getArgument("input")), environment);
    }

    /** For a migration: the changes it recorded, read back from the history line of its revision. */
    private List<Map<String, Object>> formChanges(DataFetchingEnvironment environment) {
        EditedNode edited = environment.getSource();
        Caller caller = Requests.caller(environment);
        return queries.changesSince(caller.tenant(), edited.assessment().id(), edited.revision() - 1).stream()
                .filter(entry -> entry.revision() == edited.revision())
                .findFirst().map(entry -> FormChanges.of(entry, forms)).orElse(List.of());
    }

    private static String id(Map<String, Object> input) {
        return (String) input.get("assessmentId");
    }

    private static String reason(Map<String, Object> input) {
        return (String) input.get("reason");
    }

    private static long revision(Map<String, Object> input) {
        return AssessmentMutations.revision(input);
    }

    private static List<String> ids(Map<String, Object> input, String field) {
        return AssessmentMutations.ids(input, field);
    }
}
