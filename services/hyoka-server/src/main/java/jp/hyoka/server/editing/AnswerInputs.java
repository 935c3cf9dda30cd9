package jp.hyoka.server.editing;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.InvalidDate;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the AnswerInput of a mutation: exactly one value field set (a {@code @oneOf} input), which names the answer's
 * type; a SINGLE_CHOICE {@code selection} and each MULTIPLE_CHOICE {@code choices} entry are both a SelectionInput.
 */
final class AnswerInputs {

    /** Either the answer, or why the input is not one. */
    record Parsed(Answer answer, Rejection problem) {
    }

    private AnswerInputs() {
    }

    @SuppressWarnings("unchecked")
    static Parsed parse(Object value) {
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
            String date = (String) input.get("date");
            var parsed = JapaneseDates.parse(date);
            if (parsed.isEmpty()) {
                return new Parsed(null, new InvalidDate(date));
            }
            given.add(new DateAnswer(parsed.get()));
        }
        if (input.get("selection") != null) {
            Selection selection = selection(input.get("selection"));
            given.add(new ChoiceAnswer(selection.optionCode(), selection.text(), selection.count()));
        }
        if (input.get("choices") != null) {
            List<Selection> selections = new ArrayList<>();
            for (Object selection : (List<Object>) input.get("choices")) {
                selections.add(selection(selection));
            }
            given.add(new MultiChoiceAnswer(selections));
        }
        // graphql-java refuses a second field before execution (AnswerInput is @oneOf); this stays for any caller
        // that hands a map in without the schema's coercion.
        return given.size() == 1 ? new Parsed(given.get(0), null)
                : new Parsed(null, new InvalidInput("value",
                "set exactly one of text, richText, number, date, selection, choices"));
    }

    @SuppressWarnings("unchecked")
    private static Selection selection(Object value) {
        Map<String, Object> selection = (Map<String, Object>) value;
        return new Selection(selection.get("code").toString(), (String) selection.get("text"),
                count(selection.get("count")));
    }

    private static Long count(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
