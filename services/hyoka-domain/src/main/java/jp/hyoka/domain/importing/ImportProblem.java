package jp.hyoka.domain.importing;

import java.util.Objects;

/**
 * Something wrong with an uploaded file, with a stable code and, where it applies, the 1-based line it concerns
 * (0 for the file as a whole).
 */
public record ImportProblem(String code, int line, String message) {

    public static final String EMPTY_FILE = "EMPTY_FILE";
    public static final String BINARY_FILE = "BINARY_FILE";
    public static final String UNSUPPORTED_ENCODING = "UNSUPPORTED_ENCODING";
    public static final String TRUNCATED = "TRUNCATED";

    public ImportProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
