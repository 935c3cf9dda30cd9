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

    /**
     * The revision the new assessment is at after the import: one event each for the start, the body's entries and
     * answers together (when it has any besides the 事務の名称, which the start carries), the import itself, and the
     * past when there is one. (Boilerplate recognised in the body adds its ComponentInserted events, not counted
     * here, as before.)
     */
    public long resultingRevision() {
        boolean content = body != null && (!body.entries().isEmpty() || body.answers().stream()
                .anyMatch(answer -> !answer.itemId().value().equals("affair.name")));
        return 2 + (content ? 1 : 0) + (pastChanges.isEmpty() ? 0 : 1);
    }
}
