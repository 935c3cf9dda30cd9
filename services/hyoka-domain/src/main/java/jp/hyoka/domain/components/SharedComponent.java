package jp.hyoka.domain.components;

import jp.hyoka.domain.components.event.ComponentFitsChanged;
import jp.hyoka.domain.components.event.ComponentVersionDrafted;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.domain.components.event.ComponentVersionSubmitted;
import jp.hyoka.domain.components.event.ComponentVersionWithdrawn;
import jp.hyoka.domain.components.event.SharedComponentEvent;
import jp.hyoka.domain.components.event.SharedComponentRegistered;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shared component: boilerplate a national body issues (J-LIS, デジタル庁, …) and every municipality
 * copies into the same items of its 評価書, curated once by the platform (DOMAIN.md §5). The state as far as decisions
 * need it, rebuilt by folding the component's events; versions in number order, withdrawn drafts gone.
 *
 * @param family the code of the boilerplate family, as form items name it in {@code componentFamily}, e.g.
 *               {@code intermediate-server-platform} (&lt;中間サーバー・プラットフォームにおける措置&gt;)
 * @param name   what operators and editors see, e.g. 中間サーバー・プラットフォームにおける措置 (保管場所)
 */
public record SharedComponent(ComponentId id, String family, String name, String issuer, List<ComponentFit> fits,
                              List<ComponentVersion> versions) {

    public SharedComponent {
        fits = List.copyOf(fits);
        versions = List.copyOf(versions);
    }

    public static SharedComponent begin(SharedComponentRegistered registered) {
        return new SharedComponent(registered.componentId(), registered.family(), registered.name(),
                registered.issuer(), registered.fits(), List.of());
    }

    public SharedComponent evolve(SharedComponentEvent event) {
        if (event instanceof SharedComponentRegistered registered) {
            return begin(registered);
        }
        if (event instanceof ComponentFitsChanged changed) {
            return new SharedComponent(id, family, name, issuer, changed.fits(), versions);
        }
        if (event instanceof ComponentVersionDrafted drafted) {
            return withVersions(append(new ComponentVersion(drafted.version(), drafted.content(),
                    ComponentVersionStatus.DRAFT)));
        }
        if (event instanceof ComponentVersionSubmitted submitted) {
            return withVersions(replace(submitted.version(), ComponentVersionStatus.IN_REVIEW));
        }
        if (event instanceof ComponentVersionPublished published) {
            return withVersions(replace(published.version(), ComponentVersionStatus.PUBLISHED));
        }
        int withdrawn = ((ComponentVersionWithdrawn) event).version();
        return withVersions(versions.stream().filter(version -> version.number() != withdrawn).toList());
    }

    public Optional<ComponentVersion> version(int number) {
        return versions.stream().filter(version -> version.number() == number).findFirst();
    }

    /** The version being drafted or reviewed, if any: there is at most one. */
    public Optional<ComponentVersion> openVersion() {
        return versions.stream().filter(ComponentVersion::isOpen).findFirst();
    }

    /** The latest published version: what documents are proposed to follow. */
    public Optional<ComponentVersion> currentVersion() {
        return versions.stream().filter(version -> !version.isOpen()).reduce((first, second) -> second);
    }

    /** The number the next drafted version takes: versions are numbered 1, 2, 3 … without gaps. */
    public int nextVersionNumber() {
        return versions.size() + 1;
    }

    private SharedComponent withVersions(List<ComponentVersion> next) {
        return new SharedComponent(id, family, name, issuer, fits, next);
    }

    private List<ComponentVersion> append(ComponentVersion version) {
        List<ComponentVersion> next = new ArrayList<>(versions);
        next.add(version);
        return next;
    }

    private List<ComponentVersion> replace(int number, ComponentVersionStatus status) {
        return versions.stream().map(version -> version.number() == number ? version.withStatus(status) : version)
                .toList();
    }
}
