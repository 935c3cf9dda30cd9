package jp.hyoka.domain.rejection;

/** The form revision an assessment refers to is not known to this installation. */
public record UnknownForm(String form) implements Rejection {
    @Override
    public String code() {
        return "UNKNOWN_FORM";
    }

    @Override
    public String message() {
        return "Form " + form + " is not available.";
    }
}
