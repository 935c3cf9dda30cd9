package jp.hyoka.domain.rejection;

/** A command field that is missing, malformed or too long, outside any form item (e.g. the reason). */
public record InvalidInput(String field, String problem) implements Rejection {
    @Override
    public String code() {
        return "INVALID_INPUT";
    }

    @Override
    public String message() {
        return field + ": " + problem;
    }
}
