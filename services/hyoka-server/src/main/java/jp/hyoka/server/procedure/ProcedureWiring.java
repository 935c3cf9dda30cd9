package jp.hyoka.server.procedure;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.procedure.ProcedureProgress;
import jp.hyoka.domain.procedure.StepDefinition;
import jp.hyoka.server.assessment.AssessmentMutations;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.DocumentStates;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.security.Caller;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The procedure's mutations and Assessment.procedure, folded from the assessment's events like the 非公表 marks:
 * no read model keeps the steps, and the decider's definitions say which there are.
 */
@Singleton
public class ProcedureWiring implements GraphQlFeature {

    private final ProcedureSteps steps;
    private final DocumentStates states;
    private final AssessmentDecider decider;
    private final AssessmentMutations mutations;

    public ProcedureWiring(ProcedureSteps steps, DocumentStates states, AssessmentDecider decider,
                           AssessmentMutations mutations) {
        this.steps = steps;
        this.states = states;
        this.decider = decider;
        this.mutations = mutations;
    }

    /** One step of the procedure, with its date when done. */
    public record StepStatus(String step, String label, boolean required, boolean done, LocalDate doneOn) {
    }

    public record ProcedureNode(List<StepStatus> steps, String nextStep) {
    }

    @Override
    public String sdlFile() {
        return "procedure.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Assessment", type -> type.dataFetcher("procedure", this::procedure));
        wiring.type("Mutation", type -> type
                .dataFetcher("openPublicComment", environment -> edit(environment, (caller, input) -> steps.open(
                        caller, id(input), AssessmentMutations.revision(input), (LocalDate) input.get("from"),
                        (LocalDate) input.get("to"), (String) input.get("shorteningReason"), reason(input))))
                .dataFetcher("closePublicComment", environment -> edit(environment, (caller, input) -> steps.close(
                        caller, id(input), AssessmentMutations.revision(input), (LocalDate) input.get("closedOn"),
                        (String) input.get("opinions"), (String) input.get("reflection"), reason(input))))
                .dataFetcher("recordThirdPartyReview", environment -> edit(environment, (caller, input) ->
                        steps.review(caller, id(input), AssessmentMutations.revision(input),
                                (LocalDate) input.get("performedOn"), (String) input.get("body"),
                                (String) input.get("method"), (String) input.get("result"), reason(input))))
                .dataFetcher("submitToCommission", environment -> edit(environment, (caller, input) -> steps.submit(
                        caller, id(input), AssessmentMutations.revision(input), (LocalDate) input.get("submittedOn"),
                        reason(input))))
                .dataFetcher("recordAffairEnd", environment -> edit(environment, (caller, input) -> steps.endAffair(
                        caller, id(input), AssessmentMutations.revision(input), (LocalDate) input.get("endedOn"),
                        reason(input)))));
    }

    private Object edit(DataFetchingEnvironment environment,
                        BiFunction<Caller, Map<String, Object>, EditOutcome> step) {
        Caller caller = Requests.caller(environment);
        return mutations.node(caller, step.apply(caller, environment.getArgument("input")), environment);
    }

    private ProcedureNode procedure(DataFetchingEnvironment environment) {
        Caller caller = Requests.caller(environment);
        AssessmentView assessment = environment.getSource();
        return states.current(caller.tenant(), assessment.id()).map(folded -> {
            ProcedureProgress progress = folded.state().procedure();
            List<StepStatus> statuses = decider.procedure(folded.state()).steps().stream()
                    .map(step -> status(step, progress)).toList();
            String next = statuses.stream().filter(status -> !status.done()).map(StepStatus::step).findFirst()
                    .orElse(null);
            return new ProcedureNode(statuses, next);
        }).orElse(new ProcedureNode(List.of(), null));
    }

    private static StepStatus status(StepDefinition step, ProcedureProgress progress) {
        LocalDate doneOn = progress.doneOn(step.step()).orElse(null);
        return new StepStatus(step.step().name(), step.label(), step.required(), doneOn != null, doneOn);
    }

    private static String id(Map<String, Object> input) {
        return (String) input.get("assessmentId");
    }

    private static String reason(Map<String, Object> input) {
        return (String) input.get("reason");
    }
}
