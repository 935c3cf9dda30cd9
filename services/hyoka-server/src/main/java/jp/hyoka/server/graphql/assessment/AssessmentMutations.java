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
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.assessment.Nodes.EditedNode;
import jp.hyoka.server.graphql.assessment.Nodes.HistoryNode;
import jp.hyoka.server.graphql.assessment.Nodes.ProblemNode;
import jp.hyoka.server.security.Caller;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Editing through GraphQL. Each mutation answers a union: the edited assessment (already visible to reads), or
 * the typed Problem that explains why nothing was stored.
 */
@Singleton
public class AssessmentMutations {

    private static final List<String> PROBLEM_TYPES = List.of("AssessmentNotFound", "StaleRevision", "UnknownItem",
            "WrongAnswerType", "TextTooLong", "OptionNotAllowed", "NumberOutOfRange", "InvalidInput");

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
                    Caller caller = Requests.callerWithRole(environment, Caller.EDITOR);
                    Map<String, Object> input = environment.getArgument("input");
                    return node(caller, editing.start(caller, FormKind.valueOf((String) input.get("kind")),
                            (String) input.get("affairName")));
                })
                .dataFetcher("answerItem", environment -> {
                    Caller caller = Requests.callerWithRole(environment, Caller.EDITOR);
                    Map<String, Object> input = environment.getArgument("input");
                    return AnswerInputs.parse(input.get("value"))
                            .map(answer -> node(caller, editing.answer(caller, (String) input.get("assessmentId"),
                                    revision(input), (String) input.get("itemId"), answer, (String) input.get("reason"))))
                            .orElseGet(() -> new ProblemNode(AnswerInputs.notExactlyOne(), List.of()));
                })
                .dataFetcher("clearAnswer", environment -> {
                    Caller caller = Requests.callerWithRole(environment, Caller.EDITOR);
                    Map<String, Object> input = environment.getArgument("input");
                    return node(caller, editing.clear(caller, (String) input.get("assessmentId"), revision(input),
                            (String) input.get("itemId"), (String) input.get("reason")));
                }));
        TypeResolver results = environment -> {
            Object result = environment.getObject();
            String name = result instanceof EditedNode ? "AssessmentEdited"
                    : ((ProblemNode) result).rejection().getClass().getSimpleName();
            return environment.getSchema().getObjectType(name);
        };
        wiring.type("StartAssessmentResult", type -> type.typeResolver(results));
        wiring.type("EditAssessmentResult", type -> type.typeResolver(results));
        wiring.type("Problem", type -> type.typeResolver(results));
        for (String problem : PROBLEM_TYPES) {
            wiring.type(problem, type -> type.defaultDataFetcher(AssessmentMutations::problemField));
        }
    }

    private Object node(Caller caller, EditOutcome outcome) {
        if (outcome instanceof EditOutcome.Edited edited) {
            return queries.find(caller.tenant(), edited.assessmentId())
                    .map(view -> (Object) new EditedNode(view, edited.revision()))
                    .orElseThrow(() -> new IllegalStateException("read model lags behind " + edited));
        }
        EditOutcome.Refused refused = (EditOutcome.Refused) outcome;
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

    private static long revision(Map<String, Object> input) {
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
