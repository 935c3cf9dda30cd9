package jp.hyoka.domain.importing.annex;

import jp.hyoka.domain.importing.Nfkc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 項目 path taken apart into what DOMAIN.md §4.4 shows it can hold: a roman section number (or the "-" that replaced
 * a lost one), a block number ("6.", "6", "-6-"), a circled or bracketed item number (②, (2), 2)), a リスクN, the
 * file(s) (in brackets, as their own level, or a range), repeat entries (システム4, 委託事項2, 提供先1~3), an annex
 * marker ("(別添1)") and the remaining label text in the compact form used for matching.
 */
record ParsedPath(String compact, List<String> quoted, String section, boolean lostSection, Integer block,
                  Integer item, Integer risk, List<PathEntry> entries, String annex, boolean wholeDocument) {

    private static final char MARK_OPEN = '\uE000';
    private static final char MARK_CLOSE = '\uE001';
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Every dash a path may use for "-"; replaced by a scan ({@link #unifiedDashes}), tested against the pattern. */
    static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\uFF0D\\uFE63\\uFE58]");
    private static final Pattern LONG_VOWEL_DASH = Pattern.compile(
            "(?<=[0-9IVX\\uE001])\\s*ー\\s*|\\s*ー\\s*(?=[0-9\\uE000]|(?:システム|委託事項|提供先|移転先)\\d)");
    static final Pattern BRACKETED_NUMBER = Pattern.compile("\\((\\d{1,2})\\)|(?<![\\d(.~])(\\d{1,2})\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\((?:記述の追加|追加|新規|削除|省略|中略|略|変更)\\)");
    private static final Pattern EXCLUSION_NOTE = Pattern.compile("\\([^()]*を除く。?\\)");
    private static final Pattern QUOTED = Pattern.compile("[「『\"]([^」』\"]+)[」』\"]");
    private static final Pattern FILE_RANGE = Pattern.compile(
            "\\(\\s*(\\d+)\\s*\\.\\s*([^()~]+?)\\s*~\\s*(\\d+)\\s*\\.\\s*([^()]+?)\\s*\\)");
    private static final Pattern FILE_NUMBERED = Pattern.compile("\\(\\s*(\\d+)\\s*\\.\\s*([^()]+?ファイル)\\s*\\)");
    private static final Pattern FILE_NAMED = Pattern.compile("\\(([^()]+?ファイル)\\)");
    private static final Pattern FILE_LEVEL = Pattern.compile(
            "(?<![\\d.])(\\d{1,3})\\s*\\.\\s*(?!特定個人情報)([^\\s\\d()]+?ファイル)(?=\\s|$|\\(|\\d)");
    private static final Pattern ROMAN = Pattern.compile("^(VI|IV|V|III|II|I)(?![A-Za-z])");
    private static final Pattern ANNEX = Pattern.compile("\\(別添(\\d*)\\)|^別紙|\\(別紙\\)");
    private static final Pattern RISK = Pattern.compile("リスク\\s*(\\d)|リスク\\s*:");
    private static final Pattern MARK = Pattern.compile(MARK_OPEN + "(\\d{1,2})" + MARK_CLOSE);
    /** What {@link #compact} removes: {@code \s} (ASCII white space), ※ and punctuation; tested against the pattern. */
    static final Pattern IGNORED = Pattern.compile("[\\s※:;、。,・'\"「」『』()\\[\\]]");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^-?(\\d{1,2})(?!\\d)");
    /** "6." not inside a longer number; its last match is found by a scan ({@link #lastDottedNumber}). */
    static final Pattern DOTTED_NUMBER = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(?!\\d)");
    /** Entry patterns by repeat group label (a form has a handful of groups; paths are parsed by the hundred). */
    private static final Map<String, Pattern> ENTRY_PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern WHOLE = Pattern.compile("^(評価書)?(全体|全般|全項目|全体的)(の?見直し)?$");
    private static final Pattern LEADING_ROMAN = Pattern.compile("^[IVX]+\\s*-?\\s*");
    private static final Pattern LEADING_NUMBERS = Pattern.compile("^[-\\d.]+");
    /**
     * How an item path starts, once {@link #spaced}: a section numeral (Ⅰ–Ⅶ, I–VII; "Ⅱ 2" too), an annex
     * ("(別添1)", "別添", "別紙") or a section number with its item ("2-3").
     */
    private static final Pattern PATH_START = Pattern.compile(
            "^(?:(?:VII|VI|V|IV|III|II|I)(?![A-Za-z])|\\(?別添|\\(?別紙|\\d{1,2}\\s*-\\s*\\d)");

    /**
     * @param groupLabels repeat group label → group id, e.g. 委託事項 → file.consignment; the group labelled
     *                    特定個人情報ファイル is the file group
     * @param sectionLabels the compact labels of the form's sections, for a block number written after one
     */
    static ParsedPath parse(String raw, Map<String, String> groupLabels, String fileGroup,
                            Collection<String> sectionLabels) {
        String text = spaced(raw);
        List<PathEntry> entries = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        if (hasAny(text, "「『\"")) {                     // each pattern below is run only where it can match
            Matcher q = QUOTED.matcher(text);
            while (q.find()) {
                quoted.add(compact(q.group(1)));
            }
        }
        if (fileGroup != null) {
            text = files(text, fileGroup, entries);
        }
        for (Map.Entry<String, String> group : groupLabels.entrySet()) {
            if (group.getValue().equals(fileGroup)) {
                continue;
            }
            if (!text.contains(group.getKey())) {
                continue;                   // the entry pattern starts with the label: nothing to find
            }
            Matcher m = ENTRY_PATTERNS.computeIfAbsent(group.getKey(), ParsedPath::entryPattern).matcher(text);
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                entries.add(new PathEntry(group.getValue(), from, to, ""));
                m.appendReplacement(rest, " ");
            }
            m.appendTail(rest);
            text = rest.toString();
        }
        String annex = null;
        if (text.indexOf('別') >= 0) {
            Matcher a = ANNEX.matcher(LEADING_ROMAN.matcher(text.strip()).replaceFirst(""));
            if (a.find()) {
                annex = a.group().startsWith("(別添") ? "(別添" + a.group(1) + ")" : "(別紙)";
            }
            text = ANNEX.matcher(text).replaceAll(" ");
        }
        Integer item = null;
        if (text.indexOf(MARK_OPEN) >= 0) {
            Matcher mark = MARK.matcher(text);
            if (mark.find()) {
                item = Integer.parseInt(mark.group(1));
            }
            text = MARK.matcher(text).replaceAll(" ");
        }
        Integer risk = null;
        if (text.contains("リスク")) {
            Matcher r = RISK.matcher(text);
            if (r.find()) {
                risk = r.group(1) == null ? 1 : Integer.parseInt(r.group(1));
            }
        }
        String section = null;
        Matcher roman = ROMAN.matcher(text.strip());
        if (roman.find()) {
            section = roman.group(1);
            text = text.strip().substring(roman.end());
        }
        String compact = compact(text);
        boolean lostSection = section == null && compact.startsWith("-");
        Integer block = blockNumber(compact, sectionLabels);
        compact = LEADING_NUMBERS.matcher(compact).replaceAll("").replace("-", "");
        return new ParsedPath(compact, List.copyOf(quoted), section, lostSection, block, item, risk,
                List.copyOf(entries), annex, WHOLE.matcher(compact).matches());
    }

    /**
     * Whether {@code raw} begins the way an item path begins ({@link #PATH_START}): a 項目 cell that does is an
     * item of its own, never the rest of another row's 項目 cut by a page break.
     */
    static boolean startsAPath(String raw) {
        return PATH_START.matcher(spaced(raw).strip()).find();
    }

    /** A repeat entry of the group labelled {@code label}: "委託事項2", "委託事項 1~3" (compiled once per label). */
    private static Pattern entryPattern(String label) {
        return Pattern.compile("(?<![ァ-ヶー])" + Pattern.quote(label) + "\\s*-?\\s*(\\d{1,2})(?:\\s*~\\s*(\\d{1,2}))?");
    }

    /** NFKC with circled and bracketed item numbers turned into marks, dashes unified, notes removed. */
    static String spaced(String raw) {
        String untagged = raw.indexOf('<') < 0 ? raw : TAG.matcher(raw).replaceAll(" ");
        String text = Nfkc.normalize(circledNumbersMarked(untagged)).replace('〜', '~');
        text = unifiedDashes(text);
        if (text.indexOf('ー') >= 0) {                    // each pattern below is run only where it can match
            text = LONG_VOWEL_DASH.matcher(text).replaceAll("-");
        }
        if (text.indexOf(')') < 0) {
            return text;                                  // the other three patterns end with ')'
        }
        if (digitBeforeClose(text)) {                     // both its alternatives end with a digit and ')'
            text = BRACKETED_NUMBER.matcher(text).replaceAll(m -> MARK_OPEN
                    + (m.group(1) != null ? m.group(1) : m.group(2)) + MARK_CLOSE);
        }
        text = PLACEHOLDER.matcher(text).replaceAll(" ");
        return text.contains("を除く") ? EXCLUSION_NOTE.matcher(text).replaceAll(" ") : text;
    }

    /** Circled numbers ①–⑳ as marks (before NFKC, which would make them bare digits); the text itself without any. */
    private static String circledNumbersMarked(String text) {
        StringBuilder marked = null;
        for (int i = 0; i < text.length(); i++) {         // circled numbers are in the BMP: chars are enough
            char c = text.charAt(i);
            if (c >= 0x2460 && c <= 0x2473) {
                if (marked == null) {
                    marked = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                marked.append(MARK_OPEN).append(c - 0x2460 + 1).append(MARK_CLOSE);
            } else if (marked != null) {
                marked.append(c);
            }
        }
        return marked == null ? text : marked.toString();
    }

    /** The text used for label matching only; never shown. Both paths and form labels go through it. */
    static String compact(String text) {
        String folded = withoutIgnored(text);
        return folded.replace("ユーザー", "ユーザ").replace("紐づけ", "紐付け").replace("問合わせ", "問合せ")
                .replace("取り扱", "取扱");
    }

    /** {@link #IGNORED} removed, by a scan of the characters (every path is compacted, and its quotes). */
    private static String withoutIgnored(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isIgnored(c)) {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    /** A label of the form, compacted like a path (NFKC, notes removed). */
    static String label(String label) {
        return compact(EXCLUSION_NOTE.matcher(Nfkc.normalize(label)).replaceAll(""));
    }

    /** Whether {@link #IGNORED} matches the character (a switch: every character of every path is asked). */
    private static boolean isIgnored(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '※', ':', ';', '、', '。', ',', '・', '\'', '"', '「', '」', '『', '』',
                 '(', ')', '[', ']' -> true;
            default -> false;
        };
    }

    /** {@link #DASHES} each replaced by "-", by a scan of the characters (every path has it done). */
    static String unifiedDashes(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2010' && c <= '\u2015' || c == '\u2212' || c == '\uFF0D' || c == '\uFE63' || c == '\uFE58') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '-';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** Whether an ASCII digit ({@code \d}) stands right before a ')': where {@link #BRACKETED_NUMBER} can match. */
    static boolean digitBeforeClose(String text) {
        for (int at = text.indexOf(')'); at >= 0; at = text.indexOf(')', at + 1)) {
            if (at > 0 && isDigit(text.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number of the last match of {@link #DOTTED_NUMBER} ("6." whose one or two digits are not part of a longer
     * number and whose dot no digit follows), or null, found from the end: matches are digits and a dot, so they
     * never overlap and the last dot that qualifies is the last match.
     */
    static Integer lastDottedNumber(String text) {
        for (int dot = text.lastIndexOf('.'); dot > 0; dot = text.lastIndexOf('.', dot - 1)) {
            if (dot + 1 < text.length() && isDigit(text.charAt(dot + 1))) {
                continue;
            }
            int start = dot;
            while (start > 0 && dot - start < 2 && isDigit(text.charAt(start - 1))) {
                start--;
            }
            if (start < dot && (start == 0 || !isDigit(text.charAt(start - 1)))) {
                return Integer.parseInt(text, start, dot, 10);
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the text has one of the characters. */
    private static boolean hasAny(String text, String characters) {
        for (int i = 0; i < characters.length(); i++) {
            if (text.indexOf(characters.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String files(String text, String fileGroup, List<PathEntry> entries) {
        if (!text.contains("ファイル") && text.indexOf('~') < 0) {
            return text;                                  // the range needs a '~', the other patterns ファイル
        }
        Matcher range = FILE_RANGE.matcher(text);
        if (range.find()) {
            entries.add(new PathEntry(fileGroup, Integer.parseInt(range.group(1)), Integer.parseInt(range.group(3)),
                    range.group(2).strip() + "~" + range.group(4).strip()));
            return text.substring(0, range.start()) + " " + text.substring(range.end());
        }
        for (Pattern pattern : List.of(FILE_NUMBERED, FILE_LEVEL)) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                int number = Integer.parseInt(m.group(1));
                entries.add(new PathEntry(fileGroup, number, number, m.group(2).strip()));
                return text.substring(0, m.start()) + " " + text.substring(m.end());
            }
        }
        Matcher named = FILE_NAMED.matcher(text);
        if (named.find() && !named.group(1).strip().startsWith("特定個人情報")) {
            entries.add(new PathEntry(fileGroup, 0, 0, named.group(1).strip()));
            return text.substring(0, named.start()) + " " + text.substring(named.end());
        }
        return text;
    }

    private static Integer blockNumber(String compact, Collection<String> sectionLabels) {
        Matcher leading = LEADING_NUMBER.matcher(compact);
        if (leading.find()) {
            return Integer.parseInt(leading.group(1));
        }
        Integer dotted = lastDottedNumber(compact);
        if (dotted != null) {
            return dotted;
        }
        for (String label : sectionLabels) {
            int at = label.isEmpty() ? -1 : compact.indexOf(label);
            if (at >= 0) {
                Matcher after = LEADING_NUMBER.matcher(compact.substring(at + label.length()));
                if (after.find()) {
                    return Integer.parseInt(after.group(1));
                }
            }
        }
        return null;
    }
}
