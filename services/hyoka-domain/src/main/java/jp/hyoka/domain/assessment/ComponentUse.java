package jp.hyoka.domain.assessment;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.text.TextDifference;
import jp.hyoka.domain.form.ItemId;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One shared component in one item of a document: a section of the item's text that follows (or, detached, once
 * followed) a version of the component. An item can hold several (旭川市's 保管場所 holds its own measures,
 * &lt;ガバメントクラウドにおける措置&gt; and &lt;中間サーバー・プラットフォームにおける措置&gt;), so a use is identified by its
 * own id and knows its section by {@code text}: the item's answer contains it, which decisions keep true.
 *
 * @param slotValues  the municipality's local values; a slot without one keeps its marker in the base text
 * @param localChange the adapted text as a difference against {@link #baseText}; empty unless ADAPTED
 * @param text        the section exactly as the item's answer holds it
 * @param similarity  how alike the published copy was when an import recognised it (0–1); null when inserted
 */
public record ComponentUse(String useId, ItemId itemId, List<String> entries, ComponentId componentId, int version,
                           ComponentUseMode mode, Map<String, String> slotValues, RenderingOptions rendering,
                           TextDifference localChange, String text, Double similarity) {

    public ComponentUse {
        Objects.requireNonNull(useId, "useId");
        Objects.requireNonNull(itemId, "itemId");
        entries = entries == null ? List.of() : List.copyOf(entries);
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(mode, "mode");
        slotValues = slotValues == null ? Map.of() : Map.copyOf(slotValues);
        rendering = rendering == null ? RenderingOptions.DEFAULT : rendering;
        localChange = localChange == null ? new TextDifference(List.of()) : localChange;
        Objects.requireNonNull(text, "text");
    }

    public AnswerKey key() {
        return new AnswerKey(itemId, entries);
    }

    /** The component's text as this document prints {@code version} of it: its slots and rendering. */
    public String baseText(ComponentVersion version) {
        return ComponentText.renderKeepingSlots(version, slotValues, rendering);
    }

    ComponentUse withVersion(int nextVersion, TextDifference nextChange, String nextText) {
        return new ComponentUse(useId, itemId, entries, componentId, nextVersion, mode, slotValues, rendering,
                nextChange, nextText, similarity);
    }

    ComponentUse with(ComponentUseMode nextMode, Map<String, String> nextSlots, RenderingOptions nextRendering,
                      TextDifference nextChange, String nextText) {
        return new ComponentUse(useId, itemId, entries, componentId, version, nextMode, nextSlots, nextRendering,
                nextChange, nextText, similarity);
    }
}
