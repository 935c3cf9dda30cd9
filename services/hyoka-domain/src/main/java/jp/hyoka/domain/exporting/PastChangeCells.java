package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.importing.annex.ChangeText;
import jp.hyoka.domain.importing.annex.ChangeTextKind;
import jp.hyoka.domain.importing.annex.SubmissionTiming;

import java.util.Optional;

/**
 * The cells of one 変更箇所 row, written so that {@code ChangeAnnexParser} reads back the same row: the date as the
 * document wrote it, the 変更前/変更後 text in a form the parser classifies as the recorded kind (DOMAIN.md §4.5),
 * and 提出時期 as 事前/事後.
 */
final class PastChangeCells {

    private PastChangeCells() {
    }

    /** The 変更日 as written; where none was written, the date in 和暦; else empty. */
    static String date(PastChange change) {
        if (change.changedOnText() != null && !change.changedOnText().isBlank()) {
            return change.changedOnText();
        }
        return change.changedOn() == null ? "" : JapaneseDates.format(change.changedOn());
    }

    /** "事前", "事後", or empty when the document left it blank or the value is unknown. */
    static String timing(PastChange change) {
        if (change.timing() == null) {
            return "";
        }
        for (SubmissionTiming timing : SubmissionTiming.values()) {
            if (timing.name().equals(change.timing()) || timing.label().equals(change.timing())) {
                return timing.label();
            }
        }
        return "";
    }

    /** Whether the row had no 変更前 cell at all: the parser reads that only from a short row (see TsvChangeAnnex). */
    static boolean beforeMissing(PastChange change) {
        return kind(change.beforeKind()).filter(ChangeTextKind.MISSING::equals).isPresent();
    }

    static String before(PastChange change) {
        return text(change.beforeKind(), change.before());
    }

    static String after(PastChange change) {
        return text(change.afterKind(), change.after());
    }

    /**
     * The text as recorded when the parser classifies it as the recorded kind, which holds for every row it read
     * itself; otherwise the placeholder of that kind, so that a change recorded as, say, DELETED without text still
     * prints as "削除" and reads back as DELETED. An ABRIDGED text keeps its words and gains "(省略)".
     */
    static String text(String kindName, String recorded) {
        String text = TsvCell.of(recorded == null ? "" : recorded).strip();
        Optional<ChangeTextKind> kind = kind(kindName);
        if (kind.isEmpty() || kind.get() == ChangeTextKind.MISSING || ChangeText.of(text).kind() == kind.get()) {
            return text;
        }
        return switch (kind.get()) {
            case EMPTY -> "";
            case DELETED -> "削除";
            case ADDED -> "(追加)";
            case SEE_ANNEX -> "別紙参照";
            case ABRIDGED -> (text + " (省略)").strip();
            default -> text;
        };
    }

    private static Optional<ChangeTextKind> kind(String name) {
        for (ChangeTextKind kind : ChangeTextKind.values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
