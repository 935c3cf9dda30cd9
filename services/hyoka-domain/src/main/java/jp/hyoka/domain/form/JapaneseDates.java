package jp.hyoka.domain.form;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates as the documents write them: 和暦 ("令和7年3月27日", "令和元年5月1日", "平成31年4月30日") or 西暦 ("2025-03-27",
 * "2015/10/1", "2025年3月27日"). Parsing is strict: an impossible date (令和7年2月29日, 平成31年5月1日 — 令和 had begun)
 * is no date. Printing uses 元年 for the first year of an era, as the official documents do.
 */
public final class JapaneseDates {

    private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
            .withChronology(JapaneseChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> SEIREKI = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));

    private JapaneseDates() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).strip()
                .replace("元年", "1年").replaceAll("[.。]$", "");
        try {
            return Optional.of(LocalDate.from(WAREKI.parse(normalised)));
        } catch (DateTimeParseException e) {
            for (DateTimeFormatter format : SEIREKI) {
                try {
                    return Optional.of(LocalDate.parse(normalised, format));
                } catch (DateTimeParseException ignored) {
                    // try the next shape
                }
            }
            return Optional.empty();
        }
    }

    /** e.g. 2019-05-01 → 令和元年5月1日, 2025-03-27 → 令和7年3月27日. */
    public static String format(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        JapaneseEra era = japanese.getEra();
        int year = japanese.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return era.getDisplayName(java.time.format.TextStyle.FULL, Locale.JAPAN)
                + (year == 1 ? "元" : Integer.toString(year)) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
