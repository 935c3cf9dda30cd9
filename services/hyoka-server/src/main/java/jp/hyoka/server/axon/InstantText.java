package jp.hyoka.server.axon;

import org.axonframework.common.DateTimeUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The two texts an appended event's instants are stored as, written by position instead of by
 * {@code DateTimeFormatter}: the same characters (InstantTextTest compares them over the whole range), a tenth of the
 * CPU. Why: every append writes two (the event's {@code at} in its JSON, the row's {@code timestamp} column, which the
 * hash chain covers too), and the formatter was 7 % of a command's CPU (BENCHMARKS.md row 1, infra/docs/edit-path.md).
 * Years outside 0000–9999 are left to the formatters themselves.
 */
final class InstantText {

    private static final long FIRST = -62_167_219_200L;         // 0000-01-01T00:00:00Z
    private static final long LAST = 253_402_300_799L;          // 9999-12-31T23:59:59Z
    private static final int SECONDS_PER_DAY = 86_400;

    private InstantText() {
    }

    /** {@link Instant#toString()}: {@code 2026-12-06T09:00:00Z}, fraction digits by threes as needed (0, 3, 6, 9). */
    static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return instant.toString();
        }
        int nano = instant.getNano();
        byte[] text = new byte[30];
        int at = dateTime(text, seconds);
        if (nano != 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = digits(text, at, nano / 1_000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return new String(text, 0, at, StandardCharsets.ISO_8859_1);
    }

    /** {@link DateTimeUtils#formatInstant}, Axon's {@code timestamp} column: always three fraction digits. */
    static String axonTimestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return DateTimeUtils.formatInstant(instant);
        }
        byte[] text = new byte[24];
        int at = dateTime(text, seconds);
        text[at++] = '.';
        at = digits(text, at, instant.getNano() / 1_000_000, 3);
        text[at++] = 'Z';
        return new String(text, 0, at, StandardCharsets.ISO_8859_1);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} of the UTC second {@code seconds} into {@code text}; the index after it. */
    private static int dateTime(byte[] text, long seconds) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int at = digits(text, 0, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, date.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3_600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        return digits(text, at, secondOfDay % 60, 2);
    }

    /** {@code value} as exactly {@code count} decimal digits (zero-padded) at {@code at}; the index after them. */
    private static int digits(byte[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + count;
    }
}
