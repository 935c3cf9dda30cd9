package jp.hyoka.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What bounds each row on this design and what would lift it, written by whoever last profiled the row
 * ({@code bench/design-ceilings.md}, one {@code ## row N} section per BENCHMARKS.md row). The report prints the
 * section of every row it finds below target, so a missed target never stands in the report without its reason.
 */
final class DesignCeilings {

    static final String RESOURCE = "/bench/design-ceilings.md";

    private static final Pattern HEADING = Pattern.compile("(?m)^## row (\\d+)\\s*$");
    private static final Pattern ROW_NUMBER = Pattern.compile("^(\\d+)");

    private final Map<String, String> byRow;

    private DesignCeilings(Map<String, String> byRow) {
        this.byRow = byRow;
    }

    static DesignCeilings load() {
        try (InputStream in = DesignCeilings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DesignCeilings parse(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(markdown);
        String row = null;
        int bodyStart = 0;
        while (heading.find()) {
            if (row != null) {
                sections.put(row, markdown.substring(bodyStart, heading.start()).strip());
            }
            row = heading.group(1);
            bodyStart = heading.end();
        }
        if (row != null) {
            sections.put(row, markdown.substring(bodyStart).strip());
        }
        return new DesignCeilings(sections);
    }

    /** The section for a report row ("8 few fields" → row 8), if one is written. */
    Optional<String> forRow(String reportRow) {
        Matcher number = ROW_NUMBER.matcher(reportRow);
        return number.find() ? Optional.ofNullable(byRow.get(number.group(1))).filter(text -> !text.isBlank())
                : Optional.empty();
    }
}
