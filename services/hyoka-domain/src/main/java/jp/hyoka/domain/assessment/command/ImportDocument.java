package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Take a published 評価書 over as a new assessment, in one step: its body as read against {@code form} (null for a
 * file that is a 変更箇所 annex only) and its 変更箇所 rows as the assessment's past. {@code affairName} names the
 * assessment when the body does not (an annex-only file). {@code contentHash} identifies the file. Sections that
 * copy a published version in {@code catalogue} are linked to it (see the import's boilerplate recognition).
 */
public record ImportDocument(AssessmentId assessmentId, MunicipalityCode tenant, FormRef form, String affairName,
                             ImportedDocument body, String sourceName, String contentHash,
                             List<PastChange> pastChanges, List<PublishedComponent> catalogue, String reason,
                             Actor by, Instant at)
        implements AssessmentCommand {
    public ImportDocument {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(contentHash, "contentHash");
        pastChanges = List.copyOf(pastChanges);
        catalogue = catalogue == null ? List.of() : List.copyOf(catalogue);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
