package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ClosePublicComment;
import jp.hyoka.domain.assessment.command.OpenPublicComment;
import jp.hyoka.domain.assessment.command.RecordThirdPartyReview;
import jp.hyoka.domain.assessment.command.RevisionedCommand;
import jp.hyoka.domain.assessment.command.SubmitToCommission;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.PublicCommentClosed;
import jp.hyoka.domain.assessment.event.PublicCommentOpened;
import jp.hyoka.domain.assessment.event.SubmittedToCommission;
import jp.hyoka.domain.assessment.event.ThirdPartyReviewRecorded;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.procedure.Procedure;
import jp.hyoka.domain.procedure.ProcedureStep;
import jp.hyoka.domain.procedure.StepDefinition;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.ProcedureStepAlreadyDone;
import jp.hyoka.domain.rejection.ProcedureStepMissing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 評価実施手続 (DOMAIN.md §3.5, §3.6): each step is taken once per version, in the order the kind's procedure
 * (schema/procedures/procedures.json) gives, dated no earlier than the step before it; what it records also answers
 * the form's own procedure items (VI 2, VI 3), so the printed document shows it. Publishing waits for the required
 * steps of a first version and of a re-assessment (a change published 事前); a correction published 事後 does not.
 */
final class ProcedureDecisions {

    /** 指針 第5の2: the 意見聴取 lasts at least 30 days, unless a 特段の理由 for shortening it is stated. */
    static final int MIN_COMMENT_DAYS = 30;

    private ProcedureDecisions() {
    }

    static List<AssessmentEvent> open(Assessment state, FormDefinition form, Procedure procedure, AnswerRules rules,
                                      OpenPublicComment command, String reason) {
        StepDefinition step = requireTakeable(state, form, procedure, ProcedureStep.PUBLIC_COMMENT_OPENED,
                command.from(), "from");
        if (command.to() == null || command.to().isBefore(command.from())) {
            throw new CommandRejected(new InvalidInput("to", "the last day of the period, on or after " + command.from()));
        }
        long days = ChronoUnit.DAYS.between(command.from(), command.to()) + 1;      // both days count
        String shortening = text(command.shorteningReason());
        if (days < MIN_COMMENT_DAYS && shortening == null) {
            throw new CommandRejected(new InvalidInput("shorteningReason", "a period of " + days + " days is under "
                    + MIN_COMMENT_DAYS + " days: state the 期間を短縮する特段の理由 (VI 2 ③)"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("period", JapaneseDates.format(command.from()) + "から" + JapaneseDates.format(command.to())
                + "までの" + days + "日間");
        values.put("shorteningReason", shortening);
        return withFills(new PublicCommentOpened(state.id(), state.tenant(),
                state.lifecycle().version(), command.from(), command.to(), shortening, reason, command.by(),
                command.at()),
                fill(state, form, rules, step, values, command, reason));
    }

    static List<AssessmentEvent> close(Assessment state, FormDefinition form, Procedure procedure, AnswerRules rules,
                                       ClosePublicComment command, String reason) {
        StepDefinition step = requireTakeable(state, form, procedure, ProcedureStep.PUBLIC_COMMENT_CLOSED,
                command.closedOn(), "closedOn");
        LocalDate endsOn = state.procedure().commentEndsOn();
        if (endsOn != null && command.closedOn().isBefore(endsOn)) {
            throw new CommandRejected(new InvalidInput("closedOn", "the comment period runs until " + endsOn));
        }
        String opinions = required(command.opinions(), "opinions", "the main opinions (VI 2 ④), or that there were none");
        String reflection = text(command.reflection());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("opinions", opinions);
        values.put("reflection", reflection);
        return withFills(new PublicCommentClosed(state.id(), state.tenant(),
                state.lifecycle().version(), command.closedOn(), opinions, reflection, reason, command.by(),
                command.at()),
                fill(state, form, rules, step, values, command, reason));
    }

    static List<AssessmentEvent> review(Assessment state, FormDefinition form, Procedure procedure, AnswerRules rules,
                                        RecordThirdPartyReview command, String reason) {
        StepDefinition step = requireTakeable(state, form, procedure, ProcedureStep.THIRD_PARTY_REVIEW,
                command.performedOn(), "performedOn");
        String body = required(command.body(), "body", "who reviewed (e.g. 情報公開・個人情報保護審査会)");
        String method = required(command.method(), "method", "how the review was done");
        String result = required(command.result(), "result", "the review's result (VI 3 ③)");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("performedOn", command.performedOn());
        values.put("method", body + "\n" + method);          // VI 3 ② 方法 names the body, then how
        values.put("result", result);
        return withFills(new ThirdPartyReviewRecorded(state.id(),
                state.tenant(), state.lifecycle().version(), command.performedOn(), body, method, result, reason,
                command.by(), command.at()),
                fill(state, form, rules, step, values, command, reason));
    }

    static List<AssessmentEvent> submit(Assessment state, FormDefinition form, Procedure procedure, AnswerRules rules,
                                        SubmitToCommission command, String reason) {
        StepDefinition step = requireTakeable(state, form, procedure, ProcedureStep.SUBMITTED_TO_COMMISSION,
                command.submittedOn(), "submittedOn");
        return withFills(new SubmittedToCommission(state.id(), state.tenant(),
                state.lifecycle().version(), command.submittedOn(), reason, command.by(), command.at()),
                fill(state, form, rules, step, Map.of("submittedOn", command.submittedOn()), command, reason));
    }

    /**
     * Refuses publishing while a required step is missing: for a first version, and for a next version that is a
     * re-assessment ({@link Reassessments}: a change published 事前, or a new ①実施日). A correction (every change
     * 事後, a ※ one too when the approver explains it does not vary the risk, DOMAIN.md §3.4) waits for nothing. The
     * same test makes a publication a re-assessment for the deadlines (rm_publication).
     */
    static void requireDone(Assessment state, Procedure procedure, List<AssessmentEvent> publication) {
        requireNotBeforeSubmission(state, publication);
        boolean reassessment = publication.stream().filter(VersionPublished.class::isInstance)
                .map(VersionPublished.class::cast).anyMatch(Reassessments::isReassessment);
        if (state.lifecycle().everPublished() && !reassessment) {
            return;
        }
        Optional<ProcedureStep> missing = procedure.firstMissingRequired(state.procedure().doneOn().keySet());
        if (missing.isPresent()) {
            throw new CommandRejected(new ProcedureStepMissing(state.id().toString(), missing.get().name()));
        }
    }

    /** 公表 follows 提出 (DOMAIN.md §3.6): a 公表日 before this version's recorded submission is refused. */
    private static void requireNotBeforeSubmission(Assessment state, List<AssessmentEvent> publication) {
        LocalDate submitted = state.procedure().doneOn().get(ProcedureStep.SUBMITTED_TO_COMMISSION);
        publication.stream().filter(VersionPublished.class::isInstance).map(VersionPublished.class::cast)
                .filter(published -> submitted != null && published.publishedOn().isBefore(submitted))
                .findFirst().ifPresent(published -> {
                    throw new CommandRejected(new InvalidInput("publishedOn", "公表日 " + published.publishedOn()
                            + " is before the submission to the 委員会 on " + submitted));
                });
    }

    /** The step's definition, once the draft, the kind, the order and the date allow taking it now. */
    private static StepDefinition requireTakeable(Assessment state, FormDefinition form, Procedure procedure,
                                                  ProcedureStep step, LocalDate on, String dateField) {
        PublicationDecisions.requireDraft(state);
        StepDefinition definition = procedure.step(step).orElseThrow(() -> new CommandRejected(new InvalidInput(
                "step", "a " + form.ref().kind().japaneseName() + " has no procedure step " + step)));
        Optional<LocalDate> done = state.procedure().doneOn(step);
        if (done.isPresent()) {
            throw new CommandRejected(new ProcedureStepAlreadyDone(state.id().toString(), step.name(), done.get()));
        }
        for (ProcedureStep before : definition.after()) {
            if (state.procedure().doneOn(before).isEmpty()) {
                throw new CommandRejected(new ProcedureStepMissing(state.id().toString(), before.name()));
            }
        }
        if (on == null) {
            throw new CommandRejected(new InvalidInput(dateField, "the date is required"));
        }
        Optional<LocalDate> latest = state.procedure().latest();
        if (latest.isPresent() && on.isBefore(latest.get())) {
            throw new CommandRejected(new InvalidInput(dateField, on + " is before the previous step's " + latest.get()));
        }
        return definition;
    }

    /** The step's own event first, then the answers of the items it fills. */
    private static List<AssessmentEvent> withFills(AssessmentEvent step, List<AssessmentEvent> answers) {
        List<AssessmentEvent> events = new ArrayList<>(List.of(step));
        events.addAll(answers);
        return events;
    }

    /** The items the step fills, answered with its values; an item the form revision lacks is left out. */
    private static List<AssessmentEvent> fill(Assessment state, FormDefinition form, AnswerRules rules,
                                              StepDefinition step, Map<String, Object> values,
                                              RevisionedCommand command, String reason) {
        List<AssessmentEvent> events = new ArrayList<>();
        for (Map.Entry<String, ItemId> fill : step.fills().entrySet()) {
            Object value = values.get(fill.getKey());
            Optional<Item> item = form.item(fill.getValue());
            if (value == null || item.isEmpty()) {
                continue;
            }
            Answer accepted = rules.accept(item.get(), answer(item.get(), value));
            AnswerKey key = AnswerKey.of(fill.getValue());
            Optional<Answer> previous = state.answer(key);
            if (previous.filter(accepted::equals).isPresent()) {
                continue;
            }
            ComponentUseDecisions.requireSectionsKept(state, key, accepted);
            events.add(new ItemAnswered(state.id(), state.tenant(), fill.getValue(), List.of(), previous.orElse(null),
                    accepted, reason, command.by(), command.at()));
        }
        return events;
    }

    private static Answer answer(Item item, Object value) {
        return switch (item.type()) {
            case DATE -> new DateAnswer((LocalDate) value);
            case TEXT -> new TextAnswer(value.toString());
            case RICH_TEXT -> new RichTextAnswer(paragraphs(value.toString()));
            default -> throw new IllegalStateException("a procedure step cannot fill " + item.id() + " of type "
                    + item.type() + "; see schema/procedures/procedures.json");
        };
    }

    /** Plain text as rich text: each line a paragraph, escaped. */
    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                html.append("<p>").append(line.strip().replace("&", "&amp;").replace("<", "&lt;")
                        .replace(">", "&gt;")).append("</p>");
            }
        }
        return html.toString();
    }

    private static String required(String given, String field, String what) {
        String text = text(given);
        if (text == null) {
            throw new CommandRejected(new InvalidInput(field, "required: " + what));
        }
        return text;
    }

    /** Cleaned text, line breaks kept; null when blank. */
    private static String text(String given) {
        if (given == null) {
            return null;
        }
        String text = String.join("\n", given.lines().map(PlainText::clean).map(String::strip).toList()).strip();
        return text.isEmpty() ? null : text;
    }
}
