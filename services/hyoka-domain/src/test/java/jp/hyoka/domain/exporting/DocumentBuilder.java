package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.AnswerKey;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.EntryListKey;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A document state written directly, without events: exports read state only, and tests read better when they say
 * which entries exist and what is answered where.
 */
final class DocumentBuilder {

    static final AssessmentId ID = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-0000000000e1"));
    static final MunicipalityCode YOKOHAMA = new MunicipalityCode("141003");

    private final FormDefinition form;
    private final Map<AnswerKey, Answer> answers = new HashMap<>();
    private final Map<EntryListKey, List<String>> entries = new HashMap<>();
    private java.time.LocalDate affairEndedOn;

    private DocumentBuilder(FormDefinition form) {
        this.form = form;
    }

    static DocumentBuilder on(FormDefinition form) {
        return new DocumentBuilder(form);
    }

    /** The entries of a group under a parent entry path (none for top-level groups), in order. */
    DocumentBuilder entries(String groupId, List<String> parentEntries, String... entryIds) {
        entries.put(new EntryListKey(groupId, parentEntries), List.of(entryIds));
        return this;
    }

    /** An answer to an item, in the given entries (outermost first). */
    DocumentBuilder answer(String itemId, Answer answer, String... entryPath) {
        answers.put(new AnswerKey(new ItemId(itemId), List.of(entryPath)), answer);
        return this;
    }

    /** The 事務 ended on that day. */
    DocumentBuilder affairEnded(java.time.LocalDate on) {
        affairEndedOn = on;
        return this;
    }

    Assessment document() {
        Assessment document = new Assessment(ID, YOKOHAMA, form.ref(), answers, entries, 1);
        if (affairEndedOn == null) {
            return document;
        }
        return document.evolve(new jp.hyoka.domain.assessment.event.AffairEnded(ID, YOKOHAMA, affairEndedOn, null,
                new jp.hyoka.domain.shared.Actor("u-1", "横浜 一郎"), java.time.Instant.parse("2026-04-01T00:00:00Z")));
    }

    DocumentExport export(List<PastChange> pastChanges) {
        return new DocumentExport(form, document(), pastChanges);
    }

    DocumentExport export() {
        return export(List.of());
    }
}
