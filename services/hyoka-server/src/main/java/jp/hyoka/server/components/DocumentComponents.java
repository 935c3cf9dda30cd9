package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.assessment.command.AdaptComponentText;
import jp.hyoka.domain.assessment.command.AdoptComponentVersion;
import jp.hyoka.domain.assessment.command.AssessmentCommand;
import jp.hyoka.domain.assessment.command.ChangeComponentMode;
import jp.hyoka.domain.assessment.command.DeclineComponentProposal;
import jp.hyoka.domain.assessment.command.DeferComponentProposal;
import jp.hyoka.domain.assessment.command.InsertComponent;
import jp.hyoka.domain.components.Brackets;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.text.HunkResolution;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.ComponentNotFound;
import jp.hyoka.domain.rejection.ComponentProposalNotFound;
import jp.hyoka.domain.rejection.ComponentUseNotFound;
import jp.hyoka.domain.rejection.ComponentVersionNotFound;
import jp.hyoka.domain.rejection.ProposalNotApplicable;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.domain.rejection.UnknownItem;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.security.Caller;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What editors do with shared components in their documents: the domain decides (insert, adapt, change mode, adopt,
 * decline, defer: see ComponentUseDecisions); this service looks up the published versions a command carries — the
 * catalogue is another aggregate, read from its read model — and the use or proposal named, scoped to the caller's
 * municipality. Something that cannot be found is refused like the domain refuses, with nothing stored.
 */
@Singleton
public class DocumentComponents {

    /** Something a command needs is not there: refused with {@code rejection}, nothing sent. */
    private static final class NotFound extends RuntimeException {
        private final transient Rejection rejection;

        NotFound(Rejection rejection) {
            super(rejection.message(), null, false, false);
            this.rejection = rejection;
        }
    }

    /** How a document prints a component, from the input's optional parts. */
    public record Printing(Numbering numbering, Brackets brackets) {
        RenderingOptions over(RenderingOptions base) {
            if (numbering == null && brackets == null) {
                return null;
            }
            return new RenderingOptions(numbering != null ? numbering : base.numbering(),
                    brackets != null ? brackets : base.brackets());
        }
    }

    /** The editor's answer to a proposal when adopting it. */
    public record Adoption(List<HunkResolution> resolutions, Map<String, String> slotValues, SubmissionTiming timing,
                           String explanation) {
    }

    private final AssessmentCommands commands;
    private final SharedComponentQueries catalogue;
    private final ComponentUseQueries uses;

    public DocumentComponents(AssessmentCommands commands, SharedComponentQueries catalogue, ComponentUseQueries uses) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.uses = uses;
    }

    /** {@code version}: null for the component's current version. The outcome names the new use. */
    public EditOutcome insert(Caller caller, String assessmentId, long expectedRevision, String itemId,
                              List<String> entries, String componentId, Integer version, ComponentUseMode mode,
                              Map<String, String> slotValues, Printing printing, String adaptedText,
                              boolean replaceAnswer, String reason) {
        return commands.identified(assessmentId, id -> refusing(() -> {
            if (!ItemId.isWellFormed(itemId)) {
                throw new NotFound(new UnknownItem(itemId, "this assessment's form"));
            }
            PublishedComponent found = published(componentId, version);
            String useId = commands.nextEntryId();
            RenderingOptions rendering = printing.over(found.version().content().rendering());
            return commands.send(caller, new InsertComponent(id, caller.tenant(), expectedRevision, useId,
                    new ItemId(itemId), entries, found, mode, slotValues, rendering, adaptedText, replaceAnswer,
                    reason, caller.actor(), commands.now()), Long.class::cast).withEntry(useId);
        }));
    }

    public EditOutcome adapt(Caller caller, String assessmentId, long expectedRevision, String useId, String text,
                             String reason) {
        return followed(caller, assessmentId, useId, (id, followed) -> new AdaptComponentText(id, caller.tenant(),
                expectedRevision, useId, followed, text, reason, caller.actor(), commands.now()));
    }

    public EditOutcome changeMode(Caller caller, String assessmentId, long expectedRevision, String useId,
                                  ComponentUseMode mode, Map<String, String> slotValues, Printing printing,
                                  String reason) {
        return followed(caller, assessmentId, useId, (id, followed) -> new ChangeComponentMode(id, caller.tenant(),
                expectedRevision, useId, followed, mode, slotValues,
                printing.over(followed.version().content().rendering()), reason, caller.actor(), commands.now()));
    }

    public EditOutcome adopt(Caller caller, String proposalId, long expectedRevision, Adoption adoption,
                             String reason) {
        return proposed(caller, proposalId, (parts, followed, target) -> new AdoptComponentVersion(
                parts.assessmentId(), caller.tenant(), expectedRevision, parts.useId(), followed, target,
                adoption.resolutions(), adoption.slotValues(), adoption.timing(), adoption.explanation(), reason,
                caller.actor(), commands.now()));
    }

    public EditOutcome decline(Caller caller, String proposalId, long expectedRevision, String reason) {
        return proposed(caller, proposalId, (parts, followed, target) -> new DeclineComponentProposal(
                parts.assessmentId(), caller.tenant(), expectedRevision, parts.useId(), target, reason,
                caller.actor(), commands.now()));
    }

    public EditOutcome defer(Caller caller, String proposalId, long expectedRevision, LocalDate until, String reason) {
        return proposed(caller, proposalId, (parts, followed, target) -> new DeferComponentProposal(
                parts.assessmentId(), caller.tenant(), expectedRevision, parts.useId(), target, until, reason,
                caller.actor(), commands.now()));
    }

    /** A command about a use, built with the published version the use follows. */
    private EditOutcome followed(Caller caller, String assessmentId, String useId,
                                 BiFunction<AssessmentId, PublishedComponent, AssessmentCommand> command) {
        return commands.identified(assessmentId, id -> refusing(() -> {
            ComponentUseQueries.UseRow use = uses.use(caller.tenant(), id, useId)
                    .orElseThrow(() -> new NotFound(new ComponentUseNotFound(assessmentId, useId)));
            PublishedComponent followed = published(use.componentId(), use.version());
            return commands.send(caller, command.apply(id, followed), Long.class::cast).withEntry(useId);
        }));
    }

    private interface ProposalCommand {
        AssessmentCommand of(ProposalIds.Parts parts, PublishedComponent followed, PublishedComponent target);
    }

    /** A command about a proposal of the caller's municipality: the use's version and the one proposed. */
    private EditOutcome proposed(Caller caller, String proposalId, ProposalCommand command) {
        return refusing(() -> {
            ProposalIds.Parts parts = ProposalIds.decode(proposalId)
                    .orElseThrow(() -> new NotFound(new ComponentProposalNotFound(proposalId)));
            ComponentUseQueries.ProposalRow proposal = uses.proposal(caller.tenant(), parts)
                    .orElseThrow(() -> new NotFound(new ComponentProposalNotFound(proposalId)));
            if (!ComponentUseProjection.OPEN.contains(proposal.status())) {
                // decided, or superseded by a later version: only the open proposal of a use is acted on
                throw new NotFound(new ProposalNotApplicable(parts.useId(), proposal.componentId(),
                        proposal.toVersion(), "it is " + proposal.status()));
            }
            ComponentUseQueries.UseRow use = uses.use(caller.tenant(), parts.assessmentId(), parts.useId())
                    .orElseThrow(() -> new NotFound(new ComponentUseNotFound(parts.assessmentId().toString(),
                            parts.useId())));
            PublishedComponent followed = published(use.componentId(), use.version());
            PublishedComponent target = published(proposal.componentId(), proposal.toVersion());
            return commands.send(caller, command.of(parts, followed, target), Long.class::cast)
                    .withEntry(parts.useId());
        });
    }

    /** A published version of a component; {@code version} null for its current one. */
    private PublishedComponent published(String componentId, Integer version) {
        SharedComponent component = catalogue.find(componentId)
                .orElseThrow(() -> new NotFound(new ComponentNotFound(componentId)));
        int number = version != null ? version : component.currentVersion().map(ComponentVersion::number).orElse(0);
        return PublishedComponent.of(component, number)
                .orElseThrow(() -> new NotFound(new ComponentVersionNotFound(componentId, number)));
    }

    private static EditOutcome refusing(Supplier<EditOutcome> edit) {
        try {
            return edit.get();
        } catch (NotFound notFound) {
            return new EditOutcome.Refused(notFound.rejection);
        }
    }
}
