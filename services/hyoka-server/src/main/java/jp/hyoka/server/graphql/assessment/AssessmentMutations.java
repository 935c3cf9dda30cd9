package jp.hyoka.server.graphql.assessment;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.server.assessment.AssessmentEditing;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.OutageResults;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.assessment.Nodes.EditedNode;
import jp.hyoka.server.graphql.assessment.Nodes.HistoryNode;
import jp.hyoka.server.graphql.assessment.Nodes.ProblemNode;
import jp.hyoka.server.security.Caller;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Editing through GraphQL. Each mutation answers a union: the edited assessment (already visible to reads), or
 * the typed Problem that explains why nothing was stored.
 */
@Singleton
public class AssessmentMutations {

    private static final List<String> PROBLEM_TYPES = List.of("AssessmentNotFound", "StaleRevision", "UnknownItem",
            "WrongAnswerType", "TextTooLong", "OptionNotAllowed", "NumberOutOfRange", "InvalidInput", "InvalidDate",
            "UnknownRepeatEntry", "RepeatLimitReached", "UnknownRepeatGroup", "UnknownForm", "VersionAlreadyPublished",
            "VersionNotPublished", "ExplanationRequired", "InvalidMunicipalityCode", "MunicipalityAlreadyOnboarded");

    private final AssessmentEditing editing;
    private final AssessmentQueries queries;
    private final ClasspathFormCatalog forms;

    public AssessmentMutations(AssessmentEditing editing, AssessmentQueries queries, ClasspathFormCatalog forms) {
        this.editing = editing;
        this.queries = queries;
        this.forms = forms;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type
                .dataFetcher("startAssessment", environment -> {
                    Caller caller = Requests.caller(environment);
                    Map<String, Object> input = environment.getArgument("input");
                    return node(caller, editing.start(caller, FormKind.valueOf((String) input.get("kind")),
                            (String) input.get("affairName"), (String) input.get("formVersion")));
                })
                .dataFetcher("answerItem", environment -> {
                    Caller caller = Requests.caller(environment);
                    Map<String, Object> input = environment.getArgument("input");
                    AnswerInputs.Parsed value = AnswerInputs.parse(input.get("value"));
                    if (value.problem() != null) {
                        return new ProblemNode(value.problem(), List.of());
                    }
                    return node(caller, editing.answer(caller, id(input), revision(input), (String) input.get("itemId"),
                            ids(input, "entryIds"), value.answer(), reason(input)));
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
                .dataFetcher("formChanges", environment -> formChanges(environment)));
        TypeResolver results = environment -> environment.getSchema().getObjectType(typeOf(environment.getObject()));
        wiring.type("StartAssessmentResult", type -> type.typeResolver(results));
        wiring.type("EditAssessmentResult", type -> type.typeResolver(results));
        wiring.type("Problem", type -> type.typeResolver(results));
        wiring.type("ImportChangeAnnexResult", type -> type.typeResolver(results));
        wiring.type("ImportDocumentResult", type -> type.typeResolver(results));
        for (String problem : PROBLEM_TYPES) {
            wiring.type(problem, type -> type.defaultDataFetcher(AssessmentMutations::problemField));
        }
    }

    /** The GraphQL object type of a mutation result node. */
    static String typeOf(Object result) {
        if (result instanceof OutageResults.ServiceUnavailableResult) {
            return "ServiceUnavailable";
        }
        if (result instanceof Nodes.Typed typed) {
            return typed.graphQlType();
        }
        return result instanceof EditedNode ? "AssessmentEdited"
                : ((ProblemNode) result).rejection().getClass().getSimpleName();
    }

    private Object edit(DataFetchingEnvironment environment,
                        java.util.function.BiFunction<Caller, Map<String, Object>, EditOutcome> edit) {
        Caller caller = Requests.caller(environment);
        return node(caller, edit.apply(caller, environment.getArgument("input")));
    }

    /** For a migration: the changes it recorded, read back from the history line of its revision. */
    private List<Map<String, Object>> formChanges(DataFetchingEnvironment environment) {
        EditedNode edited = environment.getSource();
        Caller caller = Requests.caller(environment);
        return queries.changesSince(caller.tenant(), edited.assessment().id(), edited.revision() - 1).stream()
                .filter(entry -> entry.revision() == edited.revision())
                .findFirst().map(entry -> HistoryWiring.formChanges(entry, forms)).orElse(List.of());
    }

    private static String id(Map<String, Object> input) {
        return (String) input.get("assessmentId");
    }

    private static String reason(Map<String, Object> input) {
        return (String) input.get("reason");
    }

    @SuppressWarnings("unchecked")
    static List<String> ids(Map<String, Object> input, String field) {
        Object ids = input.get(field);
        return ids == null ? List.of() : ((List<Object>) ids).stream().map(Object::toString).toList();
    }

    Object node(Caller caller, EditOutcome outcome) {
        if (outcome instanceof EditOutcome.Edited edited) {
            return stored(queries, caller, edited,
                    view -> new EditedNode(view, edited.revision(), edited.addedEntryId()));
        }
        return problem(caller, (EditOutcome.Refused) outcome);
    }

    /**
     * A stored edit as the node {@code visible} makes of the assessment read back; EditNotYetVisible when the read
     * models do not show it yet or the database failed reading it back (the edit is stored either way).
     */
    static Object stored(AssessmentQueries queries, Caller caller, EditOutcome.Edited edited,
                         Function<AssessmentView, Object> visible) {
        Optional<AssessmentView> view;
        try {
            view = queries.find(caller.tenant(), edited.assessmentId());
        } catch (RuntimeException e) {
            if (!ConnectionFailures.causedBy(e)) {
                throw e;
            }
            view = Optional.empty();
        }
        return view.map(visible)
                .orElseGet(() -> new Nodes.NotYetVisibleNode(edited.assessmentId().toString(), edited.revision()));
    }

    /** A refusal as its Problem node; a stale revision lists what changed since, on the assessment's form. */
    ProblemNode problem(Caller caller, EditOutcome.Refused refused) {
        List<HistoryNode> changes = refused.changesSince().isEmpty() ? List.of()
                : refused.changesSince().stream().map(entry -> HistoryNode.of(entry, formOf(caller, refused))).toList();
        return new ProblemNode(refused.rejection(), changes);
    }

    private FormDefinition formOf(Caller caller, EditOutcome.Refused refused) {
        String id = ((StaleRevision) refused.rejection()).assessmentId();
        return AssessmentId.parse(id)
                .flatMap(assessmentId -> queries.find(caller.tenant(), assessmentId))
                .flatMap(view -> forms.find(view.form()))
                .orElseThrow();
    }

    static long revision(Map<String, Object> input) {
        return ((Number) input.get("expectedRevision")).longValue();
    }

    /** Problem fields are the rejection's record components, plus code, message and changesSince. */
    private static Object problemField(DataFetchingEnvironment environment) throws ReflectiveOperationException {
        ProblemNode node = environment.getSource();
        Rejection rejection = node.rejection();
        String field = environment.getField().getName();
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
