package jp.hyoka.domain.rejection;

import java.time.LocalDate;

/** A step of the 評価実施手続 is done once per version; this one was recorded on {@code doneOn}. */
public record ProcedureStepAlreadyDone(String assessmentId, String step, LocalDate doneOn) implements Rejection {
    @Override
    public String code() {
        return "PROCEDURE_STEP_ALREADY_DONE";
    }

    @Override
    public String message() {
        return "The procedure step " + step + " of " + assessmentId + " was already done (" + doneOn + ").";
    }
}
