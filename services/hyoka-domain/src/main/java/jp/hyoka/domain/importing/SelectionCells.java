package jp.hyoka.domain.importing;

import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.Selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the selection cells of published exports, whose encodings vary by exporter (DOMAIN.md §2.3): a value in
 * brackets ("[十分である]", before or after the "<選択肢>" list, sometimes without its "]"); boxes as
 * {@code <input …/>} where {@code checked} — and, with this exporter, any radio button — means ticked; "[○]" or
 * "[O]" for ticked; "( … )" free text and "( N ) 件" counts after an option, a non-empty one meaning ticked too.
 * Options are matched by label, never by position: lists are printed in scrambled orders.
 */
public final class SelectionCells {

    private static final Pattern OTHER_TAGS = Pattern.compile("</?(?!input\\b)[A-Za-z][^>]*>");
    private static final Pattern CHOICE_LIST = Pattern.compile("<選択肢>[^\\[]*");
    private static final Pattern VALUE_WITH_STRAY_BOX = Pattern.compile("\\[\\s*<input[^>]*>\\s*([^\\]\\[<]+)\\]");
    private static final Pattern BOX = Pattern.compile("\\[?\\s*<input([^>]*)>\\s*\\]?|\\[\\s*([○〇O]?)\\s*\\]");
    private static final Pattern BRACKET_VALUE = Pattern.compile("\\[([^\\[\\]<]*[^\\[\\]<\\s][^\\[\\]<]*)(\\]|$)");
    private static final Pattern DETAIL = Pattern.compile("\\(([^()]*)\\)\\s*(件)?");
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*\\d+\\)");
    private static final Pattern LEADING_NUMBERING = Pattern.compile("^\\d+\\)");
    private static final Pattern COUNT = Pattern.compile("\\d+");
    private static final Pattern LONE_COUNT = Pattern.compile("\\(\\s*(\\d{1,6})\\s*\\)\\s*件");

    /**
     * What matching a cell's texts needs of an item's options, made once per option list (form data, never a file's):
     * every selection cell compares its texts with every option of its item (the bulk-import profile found the
     * options' keys and compact forms, looked up per option per text, a twentieth of the reading time). The lists
     * come from the form definitions, so they are few; keyed by identity (an item record's hash walks every field)
     * and bounded all the same.
     */
    private static final int CACHE_LIMIT = 20_000;
    private static final Map<Identity, Options> OPTIONS = new ConcurrentHashMap<>();

    private SelectionCells() {
    }

    /*
     * Each pattern runs only where the text holds what it cannot match without (a tag a '<', the option list
     * "<選択肢>", a box "<input" or '[', a detail or numbering '(' or ')', a space one of \s): a selection cell of every
     * choice item is read per revision, and most patterns matched nothing in most cells. A pattern whose matches all
     * start with one text is tried only where that text stands ({@link #lookingAtFrom}), not at every character: the
     * search through a long option list was most of a cell's cost. SelectionCellsGuardsTest compares this with every
     * pattern run on every cell.
     */
    public static DecodedSelection decode(String cell, Item item) {
        Options options = options(item);
        String source = cell == null ? "" : cell;
        String untagged = Nfkc.normalize(source.indexOf('<') >= 0
                ? replaceAll(OTHER_TAGS, source, "<", " ") : source);
        String text = untagged.contains("<選択肢>") ? replaceAll(CHOICE_LIST, untagged, "<選択肢>", " ") : untagged;
        List<String> unrecognised = new ArrayList<>();
        Map<String, Selection> ticked = new LinkedHashMap<>();
        if (text.contains("<input")) {
            // found and taken out in one pass (the pattern's replaceAll found the same matches again)
            Matcher strayBox = VALUE_WITH_STRAY_BOX.matcher(text);
            StringBuilder rest = null;
            int from = 0;
            for (int at = lookingAtFrom(strayBox, text, "[", 0); at >= 0; at = lookingAtFrom(strayBox, text, "[", from)) {
                select(strayBox.group(1), true, item, options, ticked, unrecognised);
                rest = (rest == null ? new StringBuilder(text.length()) : rest).append(text, from, at).append(' ');
                from = strayBox.end();
            }
            text = rest == null ? text : rest.append(text, from, text.length()).toString();
        }
        List<Segment> segments = segments(text);
        boolean anyBox = false;
        for (Segment segment : segments) {
            if (segment.box() == null) {
                bracketValues(segment.text(), item, options, ticked, unrecognised);
            } else {
                anyBox = true;
                if (!segment.text().isBlank()) {
                    select(segment.text(), segment.box(), item, options, ticked, unrecognised);
                }
            }
        }
        boolean boxesOnly = anyBox && ticked.isEmpty();
        if (boxesOnly && item.type() == ItemType.SINGLE_CHOICE) {
            // "[<input/>] 実施する [<input/>]" and "<input/> 100人以上500人未満 []": the one option named between
            // unticked boxes is the selected value.
            List<Segment> named = new ArrayList<>();
            for (Segment s : segments) {
                if (s.box() != null && option(label(s.text()), options).isPresent()) {
                    named.add(s);
                }
            }
            if (named.size() == 1) {
                select(named.get(0).text(), true, item, options, ticked, unrecognised);
            }
        }
        if (item.type() == ItemType.SINGLE_CHOICE && ticked.size() == 1) {
            countAfterTheList(untagged, item, ticked);
        }
        List<Selection> selections = new ArrayList<>(ticked.values());
        if (selections.size() > 1) {
            selections.sort(Comparator.comparingInt(s -> options.order(s.optionCode())));
        }
        boolean reliable = !(item.type() == ItemType.MULTIPLE_CHOICE && boxesOnly && ticked.isEmpty());
        return new DecodedSelection(selections, unrecognised, reliable);
    }

    /**
     * "[委託する] <選択肢> 1) 委託する 2) 委託しない (6) 件": the count of the one chosen option, printed after the option
     * list, when the option takes a count, none was read beside it, and the cell holds exactly one "(N) 件".
     */
    private static void countAfterTheList(String untagged, Item item, Map<String, Selection> ticked) {
        Selection chosen = ticked.values().iterator().next();
        boolean takesCount = item.options().stream().anyMatch(o -> o.code().equals(chosen.optionCode()) && o.count());
        Matcher counts = LONE_COUNT.matcher(untagged);
        if (!takesCount || chosen.count() != null || !counts.find()) {
            return;
        }
        long count = Long.parseLong(counts.group(1));
        if (!counts.find()) {
            ticked.put(chosen.optionCode(), new Selection(chosen.optionCode(), chosen.text(), count));
        }
    }

    /** A box and the text after it up to the next box; text before the first box has no box (null). */
    private record Segment(Boolean box, String text) {
    }

    private static List<Segment> segments(String text) {
        if (text.indexOf('[') < 0 && !text.contains("<input")) {
            return List.of(new Segment(null, text));       // no box
        }
        List<Segment> segments = new ArrayList<>();
        Matcher box = BOX.matcher(text);
        int last = 0;
        Boolean state = null;
        for (int at = nextBox(box, text, 0); at >= 0; at = nextBox(box, text, last)) {
            segments.add(new Segment(state, text.substring(last, at)));
            state = box.group(1) != null
                    ? box.group(1).contains("checked") || box.group(1).contains("radio")
                    : !box.group(2).isEmpty();
            last = box.end();
        }
        segments.add(new Segment(state, text.substring(last)));
        return segments;
    }

    /**
     * Where {@link #BOX}'s next match at or after {@code from} starts (the matcher then holds it), or -1: as
     * {@code find()} from {@code from}, the pattern tried only where a match can start — a '[' or, for a box without
     * its bracket, the run of {@code \s} right before an "&lt;input" (or the "&lt;input" itself).
     */
    private static int nextBox(Matcher box, String text, int from) {
        int bracket = text.indexOf('[', from);
        int input = text.indexOf("<input", from);
        while (bracket >= 0 || input >= 0) {
            int at;
            if (input >= 0) {
                int run = input;
                while (run > from && isSpace(text.charAt(run - 1))) {
                    run--;
                }
                at = bracket >= 0 ? Math.min(bracket, run) : run;
            } else {
                at = bracket;
            }
            box.region(at, text.length());
            if (box.lookingAt()) {
                return at;
            }
            from = at + 1;
            bracket = bracket >= 0 && bracket < from ? text.indexOf('[', from) : bracket;
            input = input >= 0 && input < from ? text.indexOf("<input", from) : input;
        }
        return -1;
    }

    private static void bracketValues(String text, Item item, Options options, Map<String, Selection> ticked,
                                      List<String> unrecognised) {
        if (text.indexOf('[') < 0) {
            return;
        }
        Matcher value = BRACKET_VALUE.matcher(text);
        for (int at = lookingAtFrom(value, text, "[", 0); at >= 0; at = lookingAtFrom(value, text, "[", value.end())) {
            select(value.group(1), true, item, options, ticked, unrecognised);
        }
    }

    /** One option's text ("その他 (デジタル庁)", "移転を行っている (13) 件"): ticked by its box or by its detail. */
    private static void select(String raw, boolean boxTicked, Item item, Options options,
                               Map<String, Selection> ticked, List<String> unrecognised) {
        String label = label(raw);
        if (label.isEmpty()) {
            return;
        }
        String compactRaw = options.bracketed() ? compact(raw) : null;     // made once, only where needed
        int bracketed = compactRaw == null ? -1 : bracketedOption(compactRaw, options);
        Optional<ChoiceOption> option = bracketed >= 0 ? Optional.of(options.list().get(bracketed))
                : option(label, options);
        if (option.isEmpty()) {
            unrecognised.add(raw.strip());
            return;
        }
        String details = bracketed >= 0 ? compactRaw.substring(options.compact(bracketed).length()) : raw;
        Matcher detail = details.indexOf('(') >= 0 ? DETAIL.matcher(details) : null;
        String free = null;
        Long count = null;
        if (detail != null && lookingAtFrom(detail, details, "(", 0) >= 0 && !detail.group(1).isBlank()) {
            if (detail.group(2) != null && COUNT.matcher(detail.group(1).strip()).matches()) {
                count = Long.parseLong(detail.group(1).strip());
            } else {
                free = detail.group(1).strip();
            }
        }
        if (boxTicked || free != null || (count != null && count > 0)) {
            ChoiceOption chosen = option.get();
            ticked.putIfAbsent(chosen.code(), new Selection(chosen.code(), chosen.freeText() ? free : null,
                    chosen.count() ? count : null));
        }
    }

    /**
     * An option whose label itself has brackets ("接続しない(提供)", "その他識別情報(内部番号)"), printed at the start of
     * the text: the brackets are its name, not a free text or count, so they neither tick it nor get mistaken for
     * the bracket-less variant. The longest such label wins (the first of equally long ones). Its index, or -1.
     */
    private static int bracketedOption(String compactRaw, Options options) {
        int best = -1;
        for (int i = 0; i < options.list().size(); i++) {
            String compact = options.compact(i);
            if (compact != null && compactRaw.startsWith(compact)
                    && (best < 0 || compact.length() > options.compact(best).length())) {
                best = i;
            }
        }
        return best;
    }

    private static boolean bracketed(ChoiceOption option) {
        return option.label().contains("(") || option.label().contains("（");
    }

    /** NFKC without spaces, brackets of boxes or leading numbering: where "(" stays, labels compare whole. */
    private static String compact(String text) {
        String compact = withoutSpaces(Nfkc.normalize(text)).replace("[", "").replace("]", "");
        return compact.indexOf(')') >= 0 ? LEADING_NUMBERING.matcher(compact).replaceFirst("") : compact;
    }

    /** The option's name in a text: without "( … )" details, "件", numbering such as "1)" and spaces. */
    private static String label(String raw) {
        String label = (raw.indexOf('(') >= 0 ? replaceAll(BRACKETED, raw, "(", "") : raw).replace("件", "");
        label = label.indexOf(')') >= 0 ? NUMBERING.matcher(label).replaceFirst("") : label;
        return withoutSpaces(label).replace("[", "").replace("]", "").strip();
    }

    /** {@code \s+} (ASCII white space) replaced by "", by a scan; the text itself when it has none. */
    private static String withoutSpaces(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code \s} without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** Exact label, else the one option sharing the longest start of at least four characters (wording variants). */
    static Optional<ChoiceOption> option(String label, Item item) {
        return option(label, options(item));
    }

    private static Optional<ChoiceOption> option(String label, Options options) {
        List<ChoiceOption> list = options.list();
        for (int i = 0; i < list.size(); i++) {
            if (options.key(i).equals(label)) {
                return Optional.of(list.get(i));
            }
        }
        ChoiceOption best = null;
        int bestLength = 3;
        boolean tie = false;
        for (int i = 0; i < list.size(); i++) {
            int common = commonPrefix(options.key(i), label);
            if (common > bestLength) {
                best = list.get(i);
                bestLength = common;
                tie = false;
            } else if (common == bestLength && best != null) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /**
     * Where {@code matcher}'s pattern, every match of which starts with {@code prefix}, next matches at or after
     * {@code from} (the matcher then holds that match), or -1: what {@code find()} from {@code from} finds, the
     * pattern tried only where the prefix stands instead of at every character. The region runs to the text's end,
     * so anchors and look-arounds see what they see in the whole text.
     */
    private static int lookingAtFrom(Matcher matcher, String text, String prefix, int from) {
        for (int at = text.indexOf(prefix, from); at >= 0; at = text.indexOf(prefix, at + 1)) {
            matcher.region(at, text.length());
            if (matcher.lookingAt()) {
                return at;
            }
        }
        return -1;
    }

    /**
     * {@code pattern.matcher(text).replaceAll(replacement)} for a pattern every match of which starts with
     * {@code prefix} and a replacement without group references; the text itself when nothing matches.
     */
    private static String replaceAll(Pattern pattern, String text, String prefix, String replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = null;
        int from = 0;
        for (int at = lookingAtFrom(matcher, text, prefix, 0); at >= 0;
             at = lookingAtFrom(matcher, text, prefix, from)) {
            out = (out == null ? new StringBuilder(text.length()) : out).append(text, from, at).append(replacement);
            from = matcher.end();
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    /** The options of an item as matching needs them, made once per option list. */
    private static Options options(Item item) {
        Identity key = new Identity(item.options());
        Options options = OPTIONS.get(key);
        if (options == null) {
            options = Options.of(item.options());
            if (OPTIONS.size() >= CACHE_LIMIT) {
                OPTIONS.clear();
            }
            OPTIONS.put(key, options);
        }
        return options;
    }

    /**
     * An item's options with each label's key (NFKC, then {@link #label}), its compact form where the label has
     * brackets (else null), whether any has, and each code's first place in the list.
     */
    private record Options(List<ChoiceOption> list, String[] keys, String[] compacts, boolean bracketed,
                           Map<String, Integer> places) {
        static Options of(List<ChoiceOption> list) {
            String[] keys = new String[list.size()];
            String[] compacts = new String[list.size()];
            Map<String, Integer> places = new HashMap<>();
            boolean any = false;
            for (int i = 0; i < list.size(); i++) {
                ChoiceOption option = list.get(i);
                keys[i] = label(Nfkc.normalize(option.label()));
                if (SelectionCells.bracketed(option)) {
                    compacts[i] = SelectionCells.compact(option.label());
                    any = true;
                }
                places.putIfAbsent(option.code(), i);
            }
            return new Options(list, keys, compacts, any, places);
        }

        String key(int index) {
            return keys[index];
        }

        String compact(int index) {
            return compacts[index];
        }

        /** {@code codes.indexOf(code)}: the first option of that code, -1 for none. */
        int order(String code) {
            return places.getOrDefault(code, -1);
        }
    }

    /** A key compared by identity: an option list of a form is the same object for every cell read against it. */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }
}
