package jp.hyoka.domain.form;

import java.util.Objects;

/**
 * One revision of one official 様式. An assessment pins the revision it started on, so that a later revision of
 * the form never silently changes what an already written document means.
 */
public record FormRef(FormKind kind, String version) {
    public FormRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return kind + "@" + version;
    }
}
