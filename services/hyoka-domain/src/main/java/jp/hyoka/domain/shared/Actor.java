package jp.hyoka.domain.shared;

import java.util.Objects;

/**
 * Who did something: the identity provider's stable subject id and the display name at that moment. The name is
 * a snapshot on purpose: an auditor must see who the person was when they acted, even after a rename.
 */
public record Actor(String userId, String displayName) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
    }
}
