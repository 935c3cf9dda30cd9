package jp.hyoka.domain.components.command;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/** Something a platform operator asks of a shared component. The actor and the time come in with the command. */
public sealed interface SharedComponentCommand permits RegisterSharedComponent, ChangeComponentFits,
        DraftComponentVersion, SubmitComponentVersion, PublishComponentVersion, WithdrawComponentVersion {

    ComponentId componentId();

    Actor by();

    Instant at();
}
