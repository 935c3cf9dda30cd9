package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Selection;

import java.util.stream.Collectors;

/**
 * An answer as a person reads it in a 変更箇所 row or a diff: options by their label with free text and counts as the
 * form prints them ("その他 (デジタル庁)", "提供を行っている (3) 件"), dates in 和暦, rich text without markup.
 */
public final class AnswerText {

    private AnswerText() {
    }

    /** Empty for no answer. */
    public static String of(Item item, Answer answer) {
        if (answer == null) {
            return "";
        }
        if (answer instanceof DateAnswer date) {
            return JapaneseDates.format(date.date());
        }
        if (answer instanceof ChoiceAnswer choice) {
            return selection(item, new Selection(choice.optionCode(), choice.text(), choice.count()));
        }
        if (answer instanceof MultiChoiceAnswer multi) {
            return multi.selections().stream().map(s -> selection(item, s)).collect(Collectors.joining("、"));
        }
        return answer.plainText().strip();
    }

    private static String selection(Item item, Selection selection) {
        String label = item.option(selection.optionCode()).map(o -> o.label()).orElse(selection.optionCode());
        return label + (selection.text() == null ? "" : " (" + selection.text() + ")")
                + (selection.count() == null ? "" : " (" + selection.count() + ") 件");
    }
}
