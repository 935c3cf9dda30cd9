package jp.hyoka.domain.importing;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What a PDF-to-text extraction leaves of the printed page between the rows of a 評価書: page numbers ("- 12 -",
 * "－１２－", "12/40", "12 / 40", "12ページ", "p. 12") and the document's title repeated as a running header
 * ("特定個人情報保護評価書(基礎項目評価書)"). They are layout, not content: the readers skip them wherever they stand,
 * even inside a table or between the two halves of a value split by a page break.
 */
public final class PageMarks {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:-\\s*\\d{1,4}\\s*-|\\d{1,4}\\s*/\\s*\\d{1,4}(?:\\s*(?:ページ|頁))?|\\d{1,4}\\s*(?:ページ|頁)|[pP]\\.?\\s*\\d{1,4})$");
    private static final Pattern RUNNING_TITLE = Pattern.compile(
            "^特定個人情報保護評価書\\s*\\(\\s*(?:基礎項目|重点項目|全項目)評価書\\s*\\)$");
    private static final Pattern DASHES = Pattern.compile("[‐‑–—―−]");
    /** Longer than the longest mark (the running title, with some spaces): a content line, told without NFKC. */
    private static final int LONGEST = 40;

    private static final String TITLE_START = "特定個人情報保護評価書";

    private PageMarks() {
    }

    /** ASCII or full-width digits: every page number has one. */
    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the one non-empty cell of a line ({@code cellText}, its plain text) is a page number or the running
     * title. A line with two or more non-empty cells is never a page mark.
     */
    public static boolean isPageMark(String cellText) {
        String text = cellText.strip();
        if (text.isEmpty() || text.length() > LONGEST || !(hasDigit(text) || text.startsWith(TITLE_START))) {
            return false;                                   // most short cells are labels: told without NFKC
        }
        String key = DASHES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("-").strip();
        return PAGE_NUMBER.matcher(key).matches() || RUNNING_TITLE.matcher(key).matches();
    }
}
