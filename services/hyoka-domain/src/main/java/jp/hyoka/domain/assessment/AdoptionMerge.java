package jp.hyoka.domain.assessment;

import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.Slot;
import jp.hyoka.domain.components.text.MergeResult;
import jp.hyoka.domain.components.text.ThreeWayMerge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What adopting a newer version makes of a use's section — the one computation behind adoption itself, the
 * proposal's three-way view and the operator's dry run, so that what an editor is shown is what adoption stores.
 * Base: the version the use follows, printed as the document prints it (its slot values, numbering, brackets; a slot
 * without a value keeps its marker); theirs: the new version printed the same way, with the use's values for the
 * slots it still has and {@code slotOverrides} on top; ours: the document's section (a locked use has no local
 * change, so it merges cleanly into the new version).
 */
public record AdoptionMerge(Map<String, String> slotValues, String baseText, String newText, String localText,
                            MergeResult result) {

    public AdoptionMerge {
        slotValues = Map.copyOf(slotValues);
    }

    public static AdoptionMerge of(ComponentUseMode mode, Map<String, String> useSlots, RenderingOptions rendering,
                                   String useText, ComponentVersion followed, ComponentVersion target,
                                   Map<String, String> slotOverrides) {
        Map<String, String> slots = new HashMap<>();
        List<String> declared = target.content().slots().stream().map(Slot::name).toList();
        useSlots.forEach((name, value) -> {
            if (declared.contains(name)) {
                slots.put(name, value);
            }
        });
        if (slotOverrides != null) {
            slots.putAll(slotOverrides);
        }
        String base = ComponentText.renderKeepingSlots(followed, declaredOnly(useSlots, followed), rendering);
        String theirs = ComponentText.renderKeepingSlots(target, slots, rendering);
        String ours = mode == ComponentUseMode.LOCKED ? base : useText;
        return new AdoptionMerge(slots, base, theirs, useText, ThreeWayMerge.merge(base, theirs, ours));
    }

    /** The same for a use of the document's state. */
    public static AdoptionMerge of(ComponentUse use, ComponentVersion followed, ComponentVersion target,
                                   Map<String, String> slotOverrides) {
        return of(use.mode(), use.slotValues(), use.rendering(), use.text(), followed, target, slotOverrides);
    }

    private static Map<String, String> declaredOnly(Map<String, String> values, ComponentVersion version) {
        Map<String, String> kept = new HashMap<>(values);
        kept.keySet().retainAll(version.content().slots().stream().map(Slot::name).toList());
        return kept;
    }
}
