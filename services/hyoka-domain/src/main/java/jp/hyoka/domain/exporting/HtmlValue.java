package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** The value cell of an item in the HTML page. */
final class HtmlValue {

    static final String TICKED = "☑";
    static final String UNTICKED = "☐";

    private HtmlValue() {
    }

    /**
     * Rich text is inserted as stored: it was sanitised when it was accepted, and its lists and tables are the point.
     * Everything else is escaped. A choice item shows every option with its box, ticked or not, as the printed form
     * does — also when it is unanswered, so that the reader sees the options to choose from. A choice item holding
     * text is one withheld from the public version (PublicVersion): its wording, not boxes that would look unticked.
     */
    static String of(Item item, Optional<Answer> answer) {
        boolean withheldChoice = answer.isPresent() && answer.get() instanceof TextAnswer;
        if ((item.type() == ItemType.SINGLE_CHOICE || item.type() == ItemType.MULTIPLE_CHOICE) && !withheldChoice) {
            return options(item, selections(answer));
        }
        if (answer.isEmpty()) {
            return "";
        }
        Answer value = answer.get();
        if (value instanceof TextAnswer text) {
            return HtmlText.lines(text.text());
        }
        if (value instanceof RichTextAnswer rich) {
            return rich.html();
        }
        if (value instanceof NumberAnswer number) {
            return Long.toString(number.value());
        }
        if (value instanceof DateAnswer date) {
            return HtmlText.escape(JapaneseDates.format(date.date()));
        }
        return HtmlText.escape(value.plainText());
    }

    private static List<Selection> selections(Optional<Answer> answer) {
        if (answer.isPresent() && answer.get() instanceof ChoiceAnswer choice) {
            return List.of(new Selection(choice.optionCode(), choice.text(), choice.count()));
        }
        if (answer.isPresent() && answer.get() instanceof MultiChoiceAnswer multi) {
            return multi.selections();
        }
        return List.of();
    }

    private static String options(Item item, List<Selection> selections) {
        StringJoiner cell = new StringJoiner(" ");
        for (ChoiceOption option : item.options()) {
            Selection selection = selections.stream().filter(s -> s.optionCode().equals(option.code()))
                    .findFirst().orElse(null);
            cell.add("<span class=\"option\">" + (selection != null ? TICKED : UNTICKED) + " "
                    + HtmlText.escape(option.label() + OptionDetail.of(option, selection)) + "</span>");
        }
        return cell.toString();
    }
}
