package jp.hyoka.domain.components;

import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;

import java.util.List;
import java.util.Objects;

/**
 * A published version of a shared component as a municipality's document sees it: reference data a command about a
 * document carries (the catalogue is another aggregate, so the adapter looks it up and the decision stays pure).
 */
public record PublishedComponent(ComponentId id, String family, String name, List<ComponentFit> fits,
                                 ComponentVersion version) {

    public PublishedComponent {
        Objects.requireNonNull(id, "id");
        fits = fits == null ? List.of() : List.copyOf(fits);
        Objects.requireNonNull(version, "version");
        if (version.status() != ComponentVersionStatus.PUBLISHED) {
            throw new IllegalArgumentException("only a published version reaches documents: " + id + " v"
                    + version.number() + " is " + version.status());
        }
    }

    /** Version {@code number} of {@code component}, if it is published. */
    public static java.util.Optional<PublishedComponent> of(SharedComponent component, int number) {
        return component.version(number).filter(version -> version.status() == ComponentVersionStatus.PUBLISHED)
                .map(version -> new PublishedComponent(component.id(), component.family(), component.name(),
                        component.fits(), version));
    }

    public int number() {
        return version.number();
    }

    public boolean fits(FormRef form, ItemId item) {
        return fits.contains(new ComponentFit(form, item));
    }
}
