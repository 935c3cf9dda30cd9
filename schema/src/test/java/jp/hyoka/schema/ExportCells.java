package jp.hyoka.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells of one row of an exported, published 評価書 (one form row per line, cells separated by TAB, cells plain
 * text or HTML fragments; {@code ../shared/domain/DOMAIN.md} §0.1 and §7), and how a cell is told to be a label or a
 * value:
 * <ul>
 *   <li>a cell is <em>value-like</em> when it holds block HTML ({@code <ul> <table> <input> …}), starts with a
 *       selection or placeholder mark ("[", "<", "＜", "・", "-", "—", "1) ", "(1) 件", a bare number, a date), is a
 *       placeholder ("なし", "特になし", "未定", "非公開"), contains a sentence end "。" outside parentheses, or is longer
 *       than 100 characters. Labels never look like that in the samples;</li>
 *   <li>in a row with several non-empty cells the last one is the value; the cells before it are labels up to the
 *       first value-like one ("⑦使用の主体 | 使用部署 ※ | value"). Exceptions: a last cell that starts with a circled
 *       number is a label with an empty value, and a row followed by a row that starts with a bare number is a table
 *       header (cover "評価書番号 | 評価書名" over "57 | …");</li>
 *   <li>a row with one non-empty cell is a heading or a label whose value is empty or on the next row, unless the cell
 *       is value-like, or it comes directly under a numbered heading that has no value of its own ("3. 特定個人情報
 *       ファイル名" over "後期高齢者医療情報ファイル") and is not a heading itself;</li>
 *   <li>a label cell may carry its selection inline: "実施の有無 [] 自己点検 …", "使用者数 [500人以上…", "4. …の委託
 *       [] 委託しない" — the label is the text before the first "[".</li>
 * </ul>
 * Which rows are read at all is decided by {@link SampleLabels}.
 */
final class ExportCells {

    /** One non-empty cell: its column, its text as exported and its plain text. */
    record Cell(int column, String raw, String text) {
    }

    static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    static final Pattern SECTION = Pattern.compile("^(?:[IVX]+|[\\u2160-\\u216B]+)\\s+\\S");
    static final Pattern ANNEX = Pattern.compile("^[(（]別[添紙]\\d*[)）]");
    static final Pattern BLOCK = Pattern.compile("^\\d+\\.\\s*\\S");
    private static final Pattern CIRCLED = Pattern.compile("^[\\u2460-\\u2473]");
    private static final Pattern RISK = Pattern.compile("^リスク\\d*\\s*[:：]");
    private static final Pattern REPEAT = Pattern.compile("^(?:システム|委託事項|提供先|移転先)\\s*\\d+(?:\\s*[～~〜]\\s*\\d+)?$");
    private static final Pattern NUMBER = Pattern.compile("^\\d+$");
    private static final Pattern BLOCK_HTML = Pattern.compile("<(ul|ol|table|div|input|tr|td)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE_START = Pattern.compile(
            "^(?:[\\[<＜・○■●◆※【\\-—－―−‐]|\\d+\\)|\\(\\s*\\d*\\s*\\)\\s*件|\\d+(?:\\s|$)"
                    + "|(?:令和|平成|昭和)\\s*(?:\\d+|元)\\s*年|\\d{4}/\\d{1,2}/\\d{1,2})");
    private static final Pattern PARENTHESISED = Pattern.compile("[(（][^()（）]*[)）]");
    private static final Set<String> PLACEHOLDERS = Set.of("なし", "特になし", "該当なし", "未定", "非公開");

    private ExportCells() {
    }

    /** The non-empty cells of one exported line. */
    static List<Cell> cells(String line) {
        String[] raw = line.split("\t", -1);
        List<Cell> cells = new ArrayList<>();
        for (int column = 0; column < raw.length; column++) {
            String text = text(raw[column]);
            if (!text.isEmpty()) {
                cells.add(new Cell(column, raw[column], text));
            }
        }
        return cells;
    }

    /** Plain text of a cell: tags (ASCII tag names only) out, runs of white space as one space, stripped. */
    static String text(String raw) {
        return SPACES.matcher(TAG.matcher(raw).replaceAll(" ")).replaceAll(" ").strip();
    }

    /** The cells of row {@code index} that are labels, in column order. */
    static List<Cell> labelCells(List<String> lines, int index, List<Cell> cells, Set<String> valueRows,
                                 boolean underValuelessHeading) {
        if (cells.size() == 1) {
            Cell cell = cells.get(0);
            boolean blockValue = underValuelessHeading && !isHeading(cell.text()) && !CIRCLED.matcher(cell.text()).find();
            return isLabelCell(cell) && !valueRows.contains(cell.text()) && !blockValue ? List.of(cell) : List.of();
        }
        Cell last = cells.get(cells.size() - 1);
        boolean lastIsLabel = isTableHeader(lines, index, cells)
                || (CIRCLED.matcher(last.text()).find() && !valueLike(last.raw()));
        List<Cell> candidates = lastIsLabel ? cells : cells.subList(0, cells.size() - 1);
        List<Cell> found = new ArrayList<>();
        for (Cell cell : candidates) {
            if (!isLabelCell(cell) || valueRows.contains(cell.text())) {
                break;
            }
            found.add(cell);
            if (!inlineLabel(cell.text()).equals(cell.text())) {
                break;                                          // the cell carried its own value
            }
        }
        return found;
    }

    /** "評価書番号 | 評価書名" over "57 | …": a header row whose data row starts with a bare number. */
    private static boolean isTableHeader(List<String> lines, int index, List<Cell> cells) {
        Optional<List<Cell>> next = lines.subList(index + 1, lines.size()).stream().map(ExportCells::cells)
                .filter(c -> !c.isEmpty()).findFirst();
        return next.isPresent() && NUMBER.matcher(next.get().get(0).text()).matches()
                && cells.stream().allMatch(ExportCells::isLabelCell);
    }

    static boolean isHeading(String text) {
        return SECTION.matcher(text).find() || BLOCK.matcher(text).find() || ANNEX.matcher(text).find()
                || RISK.matcher(text).find() || REPEAT.matcher(text).matches();
    }

    static boolean isLabelCell(Cell cell) {
        String label = inlineLabel(cell.text());
        return !valueLike(cell.raw()) || (!label.equals(cell.text()) && !label.isEmpty() && !valueLike(label));
    }

    static boolean valueLike(String raw) {
        String text = text(raw);
        return text.isEmpty()
                || BLOCK_HTML.matcher(raw).find()
                || VALUE_START.matcher(text).find()
                || PLACEHOLDERS.contains(text)
                || PARENTHESISED.matcher(text).replaceAll("").contains("。")
                || text.codePointCount(0, text.length()) > 100;
    }

    /** The label part of a cell that carries its selection inline ("実施の有無 [] 自己点検 …"). */
    static String inlineLabel(String text) {
        int bracket = text.indexOf('[');
        return bracket > 0 ? text.substring(0, bracket).strip() : text;
    }
}
