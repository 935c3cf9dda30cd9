package jp.hyoka.domain.review.command;

import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** Answer in a thread (rich text); a resolved thread takes replies too, without reopening. */
public record Reply(ThreadId threadId, MunicipalityCode tenant, String text, Actor by, Instant at)
        implements ReviewThreadCommand {
}
