package jp.hyoka.domain.form;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Dates as the documents write them: 和暦 ("令和7年3月27日", "令和元年5月1日", "平成31年4月30日", in full-width digits
 * "令和７年３月２７日", spaced "令和 6年10月 1日") or 西暦 ("2025-03-27", "2015/10/1", "2025年3月27日"). Parsing is strict: an impossible date (令和7年2月29日, 平成31年5月1日 — 令和 had begun)
 * is no date. Printing uses 元年 for the first year of an era, as the official documents do.
 */
public final class JapaneseDates {

    /**
     * White space that does not sit between two digits: a PDF's justified text spaces a date around its words
     * ("令和 6年10月 1日"), but a space inside a number ("2025/1 2/3", "令和7年1 1月3日") is a typo, not a 12 or 11.
     * A run of spaces counts as one (the classes hold \s, so "1  2" is not glued by its second space).
     */
    private static final Pattern WHITE_SPACE = Pattern.compile("(?<![\\d\\s])\\s+|\\s+(?![\\d\\s])");
    private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
            .withChronology(JapaneseChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> SEIREKI = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));

    /**
     * The dates a 評価書 can mean: 明治6年 (1873, the first Gregorian year in Japan, where 和暦 printing starts) to
     * 2200. Anything outside is a typo ("1025-03-27"), not a date to keep.
     */
    /** The days of the field are Japan's: a 事務 ends, an incident is discovered, a deadline falls on a day there. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** 番号法 施行: no 特定個人情報 existed before it, so no 事務 handling it ended and no incident concerned it. */
    public static final LocalDate MY_NUMBER_ACT_IN_FORCE = LocalDate.of(2015, 10, 5);

    public static final LocalDate EARLIEST = LocalDate.of(1873, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private JapaneseDates() {
    }

    /** The day in Japan at {@code instant}. */
    public static LocalDate dayInJapan(Instant instant) {
        return instant.atZone(JAPAN).toLocalDate();
    }

    public static boolean isSupported(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // NFKC: full-width digits ("令和７年"); spaces out unless between digits (see WHITE_SPACE).
        String normalised = TRAILING_STOP.matcher(WHITE_SPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC))
                .replaceAll("").replace("元年", "1年")).replaceAll("");
        LocalDate wareki = wareki(normalised);
        if (wareki != null) {
            return Optional.of(wareki).filter(JapaneseDates::isSupported);
        }
        return byFormatters(normalised);
    }

    private static final Pattern TRAILING_STOP = Pattern.compile("[.。]$");
    private static final List<JapaneseEra> ERAS = List.of(JapaneseEra.values());

    /**
     * A 和暦 date of the one shape documents print ("令和7年3月27日": era, year, month, day in ASCII digits) that is a
     * day of that era, read without the formatter (whose failures throw; every date of a document is parsed);
     * null for anything else, which {@link #byFormatters} then tells. Equal to {@link #WAREKI}'s strict reading
     * wherever it gives a date ({@code JapaneseDatesTest}: every day of the supported range under every era).
     */
    static LocalDate wareki(String text) {
        for (JapaneseEra era : ERAS) {
            String name = eraName(era);
            if (text.startsWith(name)) {
                int[] numbers = new int[3];
                int at = name.length();
                for (int n = 0; n < 3; n++) {
                    int start = at;
                    int value = 0;
                    while (at < text.length() && at - start < 9 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                        value = value * 10 + text.charAt(at++) - '0';
                    }
                    if (at == start || at >= text.length() || text.charAt(at) != "年月日".charAt(n)) {
                        return null;
                    }
                    numbers[n] = value;
                    at++;
                }
                try {
                    return at == text.length() ? LocalDate.from(JapaneseDate.of(era, numbers[0], numbers[1], numbers[2]))
                            : null;
                } catch (java.time.DateTimeException notADayOfThatEra) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String eraName(JapaneseEra era) {
        return ERA_NAMES.computeIfAbsent(era, named -> named.getDisplayName(java.time.format.TextStyle.FULL,
                Locale.JAPAN));
    }

    /** The definition: 和暦 as {@link #WAREKI} reads it strictly, else the 西暦 shapes in turn. */
    static Optional<LocalDate> byFormatters(String normalised) {
        try {
            return Optional.of(LocalDate.from(WAREKI.parse(normalised))).filter(JapaneseDates::isSupported);
        } catch (DateTimeParseException e) {
            for (DateTimeFormatter format : SEIREKI) {
                try {
                    return Optional.of(LocalDate.parse(normalised, format)).filter(JapaneseDates::isSupported);
                } catch (DateTimeParseException ignored) {
                    // try the next shape
                }
            }
            return Optional.empty();
        }
    }

    /** e.g. 2019-05-01 → 令和元年5月1日, 2025-03-27 → 令和7年3月27日; ISO for dates 和暦 cannot print. */
    /** 令和, 平成 …: looked up once per era (every read of a document formats each date answer). */
    private static final Map<JapaneseEra, String> ERA_NAMES = new ConcurrentHashMap<>();

    public static String format(LocalDate date) {
        if (!isSupported(date)) {
            return date.toString();
        }
        JapaneseDate japanese = JapaneseDate.from(date);
        JapaneseEra era = japanese.getEra();
        int year = japanese.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return eraName(era) + (year == 1 ? "元" : Integer.toString(year)) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
