package jp.hyoka.domain.procedure;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The steps done in the version being drafted, each with its date (the opening's first day for the comment period,
 * else the day the step was taken); {@code commentEndsOn} is the opened period's last day. A next version starts
 * with none done: its re-assessment goes through the procedure again.
 */
public record ProcedureProgress(Map<ProcedureStep, LocalDate> doneOn, LocalDate commentEndsOn) {

    public static final ProcedureProgress NONE = new ProcedureProgress(Map.of(), null);

    public ProcedureProgress {
        doneOn = doneOn.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(doneOn));
    }

    public ProcedureProgress done(ProcedureStep step, LocalDate on) {
        Map<ProcedureStep, LocalDate> next = new EnumMap<>(ProcedureStep.class);
        next.putAll(doneOn);
        next.put(step, on);
        return new ProcedureProgress(next, commentEndsOn);
    }

    public ProcedureProgress commentEnding(LocalDate endsOn) {
        return new ProcedureProgress(doneOn, endsOn);
    }

    public Optional<LocalDate> doneOn(ProcedureStep step) {
        return Optional.ofNullable(doneOn.get(step));
    }

    /** The latest date any step was done on: a later step cannot be dated before it. */
    public Optional<LocalDate> latest() {
        return doneOn.values().stream().max(LocalDate::compareTo);
    }
}
