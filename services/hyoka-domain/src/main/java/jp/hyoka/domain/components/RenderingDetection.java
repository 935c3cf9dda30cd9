package jp.hyoka.domain.components;

import java.util.regex.Pattern;

/**
 * The numbering style a published copy of a component text is printed in, so that a recognised copy is compared
 * with the version rendered the same way (its ① or (1) are then no local change).
 */
public final class RenderingDetection {

    private static final Pattern CIRCLED = Pattern.compile("[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]");
    private static final Pattern PARENTHESISED = Pattern.compile("[(（][1-9][0-9]?[)）]");

    private RenderingDetection() {
    }

    /** ① first, then (1), then ・ points; the default style when the text shows none. */
    public static RenderingOptions of(String text) {
        Brackets brackets = RenderingOptions.DEFAULT.brackets();
        if (CIRCLED.matcher(text).find()) {
            return new RenderingOptions(Numbering.CIRCLED, brackets);
        }
        if (PARENTHESISED.matcher(text).find()) {
            return new RenderingOptions(Numbering.PARENTHESISED, brackets);
        }
        if (text.contains("・")) {
            return new RenderingOptions(Numbering.BULLET, brackets);
        }
        return RenderingOptions.DEFAULT;
    }
}
