package jp.hyoka.domain.form;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

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
            "'平成３０年　４月　１日', 2018-04-01"
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
}
