package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.ClearAnswer;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.time.Instant;
import java.util.UUID;

/**
 * The Axon adapter only: commands reach the decider, events are folded back, handlers answer the new revision,
 * and commands are routed by the domain's assessment id. Business rules are tested in hyoka-domain.
 */
class AssessmentAggregateTest {

    private static final AssessmentDecider DECIDER = new AssessmentDecider(new ClasspathFormCatalog(),
            new AnswerRules(new JsoupRichTextSanitizer()));

    private static final AssessmentId ID = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000001"));
    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final Actor YAMADA = new Actor("u-1", "山田 太郎");
    private static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2025-04-01T01:00:00Z");
    private static final Instant T2 = Instant.parse("2025-04-01T02:00:00Z");
    private static final String AFFAIR = "住民基本台帳に関する事務";
    private static final ItemId POPULATION = new ItemId("affair.target-population");
    private static final ItemId DEPARTMENT = new ItemId("department.name");
    private static final Answer KAWASAKI_SIZE = new ChoiceAnswer("100k-to-300k");
    private static final Answer SHIMIN = new TextAnswer("市民文化局 区政推進課");

    private FixtureConfiguration<AssessmentAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AssessmentAggregate.class)
                .registerInjectableResource(DECIDER)
                .registerCommandTargetResolver(new AssessmentCommandTargetResolver());
    }

    @Test
    void givenNoPriorActivity_whenStartAssessment_thenAssessmentStartedOnCurrentForm() {
        fixture.givenNoPriorActivity()
                .when(new StartAssessment(ID, KAWASAKI, FormKind.KEY_ITEMS, AFFAIR, YAMADA, T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(started())
                .expectResultMessagePayload(ID.toString());
    }

    @Test
    void givenStarted_whenAnswerItemAtRevision1_thenItemAnsweredAndRevision2() {
        fixture.given(started())
                .when(answer(1, POPULATION, KAWASAKI_SIZE, T1))
                .expectEvents(new ItemAnswered(ID, KAWASAKI, POPULATION, List.of(), null, KAWASAKI_SIZE, null, YAMADA, T1))
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenAnswered_whenClearAnswerAtRevision2_thenItemAnswerClearedAndRevision3() {
        fixture.given(started(), answered(DEPARTMENT, SHIMIN, T1))
                .when(new ClearAnswer(ID, KAWASAKI, 2, DEPARTMENT, List.of(), "記載不要", YAMADA, T2))
                .expectEvents(new ItemAnswerCleared(ID, KAWASAKI, DEPARTMENT, List.of(), SHIMIN, "記載不要", YAMADA, T2))
                .expectResultMessagePayload(3L);
    }

    @Test
    void givenAnsweredThenCleared_whenAnswerAgain_thenNoPreviousAnswerAndRevision4() {
        fixture.given(started(), answered(DEPARTMENT, SHIMIN, T1),
                        new ItemAnswerCleared(ID, KAWASAKI, DEPARTMENT, List.of(), SHIMIN, null, YAMADA, T1))
                .when(answer(3, DEPARTMENT, SHIMIN, T2))
                .expectEvents(new ItemAnswered(ID, KAWASAKI, DEPARTMENT, List.of(), null, SHIMIN, null, YAMADA, T2))
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenRevision2_whenAnswerItemAtStaleRevision1_thenCommandRejectedAndNoEvents() {
        fixture.given(started(), answered(DEPARTMENT, SHIMIN, T1))
                .when(answer(1, POPULATION, KAWASAKI_SIZE, T2))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void givenAnswered_whenSameAnswerAgain_thenNoEventsAndRevisionUnchanged() {
        fixture.given(started(), answered(DEPARTMENT, SHIMIN, T1))
                .when(answer(2, DEPARTMENT, new TextAnswer("市民文化局 区政推進課"), T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    private static AssessmentStarted started() {
        return new AssessmentStarted(ID, KAWASAKI, new FormRef(FormKind.KEY_ITEMS, "2025"), AFFAIR, YAMADA, T0);
    }

    private static ItemAnswered answered(ItemId item, Answer answer, Instant at) {
        return new ItemAnswered(ID, KAWASAKI, item, List.of(), null, answer, null, YAMADA, at);
    }

    private static AnswerItem answer(long expectedRevision, ItemId item, Answer answer, Instant at) {
        return new AnswerItem(ID, KAWASAKI, expectedRevision, item, List.of(), answer, null, YAMADA, at);
    }
}
