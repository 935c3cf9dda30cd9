package jp.hyoka.domain.components;

import jp.hyoka.domain.components.command.ChangeComponentFits;
import jp.hyoka.domain.components.command.DraftComponentVersion;
import jp.hyoka.domain.components.command.PublishComponentVersion;
import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.command.SubmitComponentVersion;
import jp.hyoka.domain.components.command.WithdrawComponentVersion;
import jp.hyoka.domain.components.event.ComponentFitsChanged;
import jp.hyoka.domain.components.event.ComponentVersionDrafted;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.domain.components.event.ComponentVersionSubmitted;
import jp.hyoka.domain.components.event.ComponentVersionWithdrawn;
import jp.hyoka.domain.components.event.SharedComponentEvent;
import jp.hyoka.domain.components.event.SharedComponentRegistered;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.RichTextSanitizer;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.ComponentAlreadyRegistered;
import jp.hyoka.domain.rejection.ComponentDraftOpen;
import jp.hyoka.domain.rejection.ComponentNotFound;
import jp.hyoka.domain.rejection.ComponentVersionNotFound;
import jp.hyoka.domain.rejection.ComponentVersionNotNext;
import jp.hyoka.domain.rejection.ComponentVersionStatusConflict;
import jp.hyoka.domain.rejection.EffectiveDateTooEarly;
import jp.hyoka.domain.rejection.InvalidInput;

import java.util.List;
import java.util.Objects;

/**
 * Decides the life of a shared component (DOMAIN.md §5.9): a platform operator registers it, drafts a version,
 * submits it for review and publishes it, or withdraws the draft. Pure: no clock, no store; the caller folds the
 * component's events into state ({@code null} when it is not registered). One unpublished version at a time,
 * numbered next; a version cannot take effect before the one published before it. Content rules are in
 * {@link VersionContentRules}, fit rules in {@link FitRules}.
 */
public final class SharedComponentDecider {

    public static final int MAX_NAME_LENGTH = 200;
    /** J-LIS, デジタル庁, 国民健康保険中央会 … */
    public static final int MAX_ISSUER_LENGTH = 100;
    /** Like the reasons of edits: a note for the audit trail. */
    public static final int MAX_REASON_LENGTH = 1_000;

    private final FitRules fitRules;
    private final VersionContentRules contentRules;

    public SharedComponentDecider(FormCatalog forms, RichTextSanitizer sanitizer) {
        this.fitRules = new FitRules(Objects.requireNonNull(forms, "forms"));
        this.contentRules = new VersionContentRules(Objects.requireNonNull(sanitizer, "sanitizer"), forms);
    }

    public List<SharedComponentEvent> register(SharedComponent existing, RegisterSharedComponent command) {
        if (existing != null) {
            throw reject(new ComponentAlreadyRegistered(command.componentId().value(), existing.name()));
        }
        String family = command.family() == null ? "" : command.family().strip();
        if (!Slot.NAME.matcher(family).matches()) {
            throw reject(new InvalidInput("family", "a lower-case kebab-case code, e.g. intermediate-server-platform"));
        }
        String name = Fields.required("name", command.name(), MAX_NAME_LENGTH);
        String issuer = Fields.required("issuer", command.issuer(), MAX_ISSUER_LENGTH);
        List<ComponentFit> fits = fitRules.check(family, command.fits());
        return List.of(new SharedComponentRegistered(command.componentId(), family, name, issuer, fits, command.by(),
                command.at()));
    }

    public List<SharedComponentEvent> changeFits(SharedComponent component, ChangeComponentFits command) {
        SharedComponent current = require(component, command.componentId());
        List<ComponentFit> fits = fitRules.check(current.family(), command.fits());
        for (ComponentVersion version : current.versions()) {
            contentRules.checkFits(version.content().text(), fits);
        }
        if (fits.equals(current.fits())) {
            return List.of();
        }
        return List.of(new ComponentFitsChanged(current.id(), fits, command.by(), command.at()));
    }

    public List<SharedComponentEvent> draft(SharedComponent component, DraftComponentVersion command) {
        SharedComponent current = require(component, command.componentId());
        current.openVersion().ifPresent(open -> {
            throw reject(new ComponentDraftOpen(current.id().value(), open.number()));
        });
        if (command.version() != current.nextVersionNumber()) {
            throw reject(new ComponentVersionNotNext(current.id().value(), command.version(),
                    current.nextVersionNumber()));
        }
        VersionContent content = contentRules.check(command.content(), current.fits());
        current.currentVersion().ifPresent(previous -> {
            if (content.effectiveFrom().isBefore(previous.content().effectiveFrom())) {
                throw reject(new EffectiveDateTooEarly(current.id().value(), content.effectiveFrom(),
                        previous.number(), previous.content().effectiveFrom()));
            }
        });
        return List.of(new ComponentVersionDrafted(current.id(), command.version(), content, command.by(),
                command.at()));
    }

    public List<SharedComponentEvent> submit(SharedComponent component, SubmitComponentVersion command) {
        SharedComponent current = require(component, command.componentId());
        requireStatus(current, command.version(), ComponentVersionStatus.DRAFT, "submitted for review");
        return List.of(new ComponentVersionSubmitted(current.id(), command.version(), command.by(), command.at()));
    }

    /**
     * Publishing needs a reviewed draft. The effective date was checked against the version published before when
     * the draft was written; nothing can be published in between, since there is one unpublished version at a time.
     */
    public List<SharedComponentEvent> publish(SharedComponent component, PublishComponentVersion command) {
        SharedComponent current = require(component, command.componentId());
        requireStatus(current, command.version(), ComponentVersionStatus.IN_REVIEW, "published before review");
        int previous = current.currentVersion().map(ComponentVersion::number).orElse(0);
        return List.of(new ComponentVersionPublished(current.id(), command.version(), previous, command.by(),
                command.at()));
    }

    public List<SharedComponentEvent> withdraw(SharedComponent component, WithdrawComponentVersion command) {
        SharedComponent current = require(component, command.componentId());
        ComponentVersion version = version(current, command.version());
        if (!version.isOpen()) {
            throw reject(new ComponentVersionStatusConflict(current.id().value(), version.number(),
                    version.status().name(), "withdrawn once published"));
        }
        String reason = Fields.required("reason", command.reason(), MAX_REASON_LENGTH);
        return List.of(new ComponentVersionWithdrawn(current.id(), version.number(), reason, command.by(),
                command.at()));
    }

    private static void requireStatus(SharedComponent component, int number, ComponentVersionStatus required,
                                      String action) {
        ComponentVersion version = version(component, number);
        if (version.status() != required) {
            throw reject(new ComponentVersionStatusConflict(component.id().value(), number, version.status().name(),
                    action));
        }
    }

    private static ComponentVersion version(SharedComponent component, int number) {
        return component.version(number).orElseThrow(() ->
                reject(new ComponentVersionNotFound(component.id().value(), number)));
    }

    private static SharedComponent require(SharedComponent component, ComponentId id) {
        if (component == null) {
            throw reject(new ComponentNotFound(id.value()));
        }
        return component;
    }

    private static CommandRejected reject(jp.hyoka.domain.rejection.Rejection rejection) {
        return new CommandRejected(rejection);
    }
}
