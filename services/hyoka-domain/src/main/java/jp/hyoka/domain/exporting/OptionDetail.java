package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.Selection;

/**
 * The "( … )" free text and "( N ) 件" count that follow an option taking one, as the samples print them:
 * "その他 (GPRIME介護保険システム)", "移転を行っている (4) 件", and "その他 ()", "提供を行っている () 件" where nothing
 * is filled in. An empty pair is printed, not left out, because the official form shows the blank to fill.
 */
final class OptionDetail {

    private OptionDetail() {
    }

    /** The detail of an option with a leading space, or "" if it takes none; {@code selection} is null if unticked. */
    static String of(ChoiceOption option, Selection selection) {
        String text = selection == null ? null : selection.text();
        Long count = selection == null ? null : selection.count();
        StringBuilder detail = new StringBuilder();
        if (option.freeText() || text != null) {
            detail.append(" (").append(text == null ? "" : text).append(')');
        }
        if (option.count() || count != null) {
            detail.append(" (").append(count == null ? "" : count).append(") 件");
        }
        return detail.toString();
    }
}
