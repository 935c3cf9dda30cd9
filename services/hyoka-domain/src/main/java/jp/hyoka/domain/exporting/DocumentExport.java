package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.FormDefinition;

import java.util.List;
import java.util.Objects;

/**
 * What an export prints: the form revision the document is written on, the document as of the moment it is exported,
 * and the rows of its 変更箇所 annex in the order they are to be printed.
 *
 * <p>The form must be the revision the document pins: printed against another revision, answers would appear under
 * the wrong labels or not at all.
 */
public record DocumentExport(FormDefinition form, Assessment document, List<PastChange> pastChanges) {

    public DocumentExport {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(document, "document");
        if (!form.ref().equals(document.form())) {
            throw new IllegalArgumentException("the document is written on " + document.form()
                    + ", not on " + form.ref());
        }
        pastChanges = pastChanges == null ? List.of() : List.copyOf(pastChanges);
    }
}
