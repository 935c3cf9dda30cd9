package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AssessmentCommand;
import jp.hyoka.domain.assessment.command.ClosePublicComment;
import jp.hyoka.domain.assessment.command.OpenPublicComment;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.RecordThirdPartyReview;
import jp.hyoka.domain.assessment.command.StartNextVersion;
import jp.hyoka.domain.assessment.command.SubmitToCommission;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.procedure.Procedure;
import jp.hyoka.domain.procedure.ProcedureCatalog;
import jp.hyoka.domain.procedure.ProcedureStep;
import jp.hyoka.domain.procedure.StepDefinition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.procedure.ProcedureStep.*;

/**
 * Forms with the procedure items of VI 2 / VI 3 (the 重点 one without ③ and ⑤, as in the real forms) and the
 * procedures of schema/procedures/procedures.json, written out here: the domain reads no files.
 */
final class ProcedureFixtures {

    static final ItemId PERIOD = new ItemId("procedure.public-comment.period");
    static final ItemId SHORTENING = new ItemId("procedure.public-comment.shortening-reason");
    static final ItemId OPINIONS = new ItemId("procedure.public-comment.main-opinions");
    static final ItemId REFLECTION = new ItemId("procedure.public-comment.reflection");
    static final ItemId REVIEWED_ON = new ItemId("procedure.third-party-review.performed-on");
    static final ItemId REVIEW_METHOD = new ItemId("procedure.third-party-review.method");
    static final ItemId REVIEW_RESULT = new ItemId("procedure.third-party-review.result");

    static final LocalDate JUNE_1 = LocalDate.of(2025, 6, 1);

    static final ProcedureCatalog PROCEDURES = new ProcedureCatalog(Map.of(
            FormKind.ALL_ITEMS, new Procedure(List.of(
                    step(PUBLIC_COMMENT_OPENED, true, List.of(), fills("period", PERIOD, "shorteningReason", SHORTENING)),
                    step(PUBLIC_COMMENT_CLOSED, true, List.of(PUBLIC_COMMENT_OPENED),
                            fills("opinions", OPINIONS, "reflection", REFLECTION)),
                    step(THIRD_PARTY_REVIEW, true, List.of(PUBLIC_COMMENT_CLOSED), reviewFills()),
                    step(SUBMITTED_TO_COMMISSION, true, List.of(THIRD_PARTY_REVIEW), fills()))),
            FormKind.KEY_ITEMS, new Procedure(List.of(
                    step(PUBLIC_COMMENT_OPENED, false, List.of(), fills("period", PERIOD)),
                    step(PUBLIC_COMMENT_CLOSED, false, List.of(PUBLIC_COMMENT_OPENED), fills("opinions", OPINIONS)),
                    step(THIRD_PARTY_REVIEW, false, List.of(), reviewFills()),
                    step(SUBMITTED_TO_COMMISSION, false, List.of(), fills()))),
            FormKind.BASIC_ITEMS, new Procedure(List.of(step(SUBMITTED_TO_COMMISSION, false, List.of(), fills())))));

    static final FormCatalog FORMS = new FormCatalog() {
        @Override
        public Optional<FormDefinition> find(FormRef ref) {
            return Optional.of(current(ref.kind())).filter(form -> form.ref().equals(ref));
        }

        @Override
        public FormDefinition current(FormKind kind) {
            return form(kind);
        }
    };

    private ProcedureFixtures() {
    }

    static DeciderSpec spec() {
        return new DeciderSpec(decider());
    }

    static AssessmentDecider decider() {
        return new AssessmentDecider(FORMS, new AnswerRules(SANITIZER), PROCEDURES);
    }

    /** The history after the commands, each decided on the state before it. */
    static AssessmentEvent[] taken(AssessmentEvent[] history, AssessmentCommand... commands) {
        List<AssessmentEvent> all = new ArrayList<>(List.of(history));
        for (AssessmentCommand command : commands) {
            DeciderSpec spec = spec().given(all.toArray(AssessmentEvent[]::new)).when(command);
            all.addAll(spec.thenProduced());
        }
        return all.toArray(AssessmentEvent[]::new);
    }

    static AssessmentEvent[] started(FormKind kind) {
        return new AssessmentEvent[]{new AssessmentStarted(ALL_ID, KAWASAKI, formRef(kind), AFFAIR, YAMADA, T0)};
    }

    /** The revision after a history: one per event. */
    static long revision(AssessmentEvent[] history) {
        return history.length;
    }

    static OpenPublicComment open(AssessmentEvent[] history, LocalDate from, LocalDate to, String shortening) {
        return new OpenPublicComment(ALL_ID, KAWASAKI, revision(history), from, to, shortening, null, YAMADA, T1);
    }

    static ClosePublicComment close(AssessmentEvent[] history, LocalDate on, String opinions, String reflection) {
        return new ClosePublicComment(ALL_ID, KAWASAKI, revision(history), on, opinions, reflection, null, YAMADA, T1);
    }

    static RecordThirdPartyReview review(AssessmentEvent[] history, LocalDate on) {
        return new RecordThirdPartyReview(ALL_ID, KAWASAKI, revision(history), on, "川崎市情報公開運営審議会",
                "評価書の記載内容について審議", "適合している", null, YAMADA, T1);
    }

    static SubmitToCommission submit(AssessmentEvent[] history, LocalDate on) {
        return new SubmitToCommission(ALL_ID, KAWASAKI, revision(history), on, null, YAMADA, T1);
    }

    static PublishVersion publish(AssessmentEvent[] history, LocalDate on) {
        return new PublishVersion(ALL_ID, KAWASAKI, revision(history), on, List.of(), null, YAMADA, T2);
    }

    static StartNextVersion next(AssessmentEvent[] history) {
        return new StartNextVersion(ALL_ID, KAWASAKI, revision(history), null, YAMADA, T2);
    }

    /** A 全項目 draft through every step: comment 6/1–6/30, closed 7/1, reviewed 7/15, submitted 8/1. */
    static AssessmentEvent[] allStepsTaken(FormKind kind) {
        AssessmentEvent[] history = started(kind);
        history = taken(history, open(history, JUNE_1, JUNE_1.plusDays(29), null));
        history = taken(history, close(history, LocalDate.of(2025, 7, 1), "意見なし", "反映すべき意見なし"));
        history = taken(history, review(history, LocalDate.of(2025, 7, 15)));
        return taken(history, submit(history, LocalDate.of(2025, 8, 1)));
    }

    private static Map<String, ItemId> reviewFills() {
        return fills("performedOn", REVIEWED_ON, "method", REVIEW_METHOD, "result", REVIEW_RESULT);
    }

    /** Value name → item, in the order given (the order the items are answered in). */
    private static Map<String, ItemId> fills(Object... pairs) {
        Map<String, ItemId> fills = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fills.put((String) pairs[i], (ItemId) pairs[i + 1]);
        }
        return fills;
    }

    private static StepDefinition step(ProcedureStep step, boolean required, List<ProcedureStep> after,
                                       Map<String, ItemId> fills) {
        return new StepDefinition(step, step.name(), required, after, fills);
    }

    private static FormDefinition form(FormKind kind) {
        List<ChoiceOption> population = List.of(new ChoiceOption("under-1k", "1,000人未満"),
                new ChoiceOption("300k-plus", "30万人以上"));
        List<Item> procedure = new ArrayList<>(List.of(text(PERIOD, "VI 2 ②", ItemType.TEXT)));
        if (kind == FormKind.ALL_ITEMS) {
            procedure.add(text(SHORTENING, "VI 2 ③", ItemType.RICH_TEXT));
        }
        procedure.add(text(OPINIONS, "VI 2 ④", ItemType.RICH_TEXT));
        if (kind == FormKind.ALL_ITEMS) {
            procedure.add(text(REFLECTION, "VI 2 ⑤", ItemType.RICH_TEXT));
        }
        procedure.add(new Item(REVIEWED_ON, "VI 3 ①", "実施日", ItemType.DATE, false, 0, null, 0, 0, null));
        procedure.add(text(REVIEW_METHOD, "VI 3 ②", ItemType.RICH_TEXT));
        procedure.add(text(REVIEW_RESULT, "VI 3 ③", ItemType.RICH_TEXT));
        List<Section> sections = List.of(Section.of("basic", "I", "基本情報", List.of(
                        new Item(AFFAIR_NAME, "I 1 ①", "事務の名称", ItemType.TEXT, true, 200, null, 0, 0, null),
                        new Item(POPULATION, "I 2", "対象人数", ItemType.SINGLE_CHOICE, true, 0, population, 0, 0, null),
                        new Item(PUBLISHED_ON, "", "公表日", ItemType.DATE, false, 0, null, 0, 0, null),
                        new Item(PROVISION_COUNT, "II 5", "提供先の数", ItemType.NUMBER, false, 0, null, 0, 1000, null))),
                Section.of("assessment-procedure", "VI", "評価実施手続", procedure));
        return new FormDefinition(formRef(kind), kind.japaneseName() + " (test)", sections);
    }

    private static Item text(ItemId id, String number, ItemType type) {
        return new Item(id, number, id.value(), type, false, 2000, null, 0, 0, null);
    }
}
