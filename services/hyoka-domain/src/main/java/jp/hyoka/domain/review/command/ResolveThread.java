package jp.hyoka.domain.review.command;

import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** Mark an open thread settled. */
public record ResolveThread(ThreadId threadId, MunicipalityCode tenant, Actor by, Instant at)
        implements ReviewThreadCommand {
}
