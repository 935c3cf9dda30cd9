package jp.hyoka.domain.importing.annex;

import java.util.Objects;

/**
 * Something in the annex that was read with doubt, or not read at all. Import never fails on these; they are shown
 * to the author with the line of the source so it can be checked against the published document.
 *
 * @param lineNumber 1-based line of the source; 0 when the warning concerns the whole input
 */
public record ParseWarning(int lineNumber, WarningCode code, String message) {

    public ParseWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
