package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.ComponentVersionStatus;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.command.SharedComponentCommand;
import jp.hyoka.domain.form.RichTextSanitizer;
import jp.hyoka.domain.rejection.ComponentAlreadyRegistered;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seeds the shared-component catalogue from the shipped file ({@link CatalogueFile}) through the commands a platform
 * operator would send (register, then draft, submit and publish each version in order), as the actor
 * {@link #ACTOR}, so the seed is in the events, the hash chain and the audit trail like any curation. Idempotent: a
 * component registered with all its versions is left alone, so restarts and a second node add nothing; a seed
 * interrupted half-way is finished where it stopped. Once seeded, the catalogue is the operators': the seed never
 * touches a version it did not write (an open version with another text stops it for that component).
 */
@Singleton
public class CatalogueSeed {

    public static final Actor ACTOR = new Actor("hyoka-catalogue-seed", "共有部品カタログの初期登録");

    /** What a seed run did: components it wrote to, components already complete, and those it could not seed. */
    public record Summary(int seeded, int alreadyThere, List<String> notSeeded) {

        public Summary {
            notSeeded = List.copyOf(notSeeded);
        }

        @Override
        public String toString() {
            return "%d seeded, %d already there%s".formatted(seeded, alreadyThere,
                    notSeeded.isEmpty() ? "" : ", not seeded: " + String.join("; ", notSeeded));
        }
    }

    private enum Result { SEEDED, ALREADY_THERE }

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueSeed.class);

    private final ComponentCuration curation;
    private final SharedComponentQueries queries;
    private final RichTextSanitizer sanitizer = new JsoupRichTextSanitizer();
    private final Clock clock = Clock.systemUTC();

    public CatalogueSeed(ComponentCuration curation, SharedComponentQueries queries) {
        this.curation = curation;
        this.queries = queries;
    }

    /** Seeds the shipped catalogue; logs and returns the summary. */
    public Summary seed() {
        return seed(CatalogueFile.read());
    }

    Summary seed(List<CatalogueEntry> entries) {
        int seeded = 0;
        int alreadyThere = 0;
        List<String> notSeeded = new ArrayList<>();
        for (CatalogueEntry entry : entries) {
            try {
                if (seedOne(entry) == Result.SEEDED) {
                    seeded++;
                } else {
                    alreadyThere++;
                }
            } catch (NotSeeded e) {
                notSeeded.add(entry.id() + " (" + e.getMessage() + ")");
            }
        }
        Summary summary = new Summary(seeded, alreadyThere, notSeeded);
        LOG.info("Shared-component catalogue seed: components={} seeded={} alreadyThere={} notSeeded={} source={}",
                entries.size(), seeded, alreadyThere, notSeeded, CatalogueFile.RESOURCE);
        return summary;
    }

    private Result seedOne(CatalogueEntry entry) {
        Optional<SharedComponent> found = queries.find(entry.id().value());
        Result result = found.isPresent() ? Result.ALREADY_THERE : Result.SEEDED;
        SharedComponent component = found.orElseGet(() -> registered(entry));
        if (component == null) {
            return Result.ALREADY_THERE;           // another node registered it a moment ago and seeds it
        }
        for (int number = 1; number <= entry.versions().size(); number++) {
            Optional<ComponentVersion> version = component.version(number);
            if (version.isPresent() && version.get().status() == ComponentVersionStatus.PUBLISHED) {
                continue;
            }
            if (version.isPresent() && !version.get().content().text()
                    .equals(sanitizer.sanitize(entry.versions().get(number - 1).text()).strip())) {
                throw new NotSeeded("version " + number + " is open with another text: left to the operators");
            }
            ComponentVersionStatus status = version.map(ComponentVersion::status).orElse(null);
            if (status == null) {
                component = send(entry.draft(number, ACTOR, clock.instant()));
                status = ComponentVersionStatus.DRAFT;
            }
            if (status == ComponentVersionStatus.DRAFT) {
                component = send(entry.submit(number, ACTOR, clock.instant()));
            }
            component = send(entry.publish(number, ACTOR, clock.instant()));
            result = Result.SEEDED;
        }
        return result;
    }

    /** Registers the entry; null when someone else registered it in the meantime. */
    private SharedComponent registered(CatalogueEntry entry) {
        ComponentCuration.Outcome outcome = curation.send(entry.register(ACTOR, clock.instant()));
        if (outcome instanceof ComponentCuration.Refused refused
                && refused.rejection() instanceof ComponentAlreadyRegistered) {
            return null;
        }
        return changed(outcome);
    }

    private SharedComponent send(SharedComponentCommand command) {
        return changed(curation.send(command));
    }

    private static SharedComponent changed(ComponentCuration.Outcome outcome) {
        if (outcome instanceof ComponentCuration.Refused refused) {
            throw new NotSeeded(refused.rejection().code() + ": " + refused.rejection().message());
        }
        return ((ComponentCuration.Changed) outcome).component();
    }

    private static final class NotSeeded extends RuntimeException {
        NotSeeded(String reason) {
            super(reason, null, false, false);
        }
    }
}
