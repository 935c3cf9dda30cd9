package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The repeat entries and accepted answers of a published 評価書 taken over, as one fact: what an import before
 * 2026-12 stored as one {@link RepeatEntryAdded} per entry then one {@link ItemAnswered} per answer, in the same place
 * of the stream (after {@link AssessmentStarted}, before the import's {@link ComponentInserted}s and its
 * {@link DocumentImported}). Why one event: an imported document is ~260 of them, and each stored event costs a
 * serialisation, a row in the event table, a hash-chain link and every projection's per-event work (BENCHMARKS.md
 * row 4). The envelope (assessment, tenant, reason, who, when) is stored once here instead of once per answer.
 * <p>
 * {@link #edits()} is the one definition of what it means: every fold, check and projection reads it as those
 * per-answer events, so a document imported this way is read exactly as one imported the old way (only the
 * revision numbers differ: all of them are this event's revision).
 */
public record DocumentContentImported(AssessmentId assessmentId, MunicipalityCode tenant, List<Entry> entries,
                                      List<Answered> answers, String reason, Actor by,
                                      Instant at) implements AssessmentEvent {

    public DocumentContentImported {
        entries = entries == null ? List.of() : List.copyOf(entries);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** A repeat entry of the document: what {@link RepeatEntryAdded} holds besides the envelope. */
    public record Entry(String groupId, List<String> parentEntries, String entryId, int position) {
        public Entry {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(entryId, "entryId");
            parentEntries = parentEntries == null ? List.of() : List.copyOf(parentEntries);
        }
    }

    /**
     * An accepted answer: what {@link ItemAnswered} holds besides the envelope. No previous answer: an import starts
     * the assessment, and its per-answer events never carried one.
     */
    public record Answered(ItemId itemId, List<String> entries, Answer answer) {
        public Answered {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(answer, "answer");
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /** The entries as the events an old-style import stored, in order, with this event's envelope. */
    public List<RepeatEntryAdded> entriesAdded() {
        List<RepeatEntryAdded> added = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            added.add(new RepeatEntryAdded(assessmentId, tenant, entry.groupId(), entry.parentEntries(),
                    entry.entryId(), entry.position(), reason, by, at));
        }
        return added;
    }

    /** The answers as the events an old-style import stored, in order, with this event's envelope. */
    public List<ItemAnswered> itemsAnswered() {
        List<ItemAnswered> answered = new ArrayList<>(answers.size());
        for (Answered answer : answers) {
            answered.add(new ItemAnswered(assessmentId, tenant, answer.itemId(), answer.entries(), null,
                    answer.answer(), reason, by, at));
        }
        return answered;
    }

    /** Every entry then every answer, exactly the per-answer events this one stands for, in their order. */
    public List<AssessmentEvent> edits() {
        List<AssessmentEvent> edits = new ArrayList<>(entries.size() + answers.size());
        edits.addAll(entriesAdded());
        edits.addAll(itemsAnswered());
        return edits;
    }
}
