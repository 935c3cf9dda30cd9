package jp.hyoka.domain.importing.annex;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.Section;

/**
 * An item of the form with what a 項目 path may say about it, compacted for matching: its section and block (labels
 * and numbers), the heading or item printed before it, its repeat groups and リスクN. The numbers and the context are
 * worked out once ({@link #of}): every path of an annex is scored against every item.
 *
 * @param blockNumber the digits of the block's number, or null
 * @param circled     the item's circled number (the last one), or null
 * @param risk        the リスクN the item belongs to, or null
 * @param context     the heading and the item before it, where at least four characters long
 */
record ItemNode(Item item, Section section, Block block, String sectionLabel, String blockLabel, String label,
                String heading, String previous, List<String> chain, Integer blockNumber, Integer circled,
                Integer risk, Set<String> context) {

    private static final Pattern CIRCLED = Pattern.compile("[\\u2460-\\u2473]");
    private static final Pattern RISK_ID = Pattern.compile("\\.r(\\d)\\.");
    private static final Pattern RISK_LABEL = Pattern.compile("^リスク(\\d)");
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

    static ItemNode of(Item item, Section section, Block block, String sectionLabel, String blockLabel, String label,
                       String heading, String previous, List<String> chain) {
        return new ItemNode(item, section, block, sectionLabel, blockLabel, label, heading, previous, chain,
                blockNumber(block), circled(item), risk(item, blockLabel), context(heading, previous));
    }

    boolean numberMatches(int number) {
        return blockNumber != null && blockNumber == number;
    }

    /** True when the item is in the annex "(別添1)", or in any 別添 for a path that gives no number. */
    boolean inAnnex(String annex) {
        String number = section.number();
        return number.equals(annex) || annex.equals("(別添)") && number.startsWith("(別添");
    }

    int blockSize() {
        return block.items().size();
    }

    private static Integer blockNumber(Block block) {
        String digits = NOT_DIGIT.matcher(block.number()).replaceAll("");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }

    private static Integer circled(Item item) {
        Matcher m = CIRCLED.matcher(item.number());
        Integer last = null;
        while (m.find()) {
            last = m.group().codePointAt(0) - 0x2460 + 1;
        }
        return last;
    }

    private static Integer risk(Item item, String blockLabel) {
        Matcher id = RISK_ID.matcher(item.id().value());
        if (id.find()) {
            return Integer.valueOf(id.group(1));
        }
        Matcher label = RISK_LABEL.matcher(blockLabel);
        return label.find() ? Integer.valueOf(label.group(1)) : null;
    }

    private static Set<String> context(String heading, String previous) {
        Set<String> context = new LinkedHashSet<>();
        if (heading.length() >= 4) {
            context.add(heading);
        }
        if (previous.length() >= 4) {
            context.add(previous);
        }
        return Collections.unmodifiableSet(context);
    }
}
