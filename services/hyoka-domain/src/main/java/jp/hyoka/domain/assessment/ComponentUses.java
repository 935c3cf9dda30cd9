package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentProposalDeferred;
import jp.hyoka.domain.assessment.event.ComponentTextAdapted;
import jp.hyoka.domain.assessment.event.ComponentUseModeChanged;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.importing.annex.SubmissionTiming;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared components a document uses, as decisions need them: each use by id, the versions declined per use (a
 * declined proposal is not raised again), and the 変更箇所 defaults adoptions left for the next publication, by
 * item: the 提出時期 and 説明 the version suggests, used when the publisher gives none.
 */
public record ComponentUses(Map<String, ComponentUse> uses, Map<String, Set<Integer>> declined,
                            Map<AnswerKey, AdoptionDefault> adoptionDefaults) {

    /** What an adoption suggests for the 変更箇所 row of its item. */
    public record AdoptionDefault(SubmissionTiming timing, String explanation) {

        /**
         * What two adoptions in one item (e.g. 保管場所 holding ガバメントクラウド and 中間サーバー・プラットフォーム)
         * suggest for its one row: 事前 if either change must be submitted before, and both explanations.
         */
        AdoptionDefault and(AdoptionDefault later) {
            SubmissionTiming both = timing == SubmissionTiming.BEFORE || later.timing == SubmissionTiming.BEFORE
                    ? SubmissionTiming.BEFORE : later.timing;
            String said = explanation == null || explanation.isBlank() || explanation.equals(later.explanation)
                    ? later.explanation
                    : later.explanation == null || later.explanation.isBlank() ? explanation
                    : explanation + "、" + later.explanation;
            return new AdoptionDefault(both, said);
        }
    }

    public static final ComponentUses NONE = new ComponentUses(Map.of(), Map.of(), Map.of());

    public ComponentUses {
        uses = Map.copyOf(uses);
        declined = Map.copyOf(declined);
        adoptionDefaults = Map.copyOf(adoptionDefaults);
    }

    public Optional<ComponentUse> use(String useId) {
        return Optional.ofNullable(uses.get(useId));
    }

    /** The uses in one item. */
    public List<ComponentUse> in(AnswerKey key) {
        return uses.values().stream().filter(use -> use.key().equals(key)).toList();
    }

    public boolean declined(String useId, int version) {
        return declined.getOrDefault(useId, Set.of()).contains(version);
    }

    public Optional<AdoptionDefault> adoptionDefault(AnswerKey key) {
        return Optional.ofNullable(adoptionDefaults.get(key));
    }

    /** The state after one event (see {@link Assessment#evolveAll}); events about other things change nothing. */
    ComponentUses evolve(AssessmentEvent event) {
        Map<String, ComponentUse> nextUses = new LinkedHashMap<>(uses);
        Map<String, Set<Integer>> nextDeclined = new HashMap<>(declined);
        Map<AnswerKey, AdoptionDefault> nextDefaults = new HashMap<>(adoptionDefaults);
        if (event instanceof ComponentInserted inserted) {
            nextUses.put(inserted.useId(), new ComponentUse(inserted.useId(), inserted.itemId(),
                    inserted.entries(), inserted.componentId(), inserted.version(), inserted.mode(),
                    inserted.slotValues(), inserted.rendering(), inserted.localChange(), inserted.text(),
                    inserted.similarity()));
        } else if (event instanceof ComponentTextAdapted adapted) {
            nextUses.computeIfPresent(adapted.useId(), (id, use) -> use.with(ComponentUseMode.ADAPTED,
                    use.slotValues(), use.rendering(), adapted.localChange(), adapted.text()));
        } else if (event instanceof ComponentUseModeChanged changed) {
            nextUses.computeIfPresent(changed.useId(), (id, use) -> use.with(changed.mode(), changed.slotValues(),
                    changed.rendering(), changed.localChange(), changed.text()));
        } else if (event instanceof ComponentVersionAdopted adopted) {
            nextUses.computeIfPresent(adopted.useId(), (id, use) -> use.with(use.mode(), adopted.slotValues(),
                    use.rendering(), use.localChange(), use.text()).withVersion(adopted.toVersion(),
                    adopted.localChange(), adopted.text()));
            nextDefaults.merge(new AnswerKey(adopted.itemId(), adopted.entries()),
                    new AdoptionDefault(adopted.timing(), adopted.explanation()), AdoptionDefault::and);
        } else if (event instanceof ComponentProposalDeclined declinedProposal) {
            Set<Integer> versions = new HashSet<>(nextDeclined.getOrDefault(declinedProposal.useId(), Set.of()));
            versions.add(declinedProposal.toVersion());
            nextDeclined.put(declinedProposal.useId(), Set.copyOf(versions));
        } else if (event instanceof VersionPublished) {
            nextDefaults.clear();           // a publication used them; the next draft starts without
        } else if (event instanceof ComponentProposalDeferred) {
            // a reminder for people; nothing a decision depends on
        }
        return new ComponentUses(nextUses, nextDeclined, nextDefaults);
    }

    /** The uses inside a removed repeat entry go with it. */
    ComponentUses without(List<String> entryPath) {
        Map<String, ComponentUse> kept = new LinkedHashMap<>(uses);
        kept.values().removeIf(use -> use.key().isInside(entryPath));
        return new ComponentUses(kept, declined, adoptionDefaults);
    }

    /** Applies a redaction to the sections and slot values too, so the answer keeps containing them. */
    ComponentUses redacted(Redaction redaction) {
        Map<String, ComponentUse> next = new LinkedHashMap<>();
        uses.forEach((id, use) -> {
            Map<String, String> slots = new HashMap<>();
            use.slotValues().forEach((name, value) -> slots.put(name, redaction.apply(value)));
            // a locked use re-rendered later must not bring the withheld value back through its slots
            next.put(id, use.with(use.mode(), slots, use.rendering(), use.localChange(), redaction.apply(use.text())));
        });
        return new ComponentUses(next, declined, adoptionDefaults);
    }
}
