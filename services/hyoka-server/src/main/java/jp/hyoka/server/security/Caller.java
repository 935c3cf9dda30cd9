package jp.hyoka.server.security;

import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as established from a verified token: the municipality (tenant) they act for, their identity,
 * and their roles. Everything a request may see or change follows from this, never from request data. There is
 * always a municipality; someone acting for none is a {@link PlatformOperator}, never a Caller.
 */
public record Caller(MunicipalityCode tenant, Actor actor, Set<String> roles) {

    public static final String EDITOR = "editor";

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
