package jp.hyoka.domain.importing.body;

import java.util.Objects;

/**
 * Content of an imported document that no form item could take, kept on the assessment as the document wrote it
 * (markup removed, so nothing executable is ever stored), with why it was not mapped.
 *
 * @param line   1-based line of the imported file
 * @param label  the label it was printed under, as printed ("" when the row had none)
 * @param text   the content, tags removed and white space collapsed
 * @param reason {@code UNKNOWN_LABEL}, {@code NO_LABEL}, {@code DUPLICATE_ITEM}, {@code INVALID_VALUE},
 *               {@code REPEAT_LIMIT}
 * @param itemId the item it was meant for, when known (invalid values, duplicates), else null
 */
public record UnmappedContent(int line, String label, String text, String reason, String itemId) {

    public static final String UNKNOWN_LABEL = "UNKNOWN_LABEL";
    public static final String NO_LABEL = "NO_LABEL";
    public static final String DUPLICATE_ITEM = "DUPLICATE_ITEM";
    public static final String INVALID_VALUE = "INVALID_VALUE";
    public static final String REPEAT_LIMIT = "REPEAT_LIMIT";

    public UnmappedContent {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
    }
}
