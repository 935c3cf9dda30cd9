package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;

import java.util.Optional;

/** The value cell of an item row: what the published documents print for each kind of answer. */
final class TsvValue {

    private TsvValue() {
    }

    /** Empty for an unanswered item: the row still shows the label, and an import finds nothing to take over. */
    static String cell(Item item, Optional<Answer> answer) {
        return answer.map(a -> TsvCell.of(text(item, a))).orElse("");
    }

    /**
     * Plain text as it is, rich text as its stored HTML (sanitised when it was accepted), dates in 和暦 with 元年 as
     * the documents print them, selections as {@link TsvChoiceCell} writes them.
     */
    private static String text(Item item, Answer answer) {
        if (answer instanceof TextAnswer text) {
            return text.text();
        }
        if (answer instanceof RichTextAnswer rich) {
            return rich.html();
        }
        if (answer instanceof NumberAnswer number) {
            return Long.toString(number.value());
        }
        if (answer instanceof DateAnswer date) {
            return JapaneseDates.format(date.date());
        }
        if (answer instanceof ChoiceAnswer choice) {
            return TsvChoiceCell.single(item, choice);
        }
        return TsvChoiceCell.multiple(item, (MultiChoiceAnswer) answer);
    }
}
