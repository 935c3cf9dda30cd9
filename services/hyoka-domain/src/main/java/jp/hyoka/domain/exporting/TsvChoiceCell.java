package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Selection;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Selection cells in the shapes the published samples use and {@code importing.SelectionCells} decodes back into
 * the same answer (DOMAIN.md §2.3).
 */
final class TsvChoiceCell {

    private static final String TICKED = "[<input checked=\"\" type=\"checkbox\"/>]";
    private static final String UNTICKED = "[<input type=\"checkbox\"/>]";
    /** A parenthesised part of an option label, ASCII or full-width: "(フラッシュメモリを除く。)", "（内部番号）". */
    private static final Pattern LABEL_NOTE = Pattern.compile("\\([^()]*\\)|（[^（）]*）");

    private TsvChoiceCell() {
    }

    /**
     * "[委託する (6) 件] <選択肢> 1) 委託する 2) 委託しない": the chosen option in brackets, then every option in form
     * order. The free text or count goes inside the brackets: the decoder reads a bracketed value with its detail,
     * but drops everything from "<選択肢>" on, so a detail after the list would be lost.
     */
    static String single(Item item, ChoiceAnswer answer) {
        Selection selection = new Selection(answer.optionCode(), answer.text(), answer.count());
        Optional<ChoiceOption> chosen = item.option(answer.optionCode());
        String value = chosen.map(option -> option.label() + OptionDetail.of(option, selection))
                .orElse(answer.optionCode());
        StringJoiner list = new StringJoiner(" ", " <選択肢> ", "");
        List<ChoiceOption> options = item.options();
        for (int i = 0; i < options.size(); i++) {
            list.add((i + 1) + ") " + options.get(i).label());
        }
        return "[" + value + "]" + list;
    }

    /**
     * "[&lt;input checked="" type="checkbox"/&gt;] 紙 [&lt;input type="checkbox"/&gt;] 電子メール …": every option in
     * form order behind its box, ticked ones with {@code checked} (the decoder reads a radio button as ticked even
     * without it, so checkboxes are used for both states).
     *
     * <p>An unticked option is printed without the parenthesised part of its label ("電子記録媒体" for
     * "電子記録媒体(フラッシュメモリを除く。)"): the decoder takes any non-empty "( … )" after a box for a filled-in
     * free text and ticks the option, label or not. It matches labels with that part removed, so the option is
     * still recognised.
     */
    static String multiple(Item item, MultiChoiceAnswer answer) {
        StringJoiner cell = new StringJoiner(" ");
        for (ChoiceOption option : item.options()) {
            Selection selection = answer.selections().stream()
                    .filter(s -> s.optionCode().equals(option.code())).findFirst().orElse(null);
            String label = selection != null ? option.label() : LABEL_NOTE.matcher(option.label()).replaceAll("");
            cell.add((selection != null ? TICKED : UNTICKED) + " " + label + OptionDetail.of(option, selection));
        }
        return cell.toString();
    }
}
