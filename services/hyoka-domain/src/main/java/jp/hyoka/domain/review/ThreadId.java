package jp.hyoka.domain.review;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identity of one review thread; minted by the caller (the server), never by the domain. */
public record ThreadId(UUID value) {
    public ThreadId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a client-supplied id; anything malformed is simply not an id of any thread. */
    public static Optional<ThreadId> parse(String candidate) {
        try {
            return Optional.of(new ThreadId(UUID.fromString(candidate)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
