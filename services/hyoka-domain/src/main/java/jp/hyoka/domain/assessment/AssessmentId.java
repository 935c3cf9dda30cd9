package jp.hyoka.domain.assessment;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identity of one 評価書. Ids are minted by the caller (the server uses time-ordered UUIDv7), never by the domain. */
public record AssessmentId(UUID value) {
    public AssessmentId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a client-supplied id; anything malformed is simply not an id of any assessment. */
    public static Optional<AssessmentId> parse(String candidate) {
        try {
            return Optional.of(new AssessmentId(UUID.fromString(candidate)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
