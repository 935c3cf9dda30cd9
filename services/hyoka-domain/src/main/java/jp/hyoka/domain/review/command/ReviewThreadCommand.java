package jp.hyoka.domain.review.command;

import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** A command on one review thread, sent for the caller's municipality ({@code tenant}). */
public sealed interface ReviewThreadCommand permits StartThread, Reply, ResolveThread, ReopenThread {
    ThreadId threadId();

    MunicipalityCode tenant();

    Actor by();

    Instant at();
}
