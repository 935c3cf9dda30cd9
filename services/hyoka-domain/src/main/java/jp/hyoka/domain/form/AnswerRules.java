package jp.hyoka.domain.form;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidDate;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.NumberOutOfRange;
import jp.hyoka.domain.rejection.OptionNotAllowed;
import jp.hyoka.domain.rejection.TextTooLong;
import jp.hyoka.domain.rejection.WrongAnswerType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks an answer against the item it is meant for and returns it in the one form Hyoka stores: plain text
 * without control characters, rich text sanitised, selections in form order. Anything that does not fit is
 * rejected, never coerced.
 */
public final class AnswerRules {

    /** The "( … )" of an option is a short note, not a paragraph. */
    public static final int OPTION_TEXT_LIMIT = 200;
    /** Counts such as "提供を行っている ( N ) 件" are small; the form allows at most 20 blocks, but counts may exceed them. */
    public static final long OPTION_COUNT_LIMIT = 100_000;

    private final RichTextSanitizer sanitizer;

    public AnswerRules(RichTextSanitizer sanitizer) {
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    }

    public Answer accept(Item item, Answer answer) {
        if (answer.type() != item.type().answerType()) {
            throw reject(new WrongAnswerType(item.id().value(), item.type(), answer.type()));
        }
        if (answer instanceof TextAnswer text) {
            return new TextAnswer(withinLimit(item, notBlank(item, PlainText.clean(text.text()))));
        }
        if (answer instanceof RichTextAnswer rich) {
            String html = sanitizer.sanitize(rich.html()).strip();
            if (!new RichTextAnswer(html).hasText()) {
                notBlank(item, "");                         // refused as an empty answer
            }
            return new RichTextAnswer(withinLimit(item, html));
        }
        if (answer instanceof NumberAnswer number
                && (number.value() < item.minimum() || number.value() > item.maximum())) {
            throw reject(new NumberOutOfRange(item.id().value(), item.minimum(), item.maximum(), number.value()));
        }
        if (answer instanceof DateAnswer date && !JapaneseDates.isSupported(date.date())) {
            throw reject(new InvalidDate(date.date().toString()));
        }
        if (answer instanceof ChoiceAnswer choice) {
            Selection selection = selection(item, choice.selection());
            return new ChoiceAnswer(selection.optionCode(), selection.text(), selection.count());
        }
        if (answer instanceof MultiChoiceAnswer multi) {
            return new MultiChoiceAnswer(selections(item, multi.selections()));
        }
        return answer;
    }

    private List<Selection> selections(Item item, List<Selection> given) {
        if (given.isEmpty()) {
            notBlank(item, "");
        }
        Set<String> seen = new HashSet<>();
        List<Selection> accepted = new ArrayList<>();
        for (Selection selection : given) {
            if (!seen.add(selection.optionCode())) {
                throw reject(new InvalidInput("value", "option '" + selection.optionCode() + "' is ticked twice"));
            }
            accepted.add(selection(item, selection));
        }
        List<String> formOrder = item.options().stream().map(ChoiceOption::code).toList();
        accepted.sort((a, b) -> Integer.compare(formOrder.indexOf(a.optionCode()), formOrder.indexOf(b.optionCode())));
        return accepted;
    }

    private Selection selection(Item item, Selection selection) {
        ChoiceOption option = item.option(selection.optionCode()).orElseThrow(() -> reject(new OptionNotAllowed(
                item.id().value(), selection.optionCode(), item.options().stream().map(ChoiceOption::code).toList())));
        String text = selection.text() == null ? null : PlainText.clean(selection.text());
        if (text != null && !text.isEmpty() && !option.freeText()) {
            throw reject(new InvalidInput("value", "option '" + option.code() + "' takes no free text"));
        }
        if (text != null && text.codePointCount(0, text.length()) > OPTION_TEXT_LIMIT) {
            throw reject(new TextTooLong(item.id().value(), OPTION_TEXT_LIMIT, text.codePointCount(0, text.length())));
        }
        if (selection.count() != null && !option.count()) {
            throw reject(new InvalidInput("value", "option '" + option.code() + "' takes no count"));
        }
        if (selection.count() != null && (selection.count() < 0 || selection.count() > OPTION_COUNT_LIMIT)) {
            throw reject(new NumberOutOfRange(item.id().value(), 0, OPTION_COUNT_LIMIT, selection.count()));
        }
        return new Selection(option.code(), text == null || text.isEmpty() ? null : text, selection.count());
    }

    /** An empty answer is not an answer: removing one is ClearAnswer, which the history then shows as such. */
    private static String notBlank(Item item, String text) {
        if (text.isEmpty()) {
            throw reject(new InvalidInput("value", "the answer to '" + item.id().value()
                    + "' is empty; clear the answer instead of setting an empty one"));
        }
        return text;
    }

    private static String withinLimit(Item item, String text) {
        int length = text.codePointCount(0, text.length());
        if (length > item.maxLength()) {
            throw reject(new TextTooLong(item.id().value(), item.maxLength(), length));
        }
        return text;
    }

    private static CommandRejected reject(jp.hyoka.domain.rejection.Rejection rejection) {
        return new CommandRejected(rejection);
    }
}
