package jp.hyoka.domain.procedure;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The steps one kind of 評価書 takes before 公表, in order. */
public record Procedure(List<StepDefinition> steps) {

    public static final Procedure NONE = new Procedure(List.of());

    public Procedure {
        steps = List.copyOf(steps);
    }

    public Optional<StepDefinition> step(ProcedureStep step) {
        return steps.stream().filter(definition -> definition.step() == step).findFirst();
    }

    /** The first required step not in {@code done}, in the procedure's order. */
    public Optional<ProcedureStep> firstMissingRequired(Set<ProcedureStep> done) {
        return steps.stream().filter(StepDefinition::required).map(StepDefinition::step)
                .filter(step -> !done.contains(step)).findFirst();
    }
}
