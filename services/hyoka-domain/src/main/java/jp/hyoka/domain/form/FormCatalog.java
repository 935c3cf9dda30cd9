package jp.hyoka.domain.form;

import java.util.Optional;

/** Port: the form revisions Hyoka knows. The server loads them from schema/forms. */
public interface FormCatalog {

    Optional<FormDefinition> find(FormRef ref);

    /** The revision a new assessment of this kind starts on. */
    FormDefinition current(FormKind kind);
}
