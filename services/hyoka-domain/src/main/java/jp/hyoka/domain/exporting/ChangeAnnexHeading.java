package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Section;

import java.util.List;
import java.util.regex.Pattern;

/** The heading and column titles of the 変更箇所 annex (DOMAIN.md §4.1). */
final class ChangeAnnexHeading {

    /** The six official columns, in order. */
    static final List<String> COLUMNS = List.of("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明");

    private static final Pattern NUMBERED_ANNEX = Pattern.compile("\\(別添\\d+\\)");

    private ChangeAnnexHeading() {
    }

    /**
     * "(別添2) 変更箇所" in 重点, "(別添3) 変更箇所" in 全項目: the annex comes after the form's other numbered
     * annexes, so its number is one more than theirs. A form without numbered annexes (基礎) prints "(別添) 変更箇所".
     */
    static String of(FormDefinition form) {
        long annexes = form.sections().stream().map(Section::number)
                .filter(number -> NUMBERED_ANNEX.matcher(number.strip()).matches()).count();
        return annexes == 0 ? "(別添) 変更箇所" : "(別添" + (annexes + 1) + ") 変更箇所";
    }
}
