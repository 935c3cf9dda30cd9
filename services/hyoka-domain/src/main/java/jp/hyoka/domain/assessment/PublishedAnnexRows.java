package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.importing.annex.ChangeTextKind;
import jp.hyoka.domain.importing.annex.ReasonRules;

import java.util.ArrayList;
import java.util.List;

/**
 * The 変更箇所 rows a publication adds to the annex, in the same shape as rows taken over from published files, so
 * that the annex, its exports and history queries treat the imported past and Hyoka's own publications alike:
 * 変更日 is the 公表日, an empty side is EMPTY, a removed answer reads "削除", and the explanation gets the reason
 * code an imported one would.
 */
public final class PublishedAnnexRows {

    /** The source name of a publication's rows, in place of a file name. */
    public static String sourceName(int version) {
        return "version " + version;
    }

    /** Unique per assessment, like an imported file's content hash: one set of rows per published version. */
    public static String sourceKey(int version) {
        return "published-version-" + version;
    }

    private PublishedAnnexRows() {
    }

    public static List<PastChange> of(VersionPublished published) {
        List<PastChange> rows = new ArrayList<>();
        for (PublishedChange change : published.changes()) {
            boolean removed = change.after() == null;
            rows.add(new PastChange(rows.size(), 0, published.publishedOn(), JapaneseDates.format(published.publishedOn()),
                    change.itemPath(), change.itemId().value(),
                    change.before() == null ? ChangeTextKind.EMPTY.name() : ChangeTextKind.TEXT.name(), change.beforeText(),
                    removed ? ChangeTextKind.DELETED.name() : ChangeTextKind.TEXT.name(),
                    removed ? "削除" : change.afterText(), change.timing().name(), change.explanation(),
                    ReasonRules.suggest(change.explanation()).name()));
        }
        return rows;
    }
}
