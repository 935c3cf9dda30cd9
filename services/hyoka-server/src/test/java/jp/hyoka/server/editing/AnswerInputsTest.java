package jp.hyoka.server.editing;

import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.rejection.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AnswerInput map as graphql-java hands it over: selection and choices read alike; anything but one is refused. */
class AnswerInputsTest {

    @Test
    void givenSelectionWithTextAndCount_whenParsed_thenAChoiceAnswerCarriesBoth() {
        AnswerInputs.Parsed parsed = AnswerInputs.parse(Map.of("selection",
                Map.of("code", "other", "text", "団体内統合宛名システム", "count", 3)));

        assertThat(parsed.problem()).isNull();
        assertThat(parsed.answer()).isEqualTo(new ChoiceAnswer("other", "団体内統合宛名システム", 3L));
    }

    @Test
    void givenChoices_whenParsed_thenAMultiChoiceAnswerKeepsTheirOrder() {
        Map<String, Object> withoutCount = new HashMap<>(Map.of("code", "email"));
        withoutCount.put("count", null);
        AnswerInputs.Parsed parsed = AnswerInputs.parse(Map.of("choices",
                List.of(Map.of("code", "providing", "count", 12), withoutCount)));

        assertThat(parsed.answer()).isEqualTo(new MultiChoiceAnswer(List.of(
                new Selection("providing", null, 12L), new Selection("email", null, null))));
    }

    @Test
    void givenTwoMembersWithoutTheSchemasCoercion_whenParsed_thenInvalidInput() {
        AnswerInputs.Parsed parsed = AnswerInputs.parse(Map.of("text", "a", "selection", Map.of("code", "b")));

        assertThat(parsed.answer()).isNull();
        assertThat(parsed.problem()).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) parsed.problem()).field()).isEqualTo("value");
    }

    @Test
    void givenNoMember_whenParsed_thenInvalidInput() {
        assertThat(AnswerInputs.parse(Map.of()).problem()).isInstanceOf(InvalidInput.class);
    }
}
