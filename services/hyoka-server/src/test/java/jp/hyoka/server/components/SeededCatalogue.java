package jp.hyoka.server.components;

import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.SharedComponentDecider;
import jp.hyoka.domain.components.event.SharedComponentEvent;
import jp.hyoka.domain.components.event.SharedComponentRegistered;
import jp.hyoka.domain.components.text.MatchCandidate;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shipped catalogue curated through the real domain (the server's form catalog and sanitiser), without a
 * server: each entry registered, then each version drafted, submitted and published in order, as the seed does.
 */
final class SeededCatalogue {

    /** The slot values of DOMAIN.md §5.2 (002's ④): what a document without local systems of its own prints. */
    static final Map<String, String> SLOT_VALUES =
            Map.of("existing-systems", "既存システム、団体内統合宛名システム及び住基システム");

    private static final SharedComponentDecider DECIDER =
            new SharedComponentDecider(new ClasspathFormCatalog(), new JsoupRichTextSanitizer());
    private static final Actor BY = CatalogueSeed.ACTOR;
    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    private SeededCatalogue() {
    }

    /** Every entry of the shipped catalogue, curated; a refusal of the domain fails with its reason. */
    static List<SharedComponent> curated() {
        return CatalogueFile.read().stream().map(SeededCatalogue::curate).toList();
    }

    static SharedComponent curate(CatalogueEntry entry) {
        SharedComponent component = null;
        for (SharedComponentEvent event : DECIDER.register(null, entry.register(BY, AT))) {
            component = SharedComponent.begin((SharedComponentRegistered) event);
        }
        for (int number = 1; number <= entry.versions().size(); number++) {
            component = fold(component, DECIDER.draft(component, entry.draft(number, BY, AT)));
            component = fold(component, DECIDER.submit(component, entry.submit(number, BY, AT)));
            component = fold(component, DECIDER.publish(component, entry.publish(number, BY, AT)));
        }
        return component;
    }

    /** A version as a document prints it by default: {@link RenderingOptions#DEFAULT}, slots filled with §5.2's values. */
    static String rendered(ComponentVersion version) {
        Map<String, String> values = new java.util.HashMap<>();
        version.content().slots().forEach(slot -> values.put(slot.name(), SLOT_VALUES.get(slot.name())));
        return ComponentText.render(version, values, RenderingOptions.DEFAULT);
    }

    /** Every version of every seeded component, rendered, keyed "component-id@version". */
    static List<MatchCandidate<String>> candidates() {
        List<MatchCandidate<String>> candidates = new ArrayList<>();
        for (SharedComponent component : curated()) {
            for (ComponentVersion version : component.versions()) {
                candidates.add(new MatchCandidate<>(component.id().value() + "@" + version.number(), rendered(version)));
            }
        }
        return candidates;
    }

    private static SharedComponent fold(SharedComponent component, List<SharedComponentEvent> events) {
        SharedComponent next = component;
        for (SharedComponentEvent event : events) {
            next = next.evolve(event);
        }
        return next;
    }
}
