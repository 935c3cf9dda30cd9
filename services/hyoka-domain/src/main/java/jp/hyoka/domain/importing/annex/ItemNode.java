package jp.hyoka.domain.importing.annex;

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
 * and numbers), the heading or item printed before it, its repeat groups and リスクN.
 */
record ItemNode(Item item, Section section, Block block, String sectionLabel, String blockLabel, String label,
                String heading, String previous, List<String> chain) {

    private static final Pattern CIRCLED = Pattern.compile("[\\u2460-\\u2473]");
    private static final Pattern RISK_ID = Pattern.compile("\\.r(\\d)\\.");
    private static final Pattern RISK_LABEL = Pattern.compile("^リスク(\\d)");

    Integer blockNumber() {
        String digits = block.number().replaceAll("\\D", "");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }

    boolean numberMatches(int number) {
        Integer own = blockNumber();
        return own != null && own == number;
    }

    Integer circled() {
        Matcher m = CIRCLED.matcher(item.number());
        Integer last = null;
        while (m.find()) {
            last = m.group().codePointAt(0) - 0x2460 + 1;
        }
        return last;
    }

    Integer risk() {
        Matcher id = RISK_ID.matcher(item.id().value());
        if (id.find()) {
            return Integer.valueOf(id.group(1));
        }
        Matcher label = RISK_LABEL.matcher(blockLabel);
        return label.find() ? Integer.valueOf(label.group(1)) : null;
    }

    /** True when the item is in the annex "(別添1)", or in any 別添 for a path that gives no number. */
    boolean inAnnex(String annex) {
        String number = section.number();
        return number.equals(annex) || annex.equals("(別添)") && number.startsWith("(別添");
    }

    int blockSize() {
        return block.items().size();
    }

    Set<String> context() {
        Set<String> context = new LinkedHashSet<>();
        if (heading.length() >= 4) {
            context.add(heading);
        }
        if (previous.length() >= 4) {
            context.add(previous);
        }
        return context;
    }
}
