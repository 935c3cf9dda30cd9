package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.TextAnswer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A published version as the public may read it: every item marked 非公表 reads {@link #WORDING} instead of its value,
 * and so does every 変更箇所 row of such an item (before, after and explanation could tell the value too). Redacted
 * personal data is already gone from the state this is given (it was folded with every redaction).
 */
public final class PublicVersion {

    /**
     * The wording printed for a withheld part. No sample in ../shared/samples withholds anything, so the wording is
     * the one municipalities print for parts withheld under 規則第13条 (DOMAIN.md §3.5); one constant to change.
     */
    public static final String WORDING = "（非公表）";

    private PublicVersion() {
    }

    /** The document with its 非公表 items' values replaced (an unanswered item marked 非公表 reads the wording too). */
    public static Assessment of(Assessment state) {
        Map<AnswerKey, Answer> shown = new HashMap<>(state.answers());
        for (AnswerKey key : state.withheldFromPublication()) {
            shown.put(key, new TextAnswer(WORDING));
        }
        return new Assessment(state.id(), state.tenant(), state.form(), shown, state.entries(), state.importedSources(),
                state.revision(), state.lifecycle(), state.components(), state.withheldFromPublication(),
                state.procedure());
    }

    /**
     * Rows of a withheld item (in any entry: a row names the item, not the entry) withhold their texts. So does every
     * imported row whose 項目 could not be resolved to an item while anything is withheld: it might be a withheld
     * item's, and nothing tells it is not (the conservative side of 規則第13条).
     */
    public static List<PastChange> changes(Assessment state, List<PastChange> changes) {
        Set<String> items = state.withheldFromPublication().stream().map(key -> key.itemId().value())
                .collect(Collectors.toSet());
        return changes.stream().map(row -> !items.isEmpty() && (row.itemId() == null || items.contains(row.itemId()))
                ? withheld(row) : row).toList();
    }

    private static PastChange withheld(PastChange row) {
        return new PastChange(row.rowIndex(), row.sourceLine(), row.changedOn(), row.changedOnText(), row.itemPath(),
                row.itemId(), row.beforeKind(), WORDING, row.afterKind(), WORDING, row.timing(), WORDING,
                row.reasonCode());
    }
}
