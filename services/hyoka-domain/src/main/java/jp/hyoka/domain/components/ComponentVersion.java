package jp.hyoka.domain.components;

import java.util.Objects;

/** One numbered version of a shared component: its content and where it is in its cycle. Versions count from 1. */
public record ComponentVersion(int number, VersionContent content, ComponentVersionStatus status) {
    public ComponentVersion {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
    }

    ComponentVersion withStatus(ComponentVersionStatus next) {
        return new ComponentVersion(number, content, next);
    }

    /** Not yet published: a draft, or a draft in review. */
    public boolean isOpen() {
        return status != ComponentVersionStatus.PUBLISHED;
    }
}
