package jp.hyoka.domain.audit;

import java.util.Optional;
import java.util.OptionalLong;

/** The first place a chain does not verify; what each field holds depends on the {@link ChainBreak}. */
public record BrokenLink(OptionalLong position, Optional<String> eventId, ChainBreak reason,
                         Optional<String> expectedHash, Optional<String> storedHash) {
}
