package jp.hyoka.domain.components;

import jp.hyoka.domain.form.ItemId;

import java.util.Objects;

/**
 * The stable id of a shared component, chosen by the platform operator when registering it, in the scheme of
 * {@link ItemId} (dot-separated lower-case kebab-case), e.g. {@code intermediate-server-platform.storage-location}.
 * Readable in events, seeds and logs; never reused for another component.
 */
public record ComponentId(String value) {
    public ComponentId {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a well-formed component id: " + value);
        }
    }

    public static boolean isWellFormed(String candidate) {
        return ItemId.isWellFormed(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
