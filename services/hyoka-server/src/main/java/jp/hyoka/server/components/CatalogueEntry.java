package jp.hyoka.server.components;

import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.components.command.DraftComponentVersion;
import jp.hyoka.domain.components.command.PublishComponentVersion;
import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.command.SubmitComponentVersion;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.List;

/**
 * One component of the seeded catalogue (schema/components/catalogue.json): what registering it says, and the
 * content of its versions 1, 2, … in order. Builds the commands an operator would send for it.
 */
public record CatalogueEntry(ComponentId id, String family, String name, String issuer, List<ComponentFit> fits,
                             List<VersionContent> versions) {

    public CatalogueEntry {
        fits = List.copyOf(fits);
        versions = List.copyOf(versions);
    }

    public RegisterSharedComponent register(Actor by, Instant at) {
        return new RegisterSharedComponent(id, family, name, issuer, fits, by, at);
    }

    /** Draft version {@code number} (1-based) of this entry. */
    public DraftComponentVersion draft(int number, Actor by, Instant at) {
        return new DraftComponentVersion(id, number, versions.get(number - 1), by, at);
    }

    public SubmitComponentVersion submit(int number, Actor by, Instant at) {
        return new SubmitComponentVersion(id, number, by, at);
    }

    public PublishComponentVersion publish(int number, Actor by, Instant at) {
        return new PublishComponentVersion(id, number, by, at);
    }
}
