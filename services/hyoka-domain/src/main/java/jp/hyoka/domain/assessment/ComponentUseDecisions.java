package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AdaptComponentText;
import jp.hyoka.domain.assessment.command.AdoptComponentVersion;
import jp.hyoka.domain.assessment.command.ChangeComponentMode;
import jp.hyoka.domain.assessment.command.DeclineComponentProposal;
import jp.hyoka.domain.assessment.command.DeferComponentProposal;
import jp.hyoka.domain.assessment.command.InsertComponent;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentProposalDeferred;
import jp.hyoka.domain.assessment.event.ComponentTextAdapted;
import jp.hyoka.domain.assessment.event.ComponentUseModeChanged;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.Slot;
import jp.hyoka.domain.components.text.MergeResult;
import jp.hyoka.domain.components.text.TextDifference;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.ComponentDoesNotFit;
import jp.hyoka.domain.rejection.ComponentTextProtected;
import jp.hyoka.domain.rejection.ComponentUseModeConflict;
import jp.hyoka.domain.rejection.ComponentUseNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.MergeConflictsUnresolved;
import jp.hyoka.domain.rejection.ProposalNotApplicable;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a document does with shared components (issue 16): insert one into an item (locked, adapted, detached), adapt
 * its text, change its mode, adopt a new version (the proposal raised when the component published it), decline or
 * defer it. Every change of text is also an {@link ItemAnswered} of the item, so history, as-of reads, diffs and the
 * 変更箇所 of the next publication see it like any edit.
 *
 * <p>The rule that keeps uses honest: the item's answer contains the section of every use that is followed (locked
 * or adapted). A direct edit that would change such a section is refused ({@link #requireSectionsKept}); the
 * section changes through these decisions, or the use is detached first.
 */
final class ComponentUseDecisions {

    private ComponentUseDecisions() {
    }

    static List<AssessmentEvent> insert(Assessment state, FormDefinition form, Item item, AnswerRules rules,
                                        InsertComponent command, String reason) {
        PublishedComponent component = command.component();
        if (!component.fits(form.ref(), item.id())) {
            throw new CommandRejected(new ComponentDoesNotFit(form.ref().toString(), item.id().value(),
                    "component '" + component.id() + "' is not made for this item"));
        }
        if (state.components().use(command.useId()).isPresent()) {
            throw new CommandRejected(new InvalidInput("useId", "'" + command.useId() + "' is already a use of this document"));
        }
        RenderingOptions rendering = command.rendering() != null ? command.rendering() : component.version().content().rendering();
        String base = ComponentText.renderKeepingSlots(component.version(), command.slotValues(), rendering);
        String text = switch (command.mode()) {
            case LOCKED -> ComponentText.render(component.version(), command.slotValues(), rendering);
            case ADAPTED -> command.adaptedText() != null ? command.adaptedText() : base;
            case DETACHED -> base;
        };
        String section = section(item, rules, text);
        requireSlotsFilled(component, section);
        AnswerKey key = new AnswerKey(item.id(), command.entries());
        Optional<Answer> previous = state.answer(key);
        String current = previous.map(ComponentUseDecisions::html).orElse("");
        String next = command.replaceAnswer() || current.isEmpty() ? section : current + "\n" + section;
        Answer answer = rules.accept(item, new RichTextAnswer(next));
        requireContains(answer, section, "the item's answer would not hold the component's text as inserted");
        requireSectionsKept(state, key, answer);
        TextDifference localChange = command.mode() == ComponentUseMode.ADAPTED
                ? TextDifference.between(base, section) : null;
        List<AssessmentEvent> events = new ArrayList<>();
        events.add(new ComponentInserted(state.id(), state.tenant(), command.useId(), item.id(), command.entries(),
                component.id(), component.number(), command.mode(), command.slotValues(), rendering, localChange,
                section, null, reason, command.by(), command.at()));
        answered(state, key, previous, answer, reason, command.by(), command.at(), events);
        return events;
    }

    static List<AssessmentEvent> adapt(Assessment state, Item item, AnswerRules rules, AdaptComponentText command,
                                       String reason) {
        ComponentUse use = followedUse(state, command.useId(), command.followed());
        String section = section(item, rules, command.text());
        requireSlotsFilled(command.followed(), section);
        if (use.mode() == ComponentUseMode.ADAPTED && section.equals(use.text())) {
            return List.of();
        }
        TextDifference localChange = TextDifference.between(use.baseText(command.followed().version()), section);
        List<AssessmentEvent> events = new ArrayList<>();
        events.add(new ComponentTextAdapted(state.id(), state.tenant(), use.useId(), use.itemId(), use.entries(),
                use.componentId(), use.version(), use.mode(), localChange, section, reason, command.by(), command.at()));
        replaceSection(state, item, rules, use, section, reason, command.by(), command.at(), events);
        return events;
    }

    static List<AssessmentEvent> changeMode(Assessment state, Item item, AnswerRules rules,
                                            ChangeComponentMode command, String reason) {
        ComponentUse use = followedUse(state, command.useId(), command.followed());
        Map<String, String> slots = command.slotValues() != null ? command.slotValues() : use.slotValues();
        RenderingOptions rendering = command.rendering() != null ? command.rendering() : use.rendering();
        // every mode keeps the slot values, so every mode checks them against the version (a DETACHED change
        // rendered nothing and stored whatever names and values it was given)
        String base = ComponentText.renderKeepingSlots(command.followed().version(), slots, rendering);
        String text = switch (command.mode()) {
            case LOCKED -> section(item, rules, ComponentText.render(command.followed().version(), slots, rendering));
            case ADAPTED, DETACHED -> use.text();
        };
        if (command.mode() == use.mode() && text.equals(use.text()) && slots.equals(use.slotValues())
                && rendering.equals(use.rendering())) {
            return List.of();
        }
        TextDifference localChange = command.mode() == ComponentUseMode.ADAPTED ? TextDifference.between(base, text)
                : null;
        List<AssessmentEvent> events = new ArrayList<>();
        events.add(new ComponentUseModeChanged(state.id(), state.tenant(), use.useId(), use.itemId(), use.entries(),
                use.componentId(), use.version(), use.mode(), command.mode(), slots, rendering, localChange, text,
                reason, command.by(), command.at()));
        replaceSection(state, item, rules, use, text, reason, command.by(), command.at(), events);
        return events;
    }

    static List<AssessmentEvent> adopt(Assessment state, Item item, AnswerRules rules, AdoptComponentVersion command,
                                       String reason) {
        ComponentUse use = followedUse(state, command.useId(), command.followed());
        PublishedComponent target = command.target();
        requireNewer(use, target);
        AdoptionMerge merge = AdoptionMerge.of(use, command.followed().version(), target.version(),
                command.slotValues());
        Map<String, String> slots = merge.slotValues();
        String theirs = merge.newText();
        String merged = use.mode() == ComponentUseMode.LOCKED ? theirs : merged(use, merge.result(), command);
        String section = section(item, rules, merged);
        requireSlotsFilled(target, section);
        TextDifference localChange = use.mode() == ComponentUseMode.ADAPTED ? TextDifference.between(theirs, section) : null;
        SubmissionTiming timing = command.timing() != null ? command.timing() : target.version().content().timing();
        String given = command.explanation() == null ? "" : PlainText.clean(command.explanation()).strip();
        if (given.codePointCount(0, given.length()) > AssessmentDecider.MAX_REASON_LENGTH) {
            throw new CommandRejected(new InvalidInput("explanation", "at most " + AssessmentDecider.MAX_REASON_LENGTH
                    + " characters"));
        }
        String explanation = given.isEmpty() ? target.version().content().explanation() : given;
        List<AssessmentEvent> events = new ArrayList<>();
        events.add(new ComponentVersionAdopted(state.id(), state.tenant(), use.useId(), use.itemId(), use.entries(),
                use.componentId(), use.version(), target.number(), slots, localChange, section, timing, explanation,
                reason, command.by(), command.at()));
        replaceSection(state, item, rules, use, section, reason, command.by(), command.at(), events);
        return events;
    }

    /** Declining the same version twice changes nothing. */
    static List<AssessmentEvent> decline(Assessment state, DeclineComponentProposal command, String reason) {
        ComponentUse use = followedUse(state, command.useId(), null);
        requireNewer(use, command.target());
        if (reason == null) {
            throw new CommandRejected(new InvalidInput("reason", "declining a new version needs its reason"));
        }
        if (state.components().declined(use.useId(), command.target().number())) {
            return List.of();
        }
        return List.of(new ComponentProposalDeclined(state.id(), state.tenant(), use.useId(), use.itemId(),
                use.entries(), use.componentId(), use.version(), command.target().number(), reason, command.by(),
                command.at()));
    }

    static List<AssessmentEvent> defer(Assessment state, DeferComponentProposal command, String reason) {
        ComponentUse use = followedUse(state, command.useId(), null);
        requireNewer(use, command.target());
        if (state.components().declined(use.useId(), command.target().number())) {
            throw new CommandRejected(new ProposalNotApplicable(use.useId(), use.componentId().value(),
                    command.target().number(), "it was declined"));
        }
        return List.of(new ComponentProposalDeferred(state.id(), state.tenant(), use.useId(), use.itemId(),
                use.entries(), use.componentId(), use.version(), command.target().number(), command.until(), reason,
                command.by(), command.at()));
    }

    /**
     * Refuses an answer for {@code key} (null: clearing it) that no longer holds the section of a use the item
     * follows.
     */
    static void requireSectionsKept(Assessment state, AnswerKey key, Answer answer) {
        String html = answer == null ? "" : html(answer);
        for (ComponentUse use : state.components().in(key)) {
            if (use.mode().followed() && !html.contains(use.text())) {
                throw new CommandRejected(new ComponentTextProtected(key.itemId().value(), use.useId(),
                        use.componentId().value(), use.mode().name()));
            }
        }
    }

    /**
     * Refuses a section that still holds a slot's marker ({@code {{name}}}): an adapted or detached text is rendered
     * keeping the markers of slots without a value (the base a local change is measured against), and an adopted
     * version may add a slot, but the item's answer is what the document prints.
     */
    private static void requireSlotsFilled(PublishedComponent component, String section) {
        if (component == null) {
            return;
        }
        for (Slot slot : component.version().content().slots()) {
            if (section.contains("{{" + slot.name() + "}}")) {
                throw new CommandRejected(new InvalidInput("slotValues." + slot.name(), "required"));
            }
        }
    }

    private static String merged(ComponentUse use, MergeResult merge, AdoptComponentVersion command) {
        int conflicts = merge.conflicts().size();
        if (conflicts != command.resolutions().size()) {
            throw new CommandRejected(new MergeConflictsUnresolved(use.useId(), conflicts, command.resolutions().size()));
        }
        return merge.isClean() ? merge.text() : merge.resolve(command.resolutions());
    }

    /** The use, followed, and the version the adapter looked up is the one it follows. */
    private static ComponentUse followedUse(Assessment state, String useId, PublishedComponent followed) {
        ComponentUse use = state.components().use(useId).orElseThrow(() -> new CommandRejected(
                new ComponentUseNotFound(state.id().toString(), useId)));
        if (!use.mode().followed()) {
            throw new CommandRejected(new ComponentUseModeConflict(useId, use.mode().name(),
                    "a detached copy is no longer followed; insert the component again to follow it"));
        }
        if (followed != null && (!followed.id().equals(use.componentId()) || followed.number() != use.version())) {
            throw new IllegalArgumentException("use " + useId + " follows " + use.componentId() + " v" + use.version()
                    + ", not " + followed.id() + " v" + followed.number());
        }
        return use;
    }

    private static void requireNewer(ComponentUse use, PublishedComponent target) {
        if (!target.id().equals(use.componentId())) {
            throw new CommandRejected(new ProposalNotApplicable(use.useId(), target.id().value(), target.number(),
                    "the use follows '" + use.componentId() + "'"));
        }
        if (target.number() <= use.version()) {
            throw new CommandRejected(new ProposalNotApplicable(use.useId(), target.id().value(), target.number(),
                    "the use already follows version " + use.version()));
        }
    }

    /** The section as the item stores it: sanitised like any answer of the item, and not blank. */
    private static String section(Item item, AnswerRules rules, String text) {
        if (text == null || text.isBlank()) {
            throw new CommandRejected(new InvalidInput("text", "the component's text must not be blank"));
        }
        return html(rules.accept(item, new RichTextAnswer(text)));
    }

    /**
     * The item's answer with the use's section replaced by {@code section}, as an {@link ItemAnswered}. The section
     * replaced is the first occurrence of the use's text whose replacement keeps the section of every other followed
     * use of the item (one use's text can occur inside another's, e.g. an adapted copy that appends to the
     * component's text); a section the answer no longer holds is appended, never written over the item's other text.
     */
    private static void replaceSection(Assessment state, Item item, AnswerRules rules, ComponentUse use, String section,
                                       String reason, Actor by, Instant at,
                                       List<AssessmentEvent> events) {
        AnswerKey key = use.key();
        Optional<Answer> previous = state.answer(key);
        String current = previous.map(ComponentUseDecisions::html).orElse("");
        List<ComponentUse> others = state.components().in(key).stream()
                .filter(other -> other.mode().followed() && !other.useId().equals(use.useId())).toList();
        Answer answer = null;
        for (int start = current.indexOf(use.text()); start >= 0 && answer == null;
             start = current.indexOf(use.text(), start + 1)) {
            Answer candidate = rules.accept(item, new RichTextAnswer(
                    current.substring(0, start) + section + current.substring(start + use.text().length())));
            if (others.stream().allMatch(other -> html(candidate).contains(other.text()))) {
                answer = candidate;
            }
        }
        if (answer == null) {
            answer = rules.accept(item, new RichTextAnswer(current.isEmpty() ? section : current + "\n" + section));
        }
        requireContains(answer, section, "the item's answer would not hold the component's text");
        for (ComponentUse other : others) {
            if (!html(answer).contains(other.text())) {
                throw new CommandRejected(new ComponentTextProtected(key.itemId().value(), other.useId(),
                        other.componentId().value(), other.mode().name()));
            }
        }
        answered(state, key, previous, answer, reason, by, at, events);
    }

    private static void answered(Assessment state, AnswerKey key, Optional<Answer> previous, Answer answer,
                                 String reason, Actor by, Instant at,
                                 List<AssessmentEvent> events) {
        if (previous.filter(answer::equals).isEmpty()) {
            events.add(new ItemAnswered(state.id(), state.tenant(), key.itemId(), key.entries(), previous.orElse(null),
                    answer, reason, by, at));
        }
    }

    private static void requireContains(Answer answer, String section, String problem) {
        if (!html(answer).contains(section)) {
            throw new CommandRejected(new InvalidInput("text", problem));
        }
    }

    private static String html(Answer answer) {
        return answer instanceof RichTextAnswer rich ? rich.html() : answer.plainText();
    }
}
