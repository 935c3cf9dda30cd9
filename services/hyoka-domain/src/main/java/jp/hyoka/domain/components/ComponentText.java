package jp.hyoka.domain.components;

import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marker syntax of component texts, and their rendering. A text is rich text (the domain's HTML subset) with
 * three kinds of marker, all in double braces, which HTML sanitising leaves alone and published 評価書 never contain:
 * <ul>
 *   <li>{@code {{name}}}: a slot, filled with the municipality's value ({@code name} in {@link Slot#NAME} form);</li>
 *   <li>{@code {{#}}}: the mark of the next numbered point, ① / (1) / ・ by {@link Numbering};</li>
 *   <li>{@code {{[}}…{{]}}}: a heading, bracketed &lt;…&gt; or ＜…＞ by {@link Brackets}; each heading restarts
 *       the numbering.</li>
 * </ul>
 * Any other double-brace marker, a lone pair of opening or closing braces, a brace right next to a marker, or an
 * unbalanced heading is refused.
 */
public final class ComponentText {

    private static final Pattern MARKER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final String NUMBER = "#";
    private static final String OPEN = "[";
    private static final String CLOSE = "]";

    private ComponentText() {
    }

    /** The slot names the text uses, in order of first use; refuses a malformed marker. */
    public static List<String> slotNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        boolean inHeading = false;
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            String marker = matcher.group(1);
            if (matcher.start() > 0 && text.charAt(matcher.start() - 1) == '{'
                    || matcher.end() < text.length() && text.charAt(matcher.end()) == '}') {
                throw invalid("a brace right next to the marker {{" + marker + "}} makes it ambiguous");
            }
            if (marker.equals(OPEN) || marker.equals(CLOSE)) {
                if (inHeading == marker.equals(OPEN)) {
                    throw invalid("heading markers {{[}} and {{]}} must alternate, starting with {{[}}");
                }
                inHeading = !inHeading;
            } else if (Slot.NAME.matcher(marker).matches()) {
                names.add(marker);
            } else if (!marker.equals(NUMBER)) {
                throw invalid("unknown marker {{" + marker + "}}; slots are {{lower-case-name}}");
            }
        }
        if (inHeading) {
            throw invalid("a heading opened with {{[}} is not closed with {{]}}");
        }
        String rest = MARKER.matcher(text).replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            throw invalid("'{{' or '}}' outside a marker");
        }
        return List.copyOf(names);
    }

    /**
     * The version's text as a document prints it: slots filled with {@code slotValues} (plain text, cleaned and
     * HTML-escaped), points numbered and headings bracketed by {@code options} (the version's own when null).
     * Pure; refuses a missing or blank value for a declared slot, and a value for a slot the version does not have.
     */
    public static String render(ComponentVersion version, Map<String, String> slotValues, RenderingOptions options) {
        return render(version, slotValues, options, false);
    }

    /**
     * The same, but a slot without a value keeps its marker ({@code {{name}}}): the base a document's text is compared
     * with when its local values are not known, e.g. a copy recognised on import, whose own values then show as
     * its local change.
     */
    public static String renderKeepingSlots(ComponentVersion version, Map<String, String> slotValues,
                                            RenderingOptions options) {
        return render(version, slotValues, options, true);
    }

    private static String render(ComponentVersion version, Map<String, String> slotValues, RenderingOptions options,
                                 boolean keepUnfilled) {
        VersionContent content = version.content();
        RenderingOptions style = options != null ? options : content.rendering();
        Map<String, String> values = values(content.slots(), slotValues == null ? Map.of() : slotValues, keepUnfilled);
        StringBuilder out = new StringBuilder();
        int point = 0;
        Matcher matcher = MARKER.matcher(content.text());
        while (matcher.find()) {
            String marker = matcher.group(1);
            String replacement;
            if (marker.equals(NUMBER)) {
                replacement = style.numbering().mark(++point);
            } else if (marker.equals(OPEN)) {
                point = 0;
                replacement = style.brackets().open();
            } else if (marker.equals(CLOSE)) {
                replacement = style.brackets().close();
            } else {
                replacement = values.get(marker);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> values(List<Slot> slots, Map<String, String> given, boolean keepUnfilled) {
        List<String> declared = new ArrayList<>();
        Map<String, String> values = new java.util.HashMap<>();
        for (Slot slot : slots) {
            declared.add(slot.name());
            String value = given.get(slot.name());
            String cleaned = value == null ? "" : PlainText.clean(value);
            if (cleaned.isEmpty() && keepUnfilled) {
                values.put(slot.name(), "{{" + slot.name() + "}}");
                continue;
            }
            if (cleaned.isEmpty()) {
                throw new CommandRejected(new InvalidInput("slotValues." + slot.name(), "required"));
            }
            values.put(slot.name(), escape(cleaned));
        }
        for (String name : given.keySet()) {
            if (!declared.contains(name)) {
                throw new CommandRejected(new InvalidInput("slotValues." + name, "the version has no such slot"));
            }
        }
        return values;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static CommandRejected invalid(String problem) {
        return new CommandRejected(new InvalidInput("text", problem));
    }
}
