package jp.hyoka.domain.components.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a published cell into its "…における措置" sections, so that each body can be matched on its own: one
 * 保管場所 cell holds the municipality's own measures, <ガバメントクラウドにおける措置> and
 * <中間サーバー・プラットフォームにおける措置> one after the other (DOMAIN.md §5.1). Headings are written in
 * angle brackets (&lt;&gt; ＜＞ 〈〉 《》, any Japanese words: "＜紙媒体の保管＞" too; ASCII-only content is an HTML
 * tag; half-width ones also as the entities {@code &lt;…&gt;}, as a stored, sanitised answer holds them), in
 * parentheses or numbered ("2 中間サーバー・ソフトウェアにおける措置"; only "…における…措置" words, since parentheses
 * and numbers also occur inside sentences, e.g. "(ISMAP)").
 */
public final class BoilerplateSections {

    private static final String WORDS = "[^<>＜＞〈〉《》()（）。\\s]{1,40}?における[^<>＜＞〈〉《》()（）。\\s]{0,20}?措置";
    private static final Pattern HEADING = Pattern.compile(
            "(?:[<＜〈《]|&lt;)\\s*((?=[^<>＜＞〈〉《》&]*[^\\x00-\\x7F])[^<>＜＞〈〉《》&。\\r\\n]{1,40}?)\\s*(?:[>＞〉》]|&gt;)"
                    + "|[(（]\\s*(" + WORDS + ")\\s*[)）]"
                    + "|(?<=^|[\\s>])[0-9０-９]{1,2}\\s+(" + WORDS + ")(?=\\s|<|$)");
    private static final Pattern LEADING_CLOSING_TAGS = Pattern.compile("^(?:\\s*</[A-Za-z][^<>]*>)*\\s*");
    private static final Pattern TRAILING_OPENING_TAGS = Pattern.compile("(?:\\s*<[A-Za-z][^<>]*>)*\\s*$");

    private BoilerplateSections() {
    }

    /** The sections in order; a cell without headings is one section with an empty heading. */
    public static List<BoilerplateSection> of(String cell) {
        List<BoilerplateSection> sections = new ArrayList<>();
        Matcher matcher = HEADING.matcher(cell);
        String heading = "";
        int bodyStart = 0;
        while (matcher.find()) {
            add(sections, heading, cell.substring(bodyStart, matcher.start()));
            heading = matcher.group(1) != null ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            bodyStart = matcher.end();
        }
        add(sections, heading, cell.substring(bodyStart));
        return sections;
    }

    private static void add(List<BoilerplateSection> sections, String heading, String body) {
        String trimmed = TRAILING_OPENING_TAGS.matcher(LEADING_CLOSING_TAGS.matcher(body).replaceFirst(""))
                .replaceFirst("");
        if (!heading.isEmpty() || !MatchingText.of(trimmed).isEmpty()) {
            sections.add(new BoilerplateSection(heading, trimmed));
        }
    }
}
