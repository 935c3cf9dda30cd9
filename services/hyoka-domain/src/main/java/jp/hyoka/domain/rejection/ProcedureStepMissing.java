package jp.hyoka.domain.rejection;

/**
 * A step of the 評価実施手続 must be done first: publishing a 全項目 draft before its 第三者点検, or closing a comment
 * period never opened. {@code step} is the first missing one (a jp.hyoka.domain.procedure.ProcedureStep name).
 */
public record ProcedureStepMissing(String assessmentId, String step) implements Rejection {
    @Override
    public String code() {
        return "PROCEDURE_STEP_MISSING";
    }

    @Override
    public String message() {
        return "The procedure step " + step + " of " + assessmentId + " must be done first.";
    }
}
