package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Answer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where an assessment is in its publication cycle (DOMAIN.md §3.6): version N is a draft until it is published;
 * a published version is frozen, and changing it means starting version N+1, whose differences from what was
 * published become the 変更箇所 rows of its own publication.
 *
 * @param version          the version being drafted, or the one last published
 * @param published        true once {@code version} is published (and until the next version is started)
 * @param publishedOn      公表日 of the last published version; null if none was ever published (or not known)
 * @param publishedAnswers the answers as last published: what the next publication's changes are measured against
 * @param publishedEntries the repeat entries as last published, to name the entry of a change that was removed since
 * @param affairEndedOn    the day the 事務 ended (事務終了, the end of the whole cycle), null while it goes on
 */
public record Lifecycle(int version, boolean published, LocalDate publishedOn, Map<AnswerKey, Answer> publishedAnswers,
                        Map<EntryListKey, List<String>> publishedEntries, LocalDate affairEndedOn) {

    public Lifecycle {
        publishedAnswers = Map.copyOf(publishedAnswers);
        publishedEntries = Map.copyOf(publishedEntries);
    }

    public Lifecycle(int version, boolean published, LocalDate publishedOn, Map<AnswerKey, Answer> publishedAnswers,
                     Map<EntryListKey, List<String>> publishedEntries) {
        this(version, published, publishedOn, publishedAnswers, publishedEntries, null);
    }

    /** A new assessment: the first version, a draft, with nothing published before it. */
    public static Lifecycle firstDraft() {
        return new Lifecycle(1, false, null, Map.of(), Map.of());
    }

    /** True once any version was published: from then on, every publication lists its changes. */
    public boolean everPublished() {
        return published || version > 1;
    }

    Lifecycle publish(LocalDate on, Map<AnswerKey, Answer> answers, Map<EntryListKey, List<String>> entries) {
        return new Lifecycle(version, true, on, answers, entries, affairEndedOn);
    }

    /** The same cycle with a person's data withheld from what was published too. */
    Lifecycle redacted(Redaction redaction) {
        return new Lifecycle(version, published, publishedOn, redaction.apply(publishedAnswers), publishedEntries,
                affairEndedOn);
    }

    Lifecycle nextDraft() {
        return new Lifecycle(version + 1, false, publishedOn, publishedAnswers, publishedEntries, affairEndedOn);
    }

    /** The 事務 ended on {@code on} (a later record corrects the day). */
    Lifecycle affairEnded(LocalDate on) {
        return new Lifecycle(version, published, publishedOn, publishedAnswers, publishedEntries, on);
    }
}
