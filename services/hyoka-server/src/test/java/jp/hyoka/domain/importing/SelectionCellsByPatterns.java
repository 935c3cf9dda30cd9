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
 * {@link SelectionCells} as it was before its patterns were guarded (main of 2026-12-07): every pattern run on every
 * cell. Kept in test sources only, as the definition {@code SelectionCellsGuardsTest} compares the guarded reading with.
 */
final class SelectionCellsByPatterns {

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

    private SelectionCellsByPatterns() {
    }

    public static DecodedSelection decode(String cell, Item item) {
        String untagged = Normalizer.normalize(OTHER_TAGS.matcher(cell == null ? "" : cell).replaceAll(" "),
                Normalizer.Form.NFKC);
        String text = CHOICE_LIST.matcher(untagged).replaceAll(" ");
        List<String> unrecognised = new ArrayList<>();
        Map<String, Selection> ticked = new LinkedHashMap<>();
        Matcher strayBox = VALUE_WITH_STRAY_BOX.matcher(text);
        while (strayBox.find()) {
            select(strayBox.group(1), true, item, ticked, unrecognised);
        }
        text = strayBox.replaceAll(" ");
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
        Optional<ChoiceOption> bracketed = bracketedOption(raw, item);
        Optional<ChoiceOption> option = bracketed.or(() -> option(label, item));
        if (option.isEmpty()) {
            unrecognised.add(raw.strip());
            return;
        }
        String details = bracketed.map(o -> compact(raw).substring(compactOption(o.label()).length())).orElse(raw);
        Matcher detail = DETAIL.matcher(details);
        String free = null;
        Long count = null;
        if (detail.find() && !detail.group(1).isBlank()) {
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
    private static Optional<ChoiceOption> bracketedOption(String raw, Item item) {
        List<ChoiceOption> bracketed = item.options().stream()
                .filter(o -> o.label().contains("(") || o.label().contains("（")).toList();
        if (bracketed.isEmpty()) {
            return Optional.empty();                        // most items: the cell's compact form is not needed
        }
        String text = compact(raw);
        return bracketed.stream().filter(o -> text.startsWith(compactOption(o.label())))
                .max(Comparator.comparingInt(o -> compactOption(o.label()).length()));
    }

    /** NFKC without spaces, brackets of boxes or leading numbering: where "(" stays, labels compare whole. */
    private static String compact(String text) {
        String compact = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("")
                .replace("[", "").replace("]", "");
        return LEADING_NUMBERING.matcher(compact).replaceFirst("");
    }

    private static String compactOption(String label) {
        return cached(OPTION_COMPACT, label, SelectionCellsByPatterns::compact);
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
        String label = NUMBERING.matcher(BRACKETED.matcher(raw).replaceAll("").replace("件", "")).replaceFirst("");
        return SPACES.matcher(label).replaceAll("").replace("[", "").replace("]", "").strip();
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
