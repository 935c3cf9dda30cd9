package jp.hyoka.server.security;

import jp.hyoka.domain.shared.Actor;

/**
 * Someone who runs the Hyoka installation itself (registers municipalities) and acts for no municipality. It is
 * a type of its own, not a {@link Caller} without a tenant, so that no code path serving a municipality's
 * documents can be handed one: those take a {@code Caller}, which always has a tenant.
 */
public record PlatformOperator(Actor actor) {

    /** The realm role that makes a token a platform operator's. */
    public static final String ROLE = "platform-operator";
}
