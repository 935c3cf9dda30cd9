package jp.hyoka.server.forms;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.procedure.Procedure;
import jp.hyoka.domain.procedure.ProcedureCatalog;
import jp.hyoka.domain.procedure.ProcedureStep;
import jp.hyoka.domain.procedure.StepDefinition;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped procedures.json read into the domain's model: the 全項目 path required, the others 【任意】. */
class ClasspathProceduresTest {

    private final ProcedureCatalog procedures = ClasspathProcedures.load();

    @Test
    void givenTheShippedFile_whenLoaded_thenTheAllItemsStepsAreRequiredInOrderAndFillVI2AndVI3() {
        Procedure all = procedures.of(FormKind.ALL_ITEMS);

        assertThat(all.steps()).extracting(StepDefinition::step).containsExactly(ProcedureStep.PUBLIC_COMMENT_OPENED,
                ProcedureStep.PUBLIC_COMMENT_CLOSED, ProcedureStep.THIRD_PARTY_REVIEW,
                ProcedureStep.SUBMITTED_TO_COMMISSION);
        assertThat(all.steps()).allMatch(StepDefinition::required);
        assertThat(all.step(ProcedureStep.PUBLIC_COMMENT_OPENED).orElseThrow().fills())
                .containsEntry("shorteningReason", new ItemId("procedure.public-comment.shortening-reason"));
        assertThat(all.step(ProcedureStep.THIRD_PARTY_REVIEW).orElseThrow().after())
                .containsExactly(ProcedureStep.PUBLIC_COMMENT_CLOSED);
        assertThat(all.firstMissingRequired(Set.of(ProcedureStep.PUBLIC_COMMENT_OPENED)))
                .contains(ProcedureStep.PUBLIC_COMMENT_CLOSED);
    }

    @Test
    void givenTheShippedFile_whenLoaded_thenKeyAndBasicItemsHaveNoRequiredStep() {
        assertThat(procedures.of(FormKind.KEY_ITEMS).firstMissingRequired(Set.of())).isEmpty();
        assertThat(procedures.of(FormKind.BASIC_ITEMS).firstMissingRequired(Set.of())).isEmpty();
        assertThat(procedures.of(FormKind.KEY_ITEMS).step(ProcedureStep.PUBLIC_COMMENT_CLOSED).orElseThrow().after())
                .containsExactly(ProcedureStep.PUBLIC_COMMENT_OPENED);
    }
}
