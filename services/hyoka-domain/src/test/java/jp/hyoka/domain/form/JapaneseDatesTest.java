package jp.hyoka.domain.form;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** 和暦 and 西暦 dates as the documents write them: strict parsing, and printing with 元年. */
class JapaneseDatesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "令和7年3月27日, 2025-03-27",
            "令和元年5月1日, 2019-05-01",
            "令和1年5月1日, 2019-05-01",
            "平成31年4月30日, 2019-04-30",
            "平成元年1月8日, 1989-01-08",
            "昭和64年1月7日, 1989-01-07",
            "令和７年３月２７日, 2025-03-27",   // full-width digits, as typed with a Japanese IME
            "'  令和7年3月27日 ', 2025-03-27",
            "2025-03-27, 2025-03-27",
            "2015/10/1, 2015-10-01",
            "２０１５／１０／１, 2015-10-01",
            "2025年3月27日, 2025-03-27",
            "令和7年3月27日., 2025-03-27",
            "令和7年3月27日。, 2025-03-27",
            "2025-03-27., 2025-03-27",
            "令和6年2月29日, 2024-02-29",      // leap day of a leap year
            "令和 6年10月 1日, 2024-10-01",    // spaced by a PDF's justified text
            "'平成３０年　４月　１日', 2018-04-01",
            "'令和 6 年 10 月 1 日', 2024-10-01",  // spaced around words, never inside a number
            "'令和6年  4月1日', 2024-04-01"
    })
    void givenDateAsDocumentsWriteIt_whenParse_thenThatDay(String text, LocalDate expected) {
        assertThat(JapaneseDates.parse(text)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "平成31年5月1日",   // 令和 had begun
            "令和1年4月30日",   // 令和 had not begun yet
            "令和元年4月30日",
            "昭和64年1月8日",   // 平成 had begun
            "令和7年2月29日",   // 2025 is no leap year
            "令和7年13月1日",
            "令和0年5月1日",
            "2025-02-30",
            "2025/2/29",
            "2025年4月31日",
            "1025-03-27",      // a typo for 2025, before 和暦 printing starts (明治6年)
            "2201-01-01",
            "予定",
            "令和7年度",
            "2025/1 2/3",      // a space inside a number is a typo, not 12月
            "令和7年1 1月3日",
            "令和7年1  1月3日",
            "2025-0 3-27",
            "   "
    })
    @NullAndEmptySource
    void givenNoPossibleDate_whenParse_thenEmpty(String text) {
        assertThat(JapaneseDates.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2019-05-01, 令和元年5月1日",
            "2025-03-27, 令和7年3月27日",
            "2019-04-30, 平成31年4月30日",
            "1989-01-07, 昭和64年1月7日",
            "1989-01-08, 平成元年1月8日",
            "2020-01-01, 令和2年1月1日"
    })
    void givenDate_whenFormat_thenWarekiWithGannenForTheFirstYear(LocalDate date, String expected) {
        assertThat(JapaneseDates.format(date)).isEqualTo(expected);
    }

    @Test
    void givenEveryDayAroundTheEraChanges_whenFormattedAndParsedBack_thenSameDay() {
        for (LocalDate start : new LocalDate[]{LocalDate.of(1988, 12, 1), LocalDate.of(2019, 3, 1)}) {
            for (LocalDate day = start; day.isBefore(start.plusDays(120)); day = day.plusDays(1)) {
                assertThat(JapaneseDates.parse(JapaneseDates.format(day))).as("%s", day).contains(day);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void givenADateOutsideTheSupportedRange_whenFormatted_thenPrintedAsIsoRatherThanFailing() {
        assertThat(JapaneseDates.format(java.time.LocalDate.of(1025, 3, 27))).isEqualTo("1025-03-27");
    }

    /**
     * The 和暦 fast path gives a date only where the strict formatter gives the same: every day of the supported range
     * written under its own era, the eras before and after it (years counted from their starts, so impossible days
     * such as 平成31年5月1日 too) and with padded numbers; elsewhere it defers (null).
     */
    @Test
    void givenEveryDayUnderEveryEra_whenReadByTheFastPath_thenAsTheStrictFormatterReadsIt() {
        LocalDate meijiSix = LocalDate.of(1873, 1, 1);
        for (LocalDate day = JapaneseDates.EARLIEST.minusYears(1); day.isBefore(JapaneseDates.LATEST.plusYears(1));
             day = day.plusDays(1)) {
            JapaneseEra own = era(day);
            boolean nearAChange = !era(day.minusYears(1)).equals(era(day.plusYears(1)));
            boolean monthEdge = day.getDayOfMonth() == 1 || day.plusDays(1).getDayOfMonth() == 1;
            for (JapaneseEra era : JapaneseEra.values()) {
                boolean ownEra = era.equals(own) && !day.isBefore(meijiSix);
                int year = day.getYear() - firstYear(era) + 1;
                if (!(nearAChange || monthEdge || ownEra && day.getDayOfMonth() % 9 == 0) || year < -1) {
                    continue;                               // every day near a change of era; elsewhere a sample
                }
                String name = era.getDisplayName(TextStyle.FULL, Locale.JAPAN);
                for (String text : new String[]{name + year + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日",
                        name + "0" + year + "年0" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日"}) {
                    LocalDate fast = JapaneseDates.wareki(text);
                    if (fast != null) {
                        assertThat(JapaneseDates.byFormatters(text)).as(text)
                                .isEqualTo(java.util.Optional.of(fast).filter(JapaneseDates::isSupported));
                    } else {
                        assertThat(ownEra && year > 0).as("a day of its own era, %s, read by the fast path", text)
                                .isFalse();
                    }
                }
            }
        }
    }

    private static JapaneseEra era(LocalDate day) {
        return JapaneseDate.from(day.isBefore(LocalDate.of(1873, 1, 1)) ? LocalDate.of(1873, 1, 1) : day).getEra();
    }

    /** The 西暦 year of the era's first year (明治: 1868, though days before 明治6年 are not 和暦 dates here). */
    private static int firstYear(JapaneseEra era) {
        return era == JapaneseEra.MEIJI ? 1868 : LocalDate.from(JapaneseDate.of(era, 1, 12, 31)).getYear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"令和7年3月27", "令和7年3月27日x", "令和年3月27日", "令和-7年3月27日", "令和+7年3月27日",
            "令和7年13月1日", "令和7年2月29日", "平成31年5月1日", "令和0年1月1日", "令和1234567890年1月1日", "明治5年12月31日",
            "令和7年3月27日\u0085", "R7年3月27日"})
    void givenShapesTheFastPathDoesNotRead_whenParsed_thenAsTheFormattersSay(String text) {
        assertThat(JapaneseDates.wareki(text)).isNull();
        assertThat(JapaneseDates.parse(text)).isEqualTo(JapaneseDates.byFormatters(text));
    }

    @Test
    void givenASpacedDate_whenParsed_thenTheFastPathReadsItOnceTheSpacesAreOut() {
        assertThat(JapaneseDates.wareki("令和 7年3月27日")).isNull();
        assertThat(JapaneseDates.parse("令和 7年3月27日")).contains(LocalDate.of(2025, 3, 27));
        assertThat(JapaneseDates.parse("令和 7年3月27日"))
                .isEqualTo(JapaneseDates.byFormatters("令和7年3月27日"));
    }
}
