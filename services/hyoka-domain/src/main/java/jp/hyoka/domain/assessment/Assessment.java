package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentProposalDeferred;
import jp.hyoka.domain.assessment.event.ComponentTextAdapted;
import jp.hyoka.domain.assessment.event.ComponentUseModeChanged;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.assessment.event.DocumentImported;
import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.ItemPublicationRestored;
import jp.hyoka.domain.assessment.event.ItemWithheldFromPublication;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.assessment.event.PublicCommentClosed;
import jp.hyoka.domain.assessment.event.PublicCommentOpened;
import jp.hyoka.domain.assessment.event.SubmittedToCommission;
import jp.hyoka.domain.assessment.event.AffairEnded;
import jp.hyoka.domain.assessment.event.ThirdPartyReviewRecorded;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.procedure.ProcedureProgress;
import jp.hyoka.domain.procedure.ProcedureStep;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one 評価書 as far as decisions need it, rebuilt by folding its events: the form revision, the answers
 * by item and repeat entry, the entries of each repeating group in order, and the files whose past was imported. The revision counts events: a freshly
 * started assessment is at revision 1, and each further event adds one. {@code withheldFromPublication} holds the
 * items marked 非公表 (規則第13条), by item and entry; a published version keeps the marks it was published with.
 * {@code procedure} holds the 評価実施手続 steps done in the version being drafted.
 */
public record Assessment(AssessmentId id, MunicipalityCode tenant, FormRef form, Map<AnswerKey, Answer> answers,
                         Map<EntryListKey, List<String>> entries, Set<String> importedSources, long revision,
                         Lifecycle lifecycle, ComponentUses components, Set<AnswerKey> withheldFromPublication,
                         ProcedureProgress procedure) {

    public static final ItemId AFFAIR_NAME = new ItemId("affair.name");

    public Assessment {
        answers = Map.copyOf(answers);
        entries = Map.copyOf(entries);
        importedSources = Set.copyOf(importedSources);
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(components, "components");
        withheldFromPublication = Set.copyOf(withheldFromPublication);
        Objects.requireNonNull(procedure, "procedure");
    }

    public Assessment(AssessmentId id, MunicipalityCode tenant, FormRef form, Map<AnswerKey, Answer> answers,
                      Map<EntryListKey, List<String>> entries, Set<String> importedSources, long revision,
                      Lifecycle lifecycle, ComponentUses components, Set<AnswerKey> withheldFromPublication) {
        this(id, tenant, form, answers, entries, importedSources, revision, lifecycle, components,
                withheldFromPublication, ProcedureProgress.NONE);
    }

    public Assessment(AssessmentId id, MunicipalityCode tenant, FormRef form, Map<AnswerKey, Answer> answers,
                      Map<EntryListKey, List<String>> entries, Set<String> importedSources, long revision,
                      Lifecycle lifecycle, ComponentUses components) {
        this(id, tenant, form, answers, entries, importedSources, revision, lifecycle, components, Set.of());
    }

    public Assessment(AssessmentId id, MunicipalityCode tenant, FormRef form, Map<AnswerKey, Answer> answers,
                      Map<EntryListKey, List<String>> entries, Set<String> importedSources, long revision,
                      Lifecycle lifecycle) {
        this(id, tenant, form, answers, entries, importedSources, revision, lifecycle, ComponentUses.NONE);
    }

    /** A draft of a first version. */
    public Assessment(AssessmentId id, MunicipalityCode tenant, FormRef form, Map<AnswerKey, Answer> answers,
                      Map<EntryListKey, List<String>> entries, Set<String> importedSources, long revision) {
        this(id, tenant, form, answers, entries, importedSources, revision, Lifecycle.firstDraft());
    }

    public Assessment(AssessmentId id, MunicipalityCode tenant, FormRef form, Map<AnswerKey, Answer> answers,
                      Map<EntryListKey, List<String>> entries, long revision) {
        this(id, tenant, form, answers, entries, Set.of(), revision);
    }

    /** The state after the first event of a stream. */
    public static Assessment begin(AssessmentStarted started) {
        return new Assessment(started.assessmentId(), started.tenant(), started.form(),
                Map.of(AnswerKey.of(AFFAIR_NAME), new TextAnswer(started.affairName())), Map.of(), 1);
    }

    public Assessment evolve(AssessmentEvent event) {
        return evolveAll(List.of(event));
    }

    /**
     * The state after these events, in order: the same as evolving by one event at a time, but the answers and
     * entries are copied once for all of them. Why: an imported document is hundreds of events in one command (and
     * a stream of as many to load), and copying every answer for each event made folding them quadratic; measured
     * by the bulk-import benchmark (BENCHMARKS.md row 4).
     */
    public Assessment evolveAll(List<? extends AssessmentEvent> events) {
        Map<AnswerKey, Answer> nextAnswers = new HashMap<>(answers);
        Map<EntryListKey, List<String>> nextEntries = new HashMap<>(entries);
        FormRef nextForm = form;
        Set<String> nextSources = new HashSet<>(importedSources);
        Lifecycle nextLifecycle = lifecycle;
        ComponentUses nextComponents = components;
        Set<AnswerKey> nextWithheld = new HashSet<>(withheldFromPublication);
        ProcedureProgress nextProcedure = procedure;
        for (AssessmentEvent event : events) {
            if (event instanceof PastChangesImported imported) {
                nextSources.add(imported.contentHash());
            } else if (event instanceof DocumentImported imported) {
                nextSources.add(imported.contentHash());
                if (imported.rowsRead() > 0) {              // a published 評価書 taken over is its published version
                    nextLifecycle = nextLifecycle.publish(publishedOn(nextAnswers), nextAnswers, nextEntries);
                }
            } else if (event instanceof VersionPublished published) {
                nextLifecycle = nextLifecycle.publish(published.publishedOn(), nextAnswers, nextEntries);
            } else if (event instanceof NextVersionStarted) {
                nextLifecycle = nextLifecycle.nextDraft();
                nextProcedure = ProcedureProgress.NONE;     // a re-assessment goes through the procedure again
            } else if (event instanceof PublicCommentOpened opened) {
                nextProcedure = nextProcedure.done(ProcedureStep.PUBLIC_COMMENT_OPENED, opened.from())
                        .commentEnding(opened.to());
            } else if (event instanceof PublicCommentClosed closed) {
                nextProcedure = nextProcedure.done(ProcedureStep.PUBLIC_COMMENT_CLOSED, closed.closedOn());
            } else if (event instanceof ThirdPartyReviewRecorded reviewed) {
                nextProcedure = nextProcedure.done(ProcedureStep.THIRD_PARTY_REVIEW, reviewed.performedOn());
            } else if (event instanceof SubmittedToCommission submitted) {
                nextProcedure = nextProcedure.done(ProcedureStep.SUBMITTED_TO_COMMISSION, submitted.submittedOn());
            } else if (event instanceof AffairEnded ended) {
                nextLifecycle = nextLifecycle.affairEnded(ended.endedOn());
            } else if (event instanceof PersonalDataRedacted redacted) {
                // withheld in the document and in what was published, so no later diff or annex brings it back
                Redaction redaction = new Redaction(redacted.text());
                nextAnswers = redaction.apply(nextAnswers);
                nextLifecycle = nextLifecycle.redacted(redaction);
                nextComponents = nextComponents.redacted(redaction);
            } else if (event instanceof ItemWithheldFromPublication withheld) {
                nextWithheld.add(new AnswerKey(withheld.itemId(), withheld.entries()));
            } else if (event instanceof ItemPublicationRestored restored) {
                nextWithheld.remove(new AnswerKey(restored.itemId(), restored.entries()));
            } else if (event instanceof DocumentContentImported content) {
                // one import's entries and answers, folded as the per-answer events they stand for
                for (RepeatEntryAdded added : content.entriesAdded()) {
                    addEntry(added, nextEntries);
                }
                for (ItemAnswered answered : content.itemsAnswered()) {
                    nextAnswers.put(new AnswerKey(answered.itemId(), answered.entries()), answered.answer());
                }
            } else if (event instanceof ItemAnswered answered) {
                nextAnswers.put(new AnswerKey(answered.itemId(), answered.entries()), answered.answer());
            } else if (event instanceof ItemAnswerCleared cleared) {
                nextAnswers.remove(new AnswerKey(cleared.itemId(), cleared.entries()));
            } else if (event instanceof RepeatEntryAdded added) {
                addEntry(added, nextEntries);
            } else if (event instanceof RepeatEntryMoved moved) {
                EntryListKey key = new EntryListKey(moved.groupId(), moved.parentEntries());
                List<String> list = new ArrayList<>(nextEntries.getOrDefault(key, List.of()));
                list.remove(moved.entryId());
                list.add(moved.toPosition(), moved.entryId());
                nextEntries.put(key, List.copyOf(list));
            } else if (event instanceof RepeatEntryRemoved removed) {
                EntryListKey key = new EntryListKey(removed.groupId(), removed.parentEntries());
                List<String> list = new ArrayList<>(nextEntries.getOrDefault(key, List.of()));
                list.remove(removed.entryId());
                nextEntries.put(key, List.copyOf(list));
                List<String> path = new ArrayList<>(removed.parentEntries());
                path.add(removed.entryId());
                nextAnswers.keySet().removeIf(answerKey -> answerKey.isInside(path));
                nextWithheld.removeIf(answerKey -> answerKey.isInside(path));
                nextEntries.keySet().removeIf(entryKey -> entryKey.parentEntries().size() >= path.size()
                        && entryKey.parentEntries().subList(0, path.size()).equals(path));
                nextComponents = nextComponents.without(path);
            } else if (event instanceof FormRevisionMigrated migrated) {
                nextForm = migrated.to();
                for (FormChange change : migrated.changes()) {
                    applyMigration(change, nextAnswers, nextEntries);
                }
            } else if (event instanceof ComponentInserted || event instanceof ComponentTextAdapted
                    || event instanceof ComponentUseModeChanged || event instanceof ComponentVersionAdopted
                    || event instanceof ComponentProposalDeclined || event instanceof ComponentProposalDeferred) {
                nextComponents = nextComponents.evolve(event);
            } else {
                throw new IllegalStateException("an assessment cannot be started twice: " + event);
            }
            if (event instanceof VersionPublished) {
                nextComponents = nextComponents.evolve(event);
            }
        }
        return new Assessment(id, tenant, nextForm, nextAnswers, nextEntries, nextSources, revision + events.size(),
                nextLifecycle, nextComponents, nextWithheld, nextProcedure);
    }

    private static void addEntry(RepeatEntryAdded added, Map<EntryListKey, List<String>> entries) {
        EntryListKey key = new EntryListKey(added.groupId(), added.parentEntries());
        List<String> list = new ArrayList<>(entries.getOrDefault(key, List.of()));
        list.add(added.position(), added.entryId());
        entries.put(key, List.copyOf(list));
    }

    private static void applyMigration(FormChange change, Map<AnswerKey, Answer> answers,
                                       Map<EntryListKey, List<String>> entries) {
        switch (change.kind()) {
            case FormChange.ANSWER_MAPPED ->
                    answers.put(new AnswerKey(new ItemId(change.itemId()), change.entries()), change.after());
            case FormChange.ANSWER_DROPPED -> answers.remove(new AnswerKey(new ItemId(change.itemId()), change.entries()));
            case FormChange.ENTRIES_DROPPED -> entries.keySet().removeIf(key -> key.groupId().equals(change.itemId()));
            default -> {
                // ITEM_ADDED, ITEM_REMOVED, ITEM_RELABELLED describe the forms, not the document
            }
        }
    }

    /** The document with a person's data withheld, also from what was published (see {@link Redaction}). */
    public Assessment withheld(Redaction redaction) {
        return new Assessment(id, tenant, form, redaction.apply(answers), entries, importedSources, revision,
                lifecycle.redacted(redaction), components.redacted(redaction), withheldFromPublication, procedure);
    }

    /** True if the item (in this entry) is marked 非公表. */
    public boolean isWithheldFromPublication(AnswerKey key) {
        return withheldFromPublication.contains(key);
    }

    /** The cover's 公表日, if the document prints one. */
    private static LocalDate publishedOn(Map<AnswerKey, Answer> answers) {
        Answer printed = answers.get(AnswerKey.of(PublicationDecisions.PUBLISHED_ON));
        return printed instanceof DateAnswer date ? date.date() : null;
    }

    public Optional<Answer> answer(AnswerKey key) {
        return Optional.ofNullable(answers.get(key));
    }

    public Optional<Answer> answer(ItemId itemId) {
        return answer(AnswerKey.of(itemId));
    }

    /** The entries of a group under a parent path, in order; empty if none were added. */
    public List<String> entries(String groupId, List<String> parentEntries) {
        return entries.getOrDefault(new EntryListKey(groupId, parentEntries), List.of());
    }
}
