package jp.hyoka.domain.rejection;

import java.util.Objects;

/** Thrown by a decision that refuses a command; carries the typed {@link Rejection}. */
public final class CommandRejected extends RuntimeException {

    private final transient Rejection rejection;

    public CommandRejected(Rejection rejection) {
        super(Objects.requireNonNull(rejection, "rejection").message(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
