package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AdaptComponentText;
import jp.hyoka.domain.assessment.command.AddRepeatEntry;
import jp.hyoka.domain.assessment.command.AdoptComponentVersion;
import jp.hyoka.domain.assessment.command.ChangeComponentMode;
import jp.hyoka.domain.assessment.command.DeclineComponentProposal;
import jp.hyoka.domain.assessment.command.DeferComponentProposal;
import jp.hyoka.domain.assessment.command.InsertComponent;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.ClearAnswer;
import jp.hyoka.domain.assessment.command.ClosePublicComment;
import jp.hyoka.domain.assessment.command.OpenPublicComment;
import jp.hyoka.domain.assessment.command.RecordThirdPartyReview;
import jp.hyoka.domain.assessment.command.RecordAffairEnd;
import jp.hyoka.domain.assessment.event.AffairEnded;
import jp.hyoka.domain.assessment.command.SubmitToCommission;
import jp.hyoka.domain.procedure.Procedure;
import jp.hyoka.domain.procedure.ProcedureCatalog;
import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.command.ImportPastChanges;
import jp.hyoka.domain.assessment.command.MigrateFormRevision;
import jp.hyoka.domain.assessment.command.MoveRepeatEntry;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.RedactPersonalData;
import jp.hyoka.domain.assessment.command.RemoveRepeatEntry;
import jp.hyoka.domain.assessment.command.RevisionedCommand;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.assessment.command.StartNextVersion;
import jp.hyoka.domain.assessment.command.RestoreItemPublication;
import jp.hyoka.domain.assessment.command.WithholdItemFromPublication;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.ItemPublicationRestored;
import jp.hyoka.domain.assessment.event.ItemWithheldFromPublication;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.ComponentUseNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.domain.rejection.UnknownForm;
import jp.hyoka.domain.rejection.UnknownItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what an edit of a 評価書 means: which events it produces, or why it is refused. Pure: no clock, no
 * store; given the same state and command it always decides the same.
 *
 * <p>An edit that would not change anything (the same answer again, clearing an unanswered item) produces no
 * event, so the history only ever shows real changes.
 */
public final class AssessmentDecider {


    /** Reasons are notes for the audit trail, not documents; this keeps them readable in a history line. */
    public static final int MAX_REASON_LENGTH = 1_000;
    /** A name is at least two characters (山田); one character would mask ordinary words. */
    public static final int MIN_REDACTED_LENGTH = 2;
    public static final int MAX_REDACTED_LENGTH = 200;

    private final FormCatalog forms;
    private final AnswerRules answerRules;
    private final ProcedureCatalog procedures;

    /** A decider that knows no 評価実施手続: no step can be taken and publishing never waits for one. */
    public AssessmentDecider(FormCatalog forms, AnswerRules answerRules) {
        this(forms, answerRules, ProcedureCatalog.NONE);
    }

    public AssessmentDecider(FormCatalog forms, AnswerRules answerRules, ProcedureCatalog procedures) {
        this.forms = Objects.requireNonNull(forms, "forms");
        this.answerRules = Objects.requireNonNull(answerRules, "answerRules");
        this.procedures = Objects.requireNonNull(procedures, "procedures");
    }

    public List<AssessmentEvent> start(StartAssessment command) {
        FormDefinition form = command.formVersion() == null ? forms.current(command.kind())
                : forms.find(new FormRef(command.kind(), command.formVersion())).orElseThrow(() -> new CommandRejected(
                        new UnknownForm(new FormRef(command.kind(), command.formVersion()).toString())));
        String affairName = affairName(form, command.affairName());
        return List.of(new AssessmentStarted(command.assessmentId(), command.tenant(), form.ref(), affairName,
                command.by(), command.at()));
    }

    /**
     * A published document taken over as a new assessment (see {@link DocumentImportDecisions}). It is named by the
     * 事務の名称 its body prints, else by {@code affairName}.
     */
    public List<AssessmentEvent> importDocument(ImportDocument command) {
        FormDefinition form = forms.find(command.form())
                .orElseThrow(() -> new CommandRejected(new UnknownForm(command.form().toString())));
        if (command.body() != null && !command.body().form().equals(form.ref())) {
            throw new CommandRejected(new InvalidInput("form", "the body was read against " + command.body().form()
                    + ", not " + form.ref()));
        }
        String printedName = command.body() == null ? null
                : command.body().text(Assessment.AFFAIR_NAME.value()).orElse(null);
        String affairName = affairName(form, printedName == null ? command.affairName() : printedName);
        return DocumentImportDecisions.decide(form, answerRules, command, affairName, reason(command.reason()));
    }

    public List<AssessmentEvent> answer(Assessment state, AnswerItem command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        FormDefinition form = form(state);
        Item item = item(form, command.itemId().value());
        RepeatEntryDecisions.requireAddress(state, form, item, command.entries());
        Answer accepted = answerRules.accept(item, command.answer());
        Optional<Answer> previous = state.answer(new AnswerKey(command.itemId(), command.entries()));
        if (previous.filter(accepted::equals).isPresent()) {
            return List.of();
        }
        ComponentUseDecisions.requireSectionsKept(state, new AnswerKey(command.itemId(), command.entries()), accepted);
        return List.of(new ItemAnswered(state.id(), state.tenant(), command.itemId(), command.entries(),
                previous.orElse(null), accepted, reason, command.by(), command.at()));
    }

    public List<AssessmentEvent> clear(Assessment state, ClearAnswer command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        FormDefinition form = form(state);
        Item item = item(form, command.itemId().value());
        RepeatEntryDecisions.requireAddress(state, form, item, command.entries());
        if (command.itemId().equals(Assessment.AFFAIR_NAME)) {
            throw new CommandRejected(new InvalidInput("itemId", "事務の名称 (affair.name) names the assessment and cannot be cleared"));
        }
        ComponentUseDecisions.requireSectionsKept(state, new AnswerKey(command.itemId(), command.entries()), null);
        return state.answer(new AnswerKey(command.itemId(), command.entries()))
                .<List<AssessmentEvent>>map(previous -> List.of(new ItemAnswerCleared(state.id(), state.tenant(),
                        command.itemId(), command.entries(), previous, reason, command.by(), command.at())))
                .orElse(List.of());
    }

    public List<AssessmentEvent> addEntry(Assessment state, AddRepeatEntry command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        return RepeatEntryDecisions.add(state, form(state), command, reason);
    }

    public List<AssessmentEvent> moveEntry(Assessment state, MoveRepeatEntry command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        return RepeatEntryDecisions.move(state, form(state), command, reason);
    }

    public List<AssessmentEvent> removeEntry(Assessment state, RemoveRepeatEntry command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        return RepeatEntryDecisions.remove(state, form(state), command, reason);
    }

    /** A published version of a shared component into an item (see {@link ComponentUseDecisions}). */
    public List<AssessmentEvent> insertComponent(Assessment state, InsertComponent command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        FormDefinition form = form(state);
        Item item = item(form, command.itemId().value());
        RepeatEntryDecisions.requireAddress(state, form, item, command.entries());
        return ComponentUseDecisions.insert(state, form, item, answerRules, command, reason);
    }

    public List<AssessmentEvent> adaptComponentText(Assessment state, AdaptComponentText command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        return ComponentUseDecisions.adapt(state, useItem(state, command.useId()), answerRules, command, reason);
    }

    public List<AssessmentEvent> changeComponentMode(Assessment state, ChangeComponentMode command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        return ComponentUseDecisions.changeMode(state, useItem(state, command.useId()), answerRules, command, reason);
    }

    /** Adoption changes the text, so it happens in a draft: a published version is never changed. */
    public List<AssessmentEvent> adoptComponentVersion(Assessment state, AdoptComponentVersion command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        return ComponentUseDecisions.adopt(state, useItem(state, command.useId()), answerRules, command, reason);
    }

    /** Declining or deferring changes no text, so a published document can do it too. */
    public List<AssessmentEvent> declineComponentProposal(Assessment state, DeclineComponentProposal command) {
        return ComponentUseDecisions.decline(state, command, checkEditable(state, command));
    }

    public List<AssessmentEvent> deferComponentProposal(Assessment state, DeferComponentProposal command) {
        return ComponentUseDecisions.defer(state, command, checkEditable(state, command));
    }

    /** A file whose past was imported before (same content hash) is not imported twice. */
    public List<AssessmentEvent> importPast(Assessment state, ImportPastChanges command) {
        String reason = checkEditable(state, command);
        if (state.importedSources().contains(command.contentHash())) {
            return List.of();
        }
        return List.of(new PastChangesImported(state.id(), state.tenant(), command.sourceName(),
                command.contentHash(), command.changes(), reason, command.by(), command.at()));
    }

    /** Moving to the revision the assessment is already on changes nothing. */
    public List<AssessmentEvent> migrate(Assessment state, MigrateFormRevision command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        FormDefinition from = form(state);
        FormRef target = new FormRef(state.form().kind(), command.version());
        FormDefinition to = forms.find(target).orElseThrow(() -> new CommandRejected(new UnknownForm(target.toString())));
        if (target.equals(state.form())) {
            return List.of();
        }
        return List.of(new FormRevisionMigrated(state.id(), state.tenant(), from.ref(), to.ref(),
                FormMigrationPlan.between(from, to, state), reason, command.by(), command.at()));
    }

    /**
     * Publishes the draft: its changes against the version published before, each explained, become the 変更箇所
     * rows of this publication.
     */
    public List<AssessmentEvent> publish(Assessment state, PublishVersion command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        List<AssessmentEvent> events = PublicationDecisions.publish(form(state), state, command, reason);
        ProcedureDecisions.requireDone(state, procedure(state), events);
        return events;
    }

    /** 住民等の意見聴取 opened (see {@link ProcedureDecisions}); the editor prepares the procedure. */
    public List<AssessmentEvent> openPublicComment(Assessment state, OpenPublicComment command) {
        String reason = checkEditable(state, command);
        return ProcedureDecisions.open(state, form(state), procedure(state), answerRules, command, reason);
    }

    public List<AssessmentEvent> closePublicComment(Assessment state, ClosePublicComment command) {
        String reason = checkEditable(state, command);
        return ProcedureDecisions.close(state, form(state), procedure(state), answerRules, command, reason);
    }

    public List<AssessmentEvent> recordThirdPartyReview(Assessment state, RecordThirdPartyReview command) {
        String reason = checkEditable(state, command);
        return ProcedureDecisions.review(state, form(state), procedure(state), answerRules, command, reason);
    }

    public List<AssessmentEvent> submitToCommission(Assessment state, SubmitToCommission command) {
        String reason = checkEditable(state, command);
        return ProcedureDecisions.submit(state, form(state), procedure(state), answerRules, command, reason);
    }

    /**
     * The 事務 ended (DOMAIN.md §3.4): allowed in any state, a draft or a published version; recording again
     * corrects the date. An end after today (in Japan) is refused: the 評価書名 is marked only once it has ended.
     */
    public List<AssessmentEvent> recordAffairEnd(Assessment state, RecordAffairEnd command) {
        String reason = checkEditable(state, command);
        if (command.endedOn() == null) {
            throw new CommandRejected(new InvalidInput("endedOn", "required"));
        }
        LocalDate today = JapaneseDates.dayInJapan(command.at());
        if (command.endedOn().isAfter(today)) {
            throw new CommandRejected(new InvalidInput("endedOn",
                    "the 事務 has not ended yet on " + today + "; record its end once it has"));
        }
        if (command.endedOn().isBefore(JapaneseDates.MY_NUMBER_ACT_IN_FORCE)) {
            throw new CommandRejected(new InvalidInput("endedOn",
                    "before " + JapaneseDates.MY_NUMBER_ACT_IN_FORCE + " (番号法 施行) no 事務 handled 特定個人情報"));
        }
        return List.of(new AffairEnded(state.id(), state.tenant(), command.endedOn(), reason, command.by(),
                command.at()));
    }

    /** The steps the assessment's kind takes before 公表, as the procedure definitions give them. */
    public Procedure procedure(Assessment state) {
        return procedures.of(state.form().kind());
    }

    /** Opens the next version of a published assessment for editing. */
    public List<AssessmentEvent> startNextVersion(Assessment state, StartNextVersion command) {
        String reason = checkEditable(state, command);
        return PublicationDecisions.startNext(state, command, reason);
    }

    /**
     * Withholds a person's data wherever the assessment shows it; allowed in any state, since the past is affected
     * too. The text must be specific enough not to mask ordinary words.
     */
    public List<AssessmentEvent> redact(Assessment state, RedactPersonalData command) {
        String reason = checkEditable(state, command);
        String text = command.text() == null ? "" : PlainText.clean(command.text()).strip();
        if (text.codePointCount(0, text.length()) < MIN_REDACTED_LENGTH) {
            throw new CommandRejected(new InvalidInput("text", "at least " + MIN_REDACTED_LENGTH
                    + " characters: a shorter text would mask ordinary words"));
        }
        if (text.codePointCount(0, text.length()) > MAX_REDACTED_LENGTH) {
            throw new CommandRejected(new InvalidInput("text", "at most " + MAX_REDACTED_LENGTH + " characters"));
        }
        if (reason == null) {
            throw new CommandRejected(new InvalidInput("reason", "a redaction needs its reason (the auditors read it)"));
        }
        return List.of(new PersonalDataRedacted(state.id(), state.tenant(), text, reason, command.by(), command.at()));
    }

    /**
     * Marks an item 非公表 (規則第13条). Like any edit it is made in a draft: a published version is frozen, so
     * withholding a part of it afterwards means the next version (start it, mark, publish) — the public then reads
     * the new publication. The item must exist in the form and the entries must address it; the reason is required.
     * Marking an item already marked changes nothing.
     */
    public List<AssessmentEvent> withholdFromPublication(Assessment state, WithholdItemFromPublication command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        FormDefinition form = form(state);
        RepeatEntryDecisions.requireAddress(state, form, item(form, command.itemId().value()), command.entries());
        if (reason == null) {
            throw new CommandRejected(new InvalidInput("reason",
                    "withholding from publication needs its reason (規則第13条: the security risk publication would create)"));
        }
        if (state.isWithheldFromPublication(new AnswerKey(command.itemId(), command.entries()))) {
            return List.of();
        }
        return List.of(new ItemWithheldFromPublication(state.id(), state.tenant(), command.itemId(), command.entries(),
                reason, command.by(), command.at()));
    }

    /** Takes a 非公表 mark away, in a draft; an item not marked changes nothing. */
    public List<AssessmentEvent> restorePublication(Assessment state, RestoreItemPublication command) {
        String reason = checkEditable(state, command);
        PublicationDecisions.requireDraft(state);
        FormDefinition form = form(state);
        RepeatEntryDecisions.requireAddress(state, form, item(form, command.itemId().value()), command.entries());
        if (!state.isWithheldFromPublication(new AnswerKey(command.itemId(), command.entries()))) {
            return List.of();
        }
        return List.of(new ItemPublicationRestored(state.id(), state.tenant(), command.itemId(), command.entries(),
                reason, command.by(), command.at()));
    }

    /** The changes publishing the draft now would list (none before a first publication), in form order. */
    public List<ItemDifference> pendingChanges(Assessment state) {
        return PublicationDecisions.pending(form(state), state);
    }

    /** Tenant first, then revision: a caller from another municipality must not learn the revision either. */
    private static String checkEditable(Assessment state, RevisionedCommand command) {
        if (!state.tenant().equals(command.tenant())) {
            throw new CommandRejected(new AssessmentNotFound(command.assessmentId().toString()));
        }
        if (command.expectedRevision() != state.revision()) {
            throw new CommandRejected(new StaleRevision(state.id().toString(), command.expectedRevision(), state.revision()));
        }
        return reason(command.reason());
    }

    private FormDefinition form(Assessment state) {
        return forms.find(state.form())
                .orElseThrow(() -> new CommandRejected(new UnknownForm(state.form().toString())));
    }

    /** The item a use is in, refusing an unknown use before anything else is looked at. */
    private Item useItem(Assessment state, String useId) {
        ComponentUse use = state.components().use(useId).orElseThrow(() -> new CommandRejected(
                new ComponentUseNotFound(state.id().toString(), useId)));
        return item(form(state), use.itemId().value());
    }

    private static Item item(FormDefinition form, String itemId) {
        return form.item(new ItemId(itemId))
                .orElseThrow(() -> new CommandRejected(new UnknownItem(itemId, form.ref().toString())));
    }

    private String affairName(FormDefinition form, String requested) {
        String name = requested == null ? "" : PlainText.clean(requested);
        if (name.isEmpty()) {
            throw new CommandRejected(new InvalidInput("affairName", "事務の名称 must not be blank"));
        }
        Optional<Item> nameItem = form.item(Assessment.AFFAIR_NAME);
        return nameItem.map(item -> ((TextAnswer) answerRules.accept(item, new TextAnswer(name))).text()).orElse(name);
    }

    private static String reason(String requested) {
        if (requested == null) {
            return null;
        }
        String reason = PlainText.clean(requested);
        if (reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            throw new CommandRejected(new InvalidInput("reason", "at most " + MAX_REASON_LENGTH + " characters"));
        }
        return reason.isEmpty() ? null : reason;
    }
}
