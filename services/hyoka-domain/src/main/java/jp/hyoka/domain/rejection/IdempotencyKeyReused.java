package jp.hyoka.domain.rejection;

/**
 * A request repeated an idempotency key that had recorded something else: the same key with other content is not a
 * retry but a second request under a used key. Nothing was recorded; {@code recordedId} names what the key recorded.
 */
public record IdempotencyKeyReused(String recordedId) implements Rejection {
    @Override
    public String code() {
        return "IDEMPOTENCY_KEY_REUSED";
    }

    @Override
    public String message() {
        return "This idempotency key recorded " + recordedId + " with other content; a new record needs a new key.";
    }
}
