package jp.hyoka.domain.importing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PDF-to-text extraction leaves of the printed page between the rows of a 評価書: page numbers ("- 12 -",
 * "－１２－", "12/40", "12 / 40", "12ページ", "p. 12") and the document's title repeated as a running header
 * ("特定個人情報保護評価書(基礎項目評価書)"). They are layout, not content: the readers skip them wherever they stand,
 * even inside a table or between the two halves of a value split by a page break.
 *
 * <p>A page number "n/m" is also what a value may be ("4/1", a date "3/12" alone on a cell's line), so it counts as a
 * mark only where the document's marks of that m rise: at least two of them, each page after the one before and none
 * past m (1/5, 2/5, 4/5 … when a page's mark was lost), or where a lone last page's "m/m" ends a page (the running
 * title, a repeated heading or header row, or the end of the text comes next). One instance holds the "n/m" lines
 * of one document that are marks.
 */
public final class PageMarks {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:-\\s*\\d{1,4}\\s*-|\\d{1,4}\\s*/\\s*\\d{1,4}(?:\\s*(?:ページ|頁))?|\\d{1,4}\\s*(?:ページ|頁)|[pP]\\.?\\s*\\d{1,4})$");
    /** "n/m" (with "ページ" or "頁" after it), once {@link #key}ed: page n of m. */
    private static final Pattern OF_PAGES = Pattern.compile("^(\\d{1,4})\\s*/\\s*(\\d{1,4})(?:\\s*(?:ページ|頁))?$");
    private static final Pattern RUNNING_TITLE = Pattern.compile(
            "^特定個人情報保護評価書\\s*\\(\\s*(?:基礎項目|重点項目|全項目)評価書\\s*\\)$");
    private static final Pattern DASHES = Pattern.compile("[‐‑–—―−]");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    /** Longer than the longest mark (the running title, with some spaces): a content line, told without NFKC. */
    private static final int LONGEST = 40;
    /** A line longer than this (TABs and tags around the mark included) holds no "n/m" mark: not looked at. */
    private static final int LONGEST_LINE = 120;

    /** Shorter than a page's heading or header row: a repeat this short ("。", ")。") may be a value's. */
    private static final int MIN_REPEATED = 4;

    private static final String TITLE_START = "特定個人情報保護評価書";

    /** The 1-based numbers of the lines whose "n/m" is a rising page mark. */
    private final BitSet risingPages;

    private PageMarks(BitSet risingPages) {
        this.risingPages = risingPages;
    }

    /**
     * The page marks of one document ({@code lines}, 1-based as the readers count them): its "n/m" lines are told
     * apart from values here, once, by whether they rise.
     */
    public static PageMarks of(List<String> lines) {
        record OfPage(int line, int page, int pages) {
        }
        Map<Integer, List<OfPage>> byPages = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.length() > LONGEST_LINE || (line.indexOf('/') < 0 && line.indexOf('／') < 0)) {
                continue;                                   // most lines: told without splitting them
            }
            String cell = onlyCell(line);
            Matcher ofPages = cell == null || !hasPageMarkShape(cell) ? null : OF_PAGES.matcher(key(cell));
            if (ofPages != null && ofPages.matches()) {
                int pages = Integer.parseInt(ofPages.group(2));
                byPages.computeIfAbsent(pages, p -> new ArrayList<>())
                        .add(new OfPage(index + 1, Integer.parseInt(ofPages.group(1)), pages));
            }
        }
        BitSet rising = new BitSet();
        for (List<OfPage> marks : byPages.values()) {
            List<OfPage> chain = longestRise(marks.stream().filter(m -> m.page() >= 1 && m.page() <= m.pages()).toList(),
                    OfPage::page);
            if (chain.size() >= 2) {
                chain.forEach(mark -> rising.set(mark.line()));
            }
            marks.stream().filter(m -> m.page() == m.pages() && !rising.get(m.line()) && endsAPage(lines, m.line()))
                    .forEach(mark -> rising.set(mark.line()));
        }
        return new PageMarks(rising);
    }

    /**
     * Whether the line after {@code lineNumber} (1-based; blank lines passed over) is where a new page starts or the
     * text ends: the end, the running title, or a line printed before already (the heading or column header row a
     * page repeats). A last page's lone "6/6" (an annex-only extract keeps no other mark) is told so; a "12/12" inside
     * a value runs on into the value's rest.
     */
    private static boolean endsAPage(List<String> lines, int lineNumber) {
        for (int index = lineNumber; index < lines.size(); index++) {
            String next = plain(lines.get(index));
            if (next.isEmpty()) {
                continue;
            }
            if (RUNNING_TITLE.matcher(key(next)).matches()) {
                return true;
            }
            if (next.length() < MIN_REPEATED) {
                return false;
            }
            for (int earlier = 0; earlier < lineNumber - 1; earlier++) {
                if (plain(lines.get(earlier)).equals(next)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** A line's non-empty cells, tags out and stripped, TAB-separated: its text whatever its spacing. */
    private static String plain(String line) {
        StringBuilder plain = new StringBuilder();
        for (String cell : line.split("\t", -1)) {
            String text = TAG.matcher(cell).replaceAll(" ").strip();
            if (!text.isEmpty()) {
                plain.append(plain.length() == 0 ? "" : "\t").append(text);
            }
        }
        return plain.toString();
    }

    /**
     * Whether line {@code lineNumber} (1-based), whose one non-empty cell's plain text is {@code cellText}, is a page
     * mark of this document: of a page mark's shape ({@link #hasPageMarkShape}), and if it is an "n/m", one of the
     * rising ones. A line with two or more non-empty cells is never a page mark.
     */
    public boolean isPageMark(int lineNumber, String cellText) {
        if (!hasPageMarkShape(cellText)) {
            return false;
        }
        return risingPages.get(lineNumber) || !OF_PAGES.matcher(key(cellText)).matches();
    }

    /**
     * Whether a cell's plain text has the shape of a page number or the running title, wherever it stands: a "4/1"
     * has it, which {@link #isPageMark} tells from a page of the document's rising marks.
     */
    public static boolean hasPageMarkShape(String cellText) {
        String text = cellText.strip();
        if (text.isEmpty() || text.length() > LONGEST || !(hasDigit(text) || text.startsWith(TITLE_START))) {
            return false;                                   // most short cells are labels: told without NFKC
        }
        String key = key(text);
        return PAGE_NUMBER.matcher(key).matches() || RUNNING_TITLE.matcher(key).matches();
    }

    private static String key(String text) {
        return DASHES.matcher(Nfkc.normalize(text.strip())).replaceAll("-").strip();
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

    /** The plain text of a line's one non-empty TAB-separated cell (tags out), or null when it has none or several. */
    private static String onlyCell(String line) {
        String only = null;
        for (String cell : line.split("\t", -1)) {
            String text = TAG.matcher(cell).replaceAll(" ").strip();
            if (!text.isEmpty()) {
                if (only != null) {
                    return null;
                }
                only = text;
            }
        }
        return only;
    }

    /**
     * A longest strictly rising run of {@code marks} (in line order) by page (patience sorting, n log n); of two
     * marks of the same page that could each stand in it, the later one.
     */
    private static <T> List<T> longestRise(List<T> marks, ToIntFunction<T> page) {
        int[] tails = new int[marks.size()];                // index into marks of the last element of a run of length k+1
        int[] previous = new int[marks.size()];
        int length = 0;
        for (int i = 0; i < marks.size(); i++) {
            int value = page.applyAsInt(marks.get(i));
            int low = 0;
            int high = length;
            while (low < high) {                            // first run whose last page is >= value
                int middle = (low + high) >>> 1;
                if (page.applyAsInt(marks.get(tails[middle])) < value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[i] = low > 0 ? tails[low - 1] : -1;
            tails[low] = i;
            length = Math.max(length, low + 1);
        }
        List<T> run = new ArrayList<>();
        for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = previous[i]) {
            run.add(0, marks.get(i));
        }
        return run;
    }
}
