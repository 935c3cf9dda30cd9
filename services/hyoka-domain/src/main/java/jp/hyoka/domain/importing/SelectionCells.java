package jp.hyoka.domain.importing;

import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.Selection;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
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
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern COUNT = Pattern.compile("\\d+");
    private static final Pattern LONE_COUNT = Pattern.compile("\\(\\s*(\\d{1,6})\\s*\\)\\s*件");

    /**
     * Keys and compact forms of option labels: every selection cell compares its texts with every option of its
     * item (the bulk-import profile found this normalising a twentieth of the reading time). Option labels come
     * from the form definitions, so they are few; bounded all the same.
     */
    private static final int CACHE_LIMIT = 20_000;
    private static final Map<String, String> OPTION_KEYS = new ConcurrentHashMap<>();
    private static final Map<String, String> OPTION_COMPACT = new ConcurrentHashMap<>();

    private SelectionCells() {
    }

    /*
     * Each pattern runs only where the text holds what it cannot match without (a tag a '<', the option list
     * "<選択肢>", a box "<input" or '[', a detail or numbering '(' or ')', a space one of \s): a selection cell of every
     * choice item is read per revision, and most patterns matched nothing in most cells. SelectionCellsGuardsTest
     * compares this with every pattern run on every cell.
     */
    public static DecodedSelection decode(String cell, Item item) {
        String source = cell == null ? "" : cell;
        String untagged = Normalizer.normalize(source.indexOf('<') >= 0 ? OTHER_TAGS.matcher(source).replaceAll(" ")
                : source, Normalizer.Form.NFKC);
        String text = untagged.contains("<選択肢>") ? CHOICE_LIST.matcher(untagged).replaceAll(" ") : untagged;
        List<String> unrecognised = new ArrayList<>();
        Map<String, Selection> ticked = new LinkedHashMap<>();
        if (text.contains("<input")) {
            Matcher strayBox = VALUE_WITH_STRAY_BOX.matcher(text);
            while (strayBox.find()) {
                select(strayBox.group(1), true, item, ticked, unrecognised);
            }
            text = strayBox.replaceAll(" ");
        }
        List<Segment> segments = segments(text);
        for (Segment segment : segments) {
            if (segment.box() == null) {
                bracketValues(segment.text(), item, ticked, unrecognised);
            } else if (!segment.text().isBlank()) {
                select(segment.text(), segment.box(), item, ticked, unrecognised);
            }
        }
        boolean boxesOnly = segments.stream().anyMatch(s -> s.box() != null) && ticked.isEmpty();
        if (boxesOnly && item.type() == ItemType.SINGLE_CHOICE) {
            // "[<input/>] 実施する [<input/>]" and "<input/> 100人以上500人未満 []": the one option named between
            // unticked boxes is the selected value.
            List<Segment> named = segments.stream().filter(s -> s.box() != null && option(label(s.text()), item).isPresent())
                    .toList();
            if (named.size() == 1) {
                select(named.get(0).text(), true, item, ticked, unrecognised);
            }
        }
        if (item.type() == ItemType.SINGLE_CHOICE && ticked.size() == 1) {
            countAfterTheList(untagged, item, ticked);
        }
        List<String> order = item.options().stream().map(ChoiceOption::code).toList();
        List<Selection> selections = new ArrayList<>(ticked.values());
        selections.sort(Comparator.comparingInt(s -> order.indexOf(s.optionCode())));
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
        while (box.find()) {
            segments.add(new Segment(state, text.substring(last, box.start())));
            state = box.group(1) != null
                    ? box.group(1).contains("checked") || box.group(1).contains("radio")
                    : !box.group(2).isEmpty();
            last = box.end();
        }
        segments.add(new Segment(state, text.substring(last)));
        return segments;
    }

    private static void bracketValues(String text, Item item, Map<String, Selection> ticked, List<String> unrecognised) {
        if (text.indexOf('[') < 0) {
            return;
        }
        Matcher value = BRACKET_VALUE.matcher(text);
        while (value.find()) {
            select(value.group(1), true, item, ticked, unrecognised);
        }
    }

    /** One option's text ("その他 (デジタル庁)", "移転を行っている (13) 件"): ticked by its box or by its detail. */
    private static void select(String raw, boolean boxTicked, Item item, Map<String, Selection> ticked,
                               List<String> unrecognised) {
        String label = label(raw);
        if (label.isEmpty()) {
            return;
        }
        String compactRaw = hasBracketedOption(item) ? compact(raw) : null;     // made once, only where needed
        Optional<ChoiceOption> bracketed = compactRaw == null ? Optional.empty() : bracketedOption(compactRaw, item);
        Optional<ChoiceOption> option = bracketed.or(() -> option(label, item));
        if (option.isEmpty()) {
            unrecognised.add(raw.strip());
            return;
        }
        String details = bracketed.map(o -> compactRaw.substring(compactOption(o.label()).length())).orElse(raw);
        Matcher detail = details.indexOf('(') >= 0 ? DETAIL.matcher(details) : null;
        String free = null;
        Long count = null;
        if (detail != null && detail.find() && !detail.group(1).isBlank()) {
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
     * the bracket-less variant. The longest such label wins.
     */
    private static Optional<ChoiceOption> bracketedOption(String compactRaw, Item item) {
        return item.options().stream().filter(SelectionCells::bracketed)
                .filter(o -> compactRaw.startsWith(compactOption(o.label())))
                .max(Comparator.comparingInt(o -> compactOption(o.label()).length()));
    }

    /** Whether an option of the item has brackets in its label: else the cell's compact form is not needed. */
    private static boolean hasBracketedOption(Item item) {
        for (ChoiceOption option : item.options()) {
            if (bracketed(option)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bracketed(ChoiceOption option) {
        return option.label().contains("(") || option.label().contains("（");
    }

    /** NFKC without spaces, brackets of boxes or leading numbering: where "(" stays, labels compare whole. */
    private static String compact(String text) {
        String compact = withoutSpaces(Normalizer.normalize(text, Normalizer.Form.NFKC)).replace("[", "").replace("]", "");
        return compact.indexOf(')') >= 0 ? LEADING_NUMBERING.matcher(compact).replaceFirst("") : compact;
    }

    private static String compactOption(String label) {
        return cached(OPTION_COMPACT, label, SelectionCells::compact);
    }

    private static String cached(Map<String, String> cache, String label, UnaryOperator<String> function) {
        String cachedValue = cache.get(label);
        if (cachedValue != null) {
            return cachedValue;
        }
        String value = function.apply(label);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(label, value);
        return value;
    }

    /** The option's name in a text: without "( … )" details, "件", numbering such as "1)" and spaces. */
    private static String label(String raw) {
        String label = (raw.indexOf('(') >= 0 ? BRACKETED.matcher(raw).replaceAll("") : raw).replace("件", "");
        label = label.indexOf(')') >= 0 ? NUMBERING.matcher(label).replaceFirst("") : label;
        return withoutSpaces(label).replace("[", "").replace("]", "").strip();
    }

    /** {@link #SPACES} ({@code \s}: ASCII white space) taken out, where the text has any. */
    private static String withoutSpaces(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c >= '\t' && c <= '\r') {
                return SPACES.matcher(text).replaceAll("");
            }
        }
        return text;
    }

    /** Exact label, else the one option sharing the longest start of at least four characters (wording variants). */
    static Optional<ChoiceOption> option(String label, Item item) {
        for (ChoiceOption option : item.options()) {
            if (key(option.label()).equals(label)) {
                return Optional.of(option);
            }
        }
        ChoiceOption best = null;
        int bestLength = 3;
        boolean tie = false;
        for (ChoiceOption option : item.options()) {
            int common = commonPrefix(key(option.label()), label);
            if (common > bestLength) {
                best = option;
                bestLength = common;
                tie = false;
            } else if (common == bestLength && best != null) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private static String key(String label) {
        return cached(OPTION_KEYS, label, l -> label(Normalizer.normalize(l, Normalizer.Form.NFKC)));
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
