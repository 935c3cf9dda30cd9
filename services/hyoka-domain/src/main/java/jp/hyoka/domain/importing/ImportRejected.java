package jp.hyoka.domain.importing;

import java.util.Objects;

/** Thrown when a file cannot be imported at all; nothing of it is stored. */
public final class ImportRejected extends RuntimeException {

    private final transient ImportProblem problem;

    public ImportRejected(ImportProblem problem) {
        super(Objects.requireNonNull(problem, "problem").message(), null, false, false);
        this.problem = problem;
    }

    public ImportProblem problem() {
        return problem;
    }
}
