package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.Section;

/** Labels as the official 様式 prints them, rebuilt from the form data that keeps their parts apart. */
final class PrintedLabels {

    private PrintedLabels() {
    }

    /**
     * "①ファイルの種類 ※": the form keeps the circled number in {@link Item#number()} ("II 2 ①") and the ※ as
     * {@link Item#importantChange()}, so that labels match across kinds; the print puts them back together.
     * {@code numberPrinted} says the circled number was already printed for this run of items — by the item before
     * ("③対象となる本人の範囲 ※" then "その必要性") or by their heading ("④使用の主体" over 使用部署 and 使用者数) —
     * and the samples do not repeat it.
     */
    static String item(Item item, boolean numberPrinted) {
        return (numberPrinted ? "" : circledNumber(item.number())) + labelWithMarker(item);
    }

    /** "ファイルの種類 ※": for layouts that print the numbering in a column of its own. */
    static String labelWithMarker(Item item) {
        return item.label() + (item.importantChange() ? " ※" : "");
    }

    /** "I 基本情報", "(別添1) 特定個人情報ファイル記録項目". */
    static String section(Section section) {
        return joined(section.number(), section.label());
    }

    /** "1. 特定個人情報ファイルを取り扱う事務", "2. リスク1 目的外の入手が行われるリスク". */
    static String block(Block block) {
        return joined(block.number(), block.label());
    }

    /** The last token of an item number if it is a circled number (① … ⑳, ㉑ … ㊿); empty otherwise ("II 4"). */
    static String circledNumber(String number) {
        String trimmed = number.strip();
        String last = trimmed.substring(trimmed.lastIndexOf(' ') + 1);
        return last.codePointCount(0, last.length()) == 1 && isCircled(last.codePointAt(0)) ? last : "";
    }

    /** The circled number a heading starts with ("④使用の主体" → "④"); empty if none ("再委託"). */
    static String leadingCircledNumber(String heading) {
        String trimmed = heading.strip();
        return !trimmed.isEmpty() && isCircled(trimmed.codePointAt(0))
                ? new String(Character.toChars(trimmed.codePointAt(0))) : "";
    }

    private static boolean isCircled(int codePoint) {
        return (codePoint >= 0x2460 && codePoint <= 0x2473) || (codePoint >= 0x3251 && codePoint <= 0x325F)
                || (codePoint >= 0x32B1 && codePoint <= 0x32BF);
    }

    private static String joined(String number, String label) {
        return (number.strip() + " " + label.strip()).strip();
    }
}
