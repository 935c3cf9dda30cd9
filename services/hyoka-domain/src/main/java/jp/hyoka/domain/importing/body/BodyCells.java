package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.importing.PageMarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The cells of one row of an exported 評価書 body (cells separated by TAB, plain text or HTML fragments; DOMAIN.md
 * §7), and how a cell is told to be a label or a value. Labels never look like values in published documents: a
 * value holds block HTML, starts with a selection or placeholder mark, a numbered option, a count, a number or a
 * date, is a placeholder ("なし", "非公開" …), ends a sentence with "。" or is longer than 100 characters.
 */
final class BodyCells {

    /** One non-empty cell: its column, its text as exported and its plain text. */
    record Cell(int column, String raw, String text) {
    }

    /** Tags with ASCII names only: "<中間サーバー・プラットフォームにおける措置>" and "<選択肢>" are text (DOMAIN §7.17). */
    static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    static final Pattern SECTION = Pattern.compile("^(?:[IVX]+|[\\u2160-\\u216B]+)\\s*\\S");
    static final Pattern ANNEX = Pattern.compile("^[(（]別[添紙]\\d*[)）]");
    static final Pattern BLOCK = Pattern.compile("^(\\d+)\\s*\\.\\s*\\S");
    static final Pattern RISK = Pattern.compile("^リスク\\s*(\\d*)\\s*[:：]");
    static final Pattern REPEAT = Pattern.compile("^(システム|委託事項|提供先|移転先)\\s*(\\d+)\\s*(?:[～~〜]\\s*(\\d+))?$");
    /** "(別添2) 変更箇所", and "(別添) 変更箇所" of the 基礎項目評価書, which numbers its only annex not at all. */
    static final Pattern CHANGE_ANNEX = Pattern.compile("^[(（]別添\\d*[)）]\\s*変更箇所");
    static final Pattern RULE = Pattern.compile("^[-—－―−‐=]{2,}$");
    private static final Pattern BLOCK_HTML = Pattern.compile("<(ul|ol|table|div|input|tr|td)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern VALUE_START = Pattern.compile(
            "^(?:[\\[<＜・○■●◆※【\\-—－―−‐]|\\d+\\)|\\(\\s*\\d*\\s*\\)\\s*件|\\d+(?:\\s|$)"
                    + "|(?:令和|平成|昭和)\\s*(?:\\d+|元)\\s*年|\\d{4}/\\d{1,2}/\\d{1,2})");
    private static final Pattern PARENTHESISED = Pattern.compile("[(（][^()（）]*[)）]");
    private static final Set<String> PLACEHOLDERS = Set.of("なし", "特になし", "該当なし", "未定", "非公開");

    /*
     * The characters a text must start with for each anchored pattern above to match it ("^…"; \d is ASCII digits
     * only). Every row of a body is tested against the heading patterns and most of its cells against VALUE_START;
     * most start with none of their characters and are told without a matcher (BodyCellsStartsTest).
     */
    static final String SECTION_STARTS = "IVX\u2160\u2161\u2162\u2163\u2164\u2165\u2166\u2167\u2168\u2169\u216A\u216B";
    static final String ANNEX_STARTS = "(（";
    static final String BLOCK_STARTS = "0123456789";
    static final String RISK_STARTS = "リ";
    static final String REPEAT_STARTS = "シ委提移";
    static final String RULE_STARTS = "-—－―−‐=";
    static final String VALUE_STARTS = "[<＜・○■●◆※【-—－―−‐(令平昭0123456789";

    private BodyCells() {
    }

    /**
     * The lines of a file split into cells on first use, each line once: the body is read against every revision of
     * its kind, and the cover, the 項目一覧 and the body are looked at before that.
     */
    static final class Rows {
        private final List<String> lines;
        private final List<?>[] cells;
        private final PageMarks marks;

        Rows(List<String> lines) {
            this.lines = lines;
            this.cells = new List<?>[lines.size()];
            this.marks = PageMarks.of(lines);
        }

        /**
         * Whether a 1-based line is a page number or the running title of a PDF-to-text extraction, alone on its
         * line: layout ({@link PageMarks}; an "n/m" only where the document's marks rise).
         */
        boolean isPageMark(int line) {
            List<Cell> row = line(line);
            return row.size() == 1 && marks.isPageMark(line, row.get(0).text());
        }

        int size() {
            return lines.size();
        }

        /** The non-empty cells of a 1-based line. */
        @SuppressWarnings("unchecked")
        List<Cell> line(int line) {
            List<?> split = cells[line - 1];
            if (split == null) {
                split = BodyCells.cells(lines.get(line - 1));
                cells[line - 1] = split;
            }
            return (List<Cell>) split;
        }
    }

    /** The non-empty cells of one exported line. */
    static List<Cell> cells(String line) {
        String[] raw = line.split("\t", -1);
        List<Cell> cells = new ArrayList<>();
        for (int column = 0; column < raw.length; column++) {
            String text = text(raw[column]);
            if (!text.isEmpty()) {
                cells.add(new Cell(column, raw[column].strip(), text));
            }
        }
        return List.copyOf(cells);
    }

    /**
     * Plain text of a cell: tags out, runs of white space as one space, stripped. The same as replacing {@link #TAG}
     * by a space, then runs of {@link #SPACES} by one space, then {@link String#strip()}, in one pass without
     * regular expressions: every cell of every row goes through it (the bulk-import profile found the two
     * {@code replaceAll} a fifth of the reading time).
     */
    static String text(String raw) {
        if (alreadyText(raw)) {
            return raw;                                     // most cells: nothing to take out, no copy
        }
        int length = raw.length();
        StringBuilder text = new StringBuilder(length);
        boolean space = false;
        boolean tagsPossible = true;                        // false once no '>' follows: no more tags can close
        for (int i = 0; i < length; ) {
            char c = raw.charAt(i);
            if (c == '<' && tagsPossible) {
                int end = tagEnd(raw, i);
                if (end > 0) {
                    space = true;
                    i = end;
                    continue;
                }
                tagsPossible = end == 0;
            }
            if (isWhiteSpace(c)) {
                space = true;
            } else {
                if (space && !text.isEmpty()) {
                    text.append(' ');
                }
                space = false;
                text.append(c);
            }
            i++;
        }
        return text.toString().strip();
    }

    /**
     * Whether {@link #text} of {@code raw} is not empty, told without making it: a character outside the tags (found
     * as {@link #text} finds them) that is neither white space it folds nor one {@link String#strip()} takes off
     * ({@code BodyCellsTextTest}). A rich-text or selection value needs the text only for this.
     */
    static boolean hasText(String raw) {
        int length = raw.length();
        boolean tagsPossible = true;                        // as in text(): false once no '>' follows
        for (int i = 0; i < length; ) {
            char c = raw.charAt(i);
            if (c == '<' && tagsPossible) {
                int end = tagEnd(raw, i);
                if (end > 0) {
                    i = end;
                    continue;
                }
                tagsPossible = end == 0;
            }
            if (!isWhiteSpace(c) && !Character.isWhitespace(c)) {
                return true;
            }
            i++;
        }
        return false;
    }

    /**
     * Whether {@link #text} gives {@code raw} back as it is: no '&lt;' (so no tag), no white space but single ASCII
     * spaces between other characters, and nothing {@link String#strip()} would take off either end
     * ({@code BodyCellsTextTest}: every BMP character alone, between and beside letters, against the definition).
     */
    private static boolean alreadyText(String raw) {
        int length = raw.length();
        if (length > 0 && (Character.isWhitespace(raw.charAt(0)) || Character.isWhitespace(raw.charAt(length - 1)))) {
            return false;
        }
        boolean space = false;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c == ' ') {
                if (space) {
                    return false;                           // a run of spaces: folded into one
                }
                space = true;
            } else if (c == '<' || isWhiteSpace(c)) {
                return false;
            } else {
                space = false;
            }
        }
        return true;
    }

    /**
     * Where the tag starting at {@code at} ends (after its '>'), 0 when none starts there, -1 when no '>' follows
     * at all (as {@link #TAG}: "&lt;", an optional "/", an ASCII letter, anything but '>' up to a '>').
     */
    private static int tagEnd(String raw, int at) {
        int name = at + 1;
        if (name < raw.length() && raw.charAt(name) == '/') {
            name++;
        }
        if (name >= raw.length() || !isAsciiLetter(raw.charAt(name))) {
            return 0;
        }
        int close = raw.indexOf('>', name + 1);
        return close < 0 ? -1 : close + 1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Unicode White_Space, which {@link #SPACES} matches ({@code \s} with UNICODE_CHARACTER_CLASS). */
    static boolean isWhiteSpace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00A0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F'
                || c == '\u205F' || c == '\u3000';
    }

    /** Whether {@code text} starts with one of {@code starts}: else an anchored pattern cannot match it. */
    static boolean startsWithOneOf(String text, String starts) {
        return !text.isEmpty() && starts.indexOf(text.charAt(0)) >= 0;
    }

    /** A numbered section heading ("III 特定個人情報ファイルの概要", "Ⅱ …"): {@link #SECTION} finds it. */
    static boolean isSectionNumber(String text) {
        return startsWithOneOf(text, SECTION_STARTS) && SECTION.matcher(text).find();
    }

    /** An annex heading or number ("(別添1) 事務の内容"): {@link #ANNEX} finds it. */
    static boolean isAnnexNumber(String text) {
        return startsWithOneOf(text, ANNEX_STARTS) && ANNEX.matcher(text).find();
    }

    /** A numbered block heading ("2. 特定個人情報ファイル名"): {@link #BLOCK} finds it. */
    static boolean isBlockNumber(String text) {
        return startsWithOneOf(text, BLOCK_STARTS) && BLOCK.matcher(text).find();
    }

    /** The heading of the 変更箇所 annex ("(別添2) 変更箇所"): {@link #CHANGE_ANNEX} finds it. */
    static boolean isChangeAnnexHeading(String text) {
        return startsWithOneOf(text, ANNEX_STARTS) && CHANGE_ANNEX.matcher(text).find();
    }

    /** Markdown conversion artefacts ("------ | ----"): layout, not content. */
    static boolean isRule(List<Cell> cells) {
        for (Cell cell : cells) {                           // a cell's text is stripped: it starts with no space
            if (!startsWithOneOf(cell.text(), RULE_STARTS) || !RULE.matcher(cell.text().replace(" ", "")).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The leading cells of a row that are labels. In a row with several cells the last one is the value; cells
     * before it are labels up to the first value-like one ("④使用の主体 | 使用部署 | value"). A single cell is a label
     * unless it looks like a value.
     */
    static List<Cell> labelCells(List<Cell> cells) {
        return labelCells(cells, BodyCells::isLabelCell);
    }

    /** {@link #labelCells(List)} with {@code isLabel} telling {@link #isLabelCell} (a reader that remembers it). */
    static List<Cell> labelCells(List<Cell> cells, Predicate<Cell> isLabel) {
        if (cells.size() == 1) {
            return isLabel.test(cells.get(0)) ? cells : List.of();
        }
        List<Cell> found = new ArrayList<>();
        for (Cell cell : cells.subList(0, cells.size() - 1)) {
            if (!isLabel.test(cell)) {
                break;
            }
            found.add(cell);
            if (!inlineLabel(cell.text()).equals(cell.text())) {
                break;                                          // the cell carried its own value
            }
        }
        return found;
    }

    static boolean isLabelCell(Cell cell) {
        String label = inlineLabel(cell.text());
        return !valueLike(cell.raw(), cell.text())
                || (!label.equals(cell.text()) && !label.isEmpty() && !valueLike(label, text(label)));
    }

    /** Whether a cell ({@code raw} as exported, {@code text} its {@link #text}) looks like a value. */
    private static boolean valueLike(String raw, String text) {
        return text.isEmpty()                               // each pattern only where it can match: a tag needs '<'
                || text.length() > 100 && text.codePointCount(0, text.length()) > 100
                || PLACEHOLDERS.contains(text)
                || startsWithOneOf(text, VALUE_STARTS) && VALUE_START.matcher(text).find()
                || raw.indexOf('<') >= 0 && BLOCK_HTML.matcher(raw).find()
                || text.indexOf('。') >= 0 && PARENTHESISED.matcher(text).replaceAll("").contains("。");
    }

    /** The label part of a cell that carries its selection inline ("実施の有無 [] 自己点検 …"). */
    static String inlineLabel(String text) {
        int bracket = text.indexOf('[');
        return bracket > 0 ? text.substring(0, bracket).strip() : text;
    }

    /** The value part of a cell that carries its selection inline, or "" when the cell is all label. */
    static String inlineValue(Cell cell) {
        int bracket = cell.raw().indexOf('[');
        return bracket > 0 && !inlineLabel(cell.text()).equals(cell.text()) ? cell.raw().substring(bracket) : "";
    }
}
