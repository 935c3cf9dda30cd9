package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.assessment.event.DocumentImported;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.importing.body.ImportedAnswer;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.importing.body.ImportedEntry;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.RepeatLimitReached;
import jp.hyoka.domain.rejection.UnknownItem;
import jp.hyoka.domain.rejection.UnknownRepeatEntry;
import jp.hyoka.domain.rejection.UnknownRepeatGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What taking a published document over means: the assessment starts on the document's form revision, gets the
 * document's repeat entries and answers as one {@link DocumentContentImported} (which every fold, read model, the
 * history and later diffs read as the ordinary per-answer events it stands for, {@link DocumentContentImported#edits()}),
 * the boilerplate recognised in them, then one {@link DocumentImported} with what could not be mapped, then the
 * document's 変更箇所 rows as its past. The import is re-checked here with the same rules as an edit: an importer bug can
 * refuse an import, never store an answer an edit could not.
 */
final class DocumentImportDecisions {

    private DocumentImportDecisions() {
    }

    static List<AssessmentEvent> decide(FormDefinition form, AnswerRules rules, ImportDocument command,
                                        String affairName, String reason) {
        List<AssessmentEvent> events = new ArrayList<>();
        events.add(new AssessmentStarted(command.assessmentId(), command.tenant(), form.ref(), affairName,
                command.by(), command.at()));
        ImportedDocument body = command.body();
        if (body != null) {
            List<DocumentContentImported.Entry> entries = new ArrayList<>(body.entries().size());
            List<DocumentContentImported.Answered> answers = new ArrayList<>(body.answers().size());
            Set<String> known = new HashSet<>();
            Map<EntryListKey, Integer> sizes = new HashMap<>();
            for (ImportedEntry entry : body.entries()) {
                entries.add(entryAdded(form, entry, known, sizes));
            }
            for (ImportedAnswer answer : body.answers()) {
                if (!answer.itemId().equals(Assessment.AFFAIR_NAME)) {
                    answers.add(answered(form, rules, answer, known));
                }
            }
            if (!entries.isEmpty() || !answers.isEmpty()) {
                DocumentContentImported content = new DocumentContentImported(command.assessmentId(),
                        command.tenant(), entries, answers, reason, command.by(), command.at());
                events.add(content);
                events.addAll(BoilerplateRecognition.recognise(command, form.ref(), content.itemsAnswered(), reason));
            }
        }
        events.add(new DocumentImported(command.assessmentId(), command.tenant(), command.sourceName(),
                command.contentHash(), body == null ? 0 : body.rowsRead(), body == null ? 0 : body.rowsMapped(),
                body == null ? List.of() : body.unmapped(), reason, command.by(), command.at()));
        if (!command.pastChanges().isEmpty()) {
            events.add(new PastChangesImported(command.assessmentId(), command.tenant(), command.sourceName(),
                    command.contentHash(), command.pastChanges(), reason, command.by(), command.at()));
        }
        return events;
    }

    private static DocumentContentImported.Entry entryAdded(FormDefinition form, ImportedEntry entry,
                                                            Set<String> known, Map<EntryListKey, Integer> sizes) {
        RepeatGroup group = form.group(entry.groupId())
                .orElseThrow(() -> new CommandRejected(new UnknownRepeatGroup(entry.groupId(), form.ref().toString())));
        List<String> chain = form.chain(entry.groupId());
        if (entry.parentEntries().size() != chain.size() - 1 || !known.containsAll(entry.parentEntries())
                || !known.add(entry.entryId())) {
            throw new CommandRejected(new UnknownRepeatEntry(entry.groupId(), List.of(entry.entryId())));
        }
        EntryListKey list = new EntryListKey(entry.groupId(), entry.parentEntries());
        int size = sizes.merge(list, 1, Integer::sum);
        if (size > group.max() || entry.position() != size - 1) {
            throw new CommandRejected(new RepeatLimitReached(entry.groupId(), group.max()));
        }
        return new DocumentContentImported.Entry(entry.groupId(), entry.parentEntries(), entry.entryId(),
                entry.position());
    }

    private static DocumentContentImported.Answered answered(FormDefinition form, AnswerRules rules,
                                                             ImportedAnswer answer, Set<String> known) {
        Item item = form.item(answer.itemId()).orElseThrow(() -> new CommandRejected(
                new UnknownItem(answer.itemId().value(), form.ref().toString())));
        if (answer.entries().size() != form.chain(item.repeatGroup()).size() || !known.containsAll(answer.entries())) {
            throw new CommandRejected(new InvalidInput("entries", "answer of " + item.id().value()
                    + " addresses entries the import does not create"));
        }
        Answer accepted = rules.accept(item, answer.answer());
        return new DocumentContentImported.Answered(item.id(), answer.entries(), accepted);
    }
}
