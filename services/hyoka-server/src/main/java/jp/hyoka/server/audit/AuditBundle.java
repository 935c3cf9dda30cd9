package jp.hyoka.server.audit;

import java.time.Instant;

/**
 * A tenant's events and hash chain as one JSON-lines file that {@code infra/scripts/VerifyBundle.java} checks
 * without the server. {@code events} and {@code headHash} repeat the header line, for the caller to note.
 */
public record AuditBundle(String fileName, String mediaType, Instant exportedAt, long events, String headHash,
                          String content) {
}
