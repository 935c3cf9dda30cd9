package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ChangeExplanation;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.StartNextVersion;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.ExplanationRequired;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.VersionAlreadyPublished;
import jp.hyoka.domain.rejection.VersionNotPublished;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing a version and starting the next (DOMAIN.md §3.4, §3.6). A publication's 変更箇所 rows are the net
 * differences between the draft and the version published before it — edits made and undone in between never
 * appear — each with its 提出時期 (事前 by default for items marked 重要な変更, 事後 otherwise) and an explanation
 * the municipality must give. The cover's 公表日 is set by the publication itself and is not a change.
 */
final class PublicationDecisions {

    static final ItemId PUBLISHED_ON = new ItemId("cover.published-on");

    private PublicationDecisions() {
    }

    /** What publishing the draft now would list as changes; nothing for a first publication. */
    static List<ItemDifference> pending(FormDefinition form, Assessment state) {
        Lifecycle lifecycle = state.lifecycle();
        if (!lifecycle.everPublished()) {
            return List.of();
        }
        return DocumentDiff.between(form, lifecycle.publishedAnswers(), lifecycle.publishedEntries(), state.answers(),
                state.entries()).stream().filter(difference -> !difference.item().id().equals(PUBLISHED_ON)).toList();
    }

    static void requireDraft(Assessment state) {
        Lifecycle lifecycle = state.lifecycle();
        if (lifecycle.published()) {
            throw new CommandRejected(new VersionAlreadyPublished(state.id().toString(), lifecycle.version(),
                    lifecycle.publishedOn()));
        }
    }

    static List<AssessmentEvent> publish(FormDefinition form, Assessment state, PublishVersion command, String reason) {
        requireDraft(state);
        Lifecycle lifecycle = state.lifecycle();
        if (command.publishedOn() == null) {
            throw new CommandRejected(new InvalidInput("publishedOn", "公表日 is required"));
        }
        if (lifecycle.publishedOn() != null && command.publishedOn().isBefore(lifecycle.publishedOn())) {
            throw new CommandRejected(new InvalidInput("publishedOn", "公表日 " + command.publishedOn()
                    + " is before the previous publication's " + lifecycle.publishedOn()));
        }
        List<ItemDifference> changes = pending(form, state);
        Map<String, ChangeExplanation> given = explanations(command, changes);
        adoptionDefaults(state, changes, given);
        List<String> missing = changes.stream().map(PublicationDecisions::key)
                .filter(key -> !given.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            throw new CommandRejected(new ExplanationRequired(missing));
        }
        List<PublishedChange> published = new ArrayList<>();
        for (ItemDifference change : changes) {
            ChangeExplanation explanation = given.get(key(change));
            SubmissionTiming timing = explanation.timing() != null ? explanation.timing()
                    : change.item().importantChange() ? SubmissionTiming.BEFORE : SubmissionTiming.AFTER;
            published.add(new PublishedChange(change.item().id(), change.entries(), change.itemPath(), change.before(),
                    change.after(), change.beforeText(), change.afterText(), timing, explanation.explanation()));
        }
        List<AssessmentEvent> events = new ArrayList<>();
        Answer publishedOn = new DateAnswer(command.publishedOn());
        Optional<Answer> printed = state.answer(PUBLISHED_ON);
        if (form.item(PUBLISHED_ON).isPresent() && !printed.filter(publishedOn::equals).isPresent()) {
            events.add(new ItemAnswered(state.id(), state.tenant(), PUBLISHED_ON, List.of(), printed.orElse(null),
                    publishedOn, reason, command.by(), command.at()));
        }
        events.add(new VersionPublished(state.id(), state.tenant(), lifecycle.version(), command.publishedOn(),
                published, withheldItemIds(state), reason, command.by(), command.at()));
        return events;
    }

    /** The items marked 非公表 at publication, by id (a row of the annex names the item, not the entry). */
    private static List<String> withheldItemIds(Assessment state) {
        return state.withheldFromPublication().stream().map(key -> key.itemId().value()).distinct().sorted().toList();
    }

    static List<AssessmentEvent> startNext(Assessment state, StartNextVersion command, String reason) {
        Lifecycle lifecycle = state.lifecycle();
        if (!lifecycle.published()) {
            throw new CommandRejected(new VersionNotPublished(state.id().toString(), lifecycle.version()));
        }
        return List.of(new NextVersionStarted(state.id(), state.tenant(), lifecycle.version() + 1, reason,
                command.by(), command.at()));
    }

    /** "itemId" or "itemId@entry/entry": how a change is named in explanations and refusals. */
    static String key(ItemId itemId, List<String> entries) {
        return itemId.value() + (entries.isEmpty() ? "" : "@" + String.join("/", entries));
    }

    private static String key(ItemDifference change) {
        return key(change.item().id(), change.entries());
    }

    /**
     * A change made by adopting a shared component's new version is explained, unless the publisher says otherwise,
     * by what the version suggests (e.g. 事前 / 中間サーバー・プラットフォームの更改に伴う変更).
     */
    private static void adoptionDefaults(Assessment state, List<ItemDifference> changes,
                                         Map<String, ChangeExplanation> given) {
        for (ItemDifference change : changes) {
            String key = key(change);
            if (given.containsKey(key)) {
                continue;
            }
            state.components().adoptionDefault(new AnswerKey(change.item().id(), change.entries()))
                    .filter(suggested -> suggested.explanation() != null && !suggested.explanation().isBlank())
                    .ifPresent(suggested -> given.put(key, new ChangeExplanation(change.item().id(), change.entries(),
                            suggested.timing(), suggested.explanation())));
        }
    }

    /** The explanations by change, cleaned; one for a change this version does not have is a mistake, not a no-op. */
    private static Map<String, ChangeExplanation> explanations(PublishVersion command, List<ItemDifference> changes) {
        List<String> keys = changes.stream().map(PublicationDecisions::key).toList();
        Map<String, ChangeExplanation> given = new LinkedHashMap<>();
        for (ChangeExplanation explanation : command.explanations()) {
            if (explanation.itemId() == null) {
                throw new CommandRejected(new InvalidInput("explanations", "an explanation names no item id"));
            }
            String key = key(explanation.itemId(), explanation.entries());
            if (!keys.contains(key)) {
                throw new CommandRejected(new InvalidInput("explanations", "this version has no change of " + key));
            }
            String text = explanation.explanation() == null ? "" : PlainText.clean(explanation.explanation()).strip();
            if (text.codePointCount(0, text.length()) > AssessmentDecider.MAX_REASON_LENGTH) {
                throw new CommandRejected(new InvalidInput("explanations", "the explanation of " + key + " has more than "
                        + AssessmentDecider.MAX_REASON_LENGTH + " characters"));
            }
            if (!text.isEmpty()) {
                given.put(key, new ChangeExplanation(explanation.itemId(), explanation.entries(), explanation.timing(),
                        text));
            }
        }
        return given;
    }
}
