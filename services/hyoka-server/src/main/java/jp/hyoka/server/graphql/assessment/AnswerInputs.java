package jp.hyoka.server.graphql.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.InvalidInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the AnswerInput of a mutation: exactly one field set, which names the answer's type. */
final class AnswerInputs {

    private AnswerInputs() {
    }

    @SuppressWarnings("unchecked")
    static Optional<Answer> parse(Object value) {
        Map<String, Object> input = (Map<String, Object>) value;
        List<Answer> given = new ArrayList<>();
        if (input.get("text") != null) {
            given.add(new TextAnswer((String) input.get("text")));
        }
        if (input.get("richText") != null) {
            given.add(new RichTextAnswer((String) input.get("richText")));
        }
        if (input.get("number") != null) {
            given.add(new NumberAnswer(((Number) input.get("number")).longValue()));
        }
        if (input.get("date") != null) {
            given.add(new DateAnswer((LocalDate) input.get("date")));
        }
        if (input.get("choice") != null) {
            given.add(new ChoiceAnswer(input.get("choice").toString()));
        }
        return given.size() == 1 ? Optional.of(given.get(0)) : Optional.empty();
    }

    static InvalidInput notExactlyOne() {
        return new InvalidInput("value", "set exactly one of text, richText, number, date, choice");
    }
}
