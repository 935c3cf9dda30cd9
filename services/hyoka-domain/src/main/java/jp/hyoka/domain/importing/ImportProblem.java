package jp.hyoka.domain.importing;

import java.util.List;
import java.util.Objects;

/**
 * Something wrong with an uploaded file, with a stable code and, where it applies, the 1-based line it concerns
 * (0 for the file as a whole), and the candidates it saw where the file is ambiguous.
 */
public record ImportProblem(String code, int line, String message, List<Candidate> candidates) {

    public static final String EMPTY_FILE = "EMPTY_FILE";
    public static final String BINARY_FILE = "BINARY_FILE";
    public static final String UNSUPPORTED_ENCODING = "UNSUPPORTED_ENCODING";
    public static final String TRUNCATED = "TRUNCATED";

    public ImportProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A problem without candidates: everything but an ambiguous 項目 path. */
    public ImportProblem(String code, int line, String message) {
        this(code, line, message, List.of());
    }

    /**
     * A place the file may mean where it is ambiguous (a 項目 path that fits several items), with the evidence for it.
     *
     * @param id    the item (or block/section) id
     * @param score higher is better; comparable within one problem only
     * @param why   the evidence, for people
     */
    public record Candidate(String id, double score, String why) {
        public Candidate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(why, "why");
        }
    }
}
