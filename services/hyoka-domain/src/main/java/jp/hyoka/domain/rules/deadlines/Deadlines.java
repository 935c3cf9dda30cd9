package jp.hyoka.domain.rules.deadlines;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes an assessment's deadlines from its publications. Nothing is due before the first publication. The yearly
 * review runs from the last publication of any kind (a correction is a review too); the five-year re-assessment only
 * from the last (re-)assessment, since corrections (事後) do not renew it (DOMAIN.md §3.4: 再実施 is for 重要な変更,
 * a changed しきい値判断 or the passing of time). Dates are calendar dates: a deadline on 29 February counts to 28
 * February in a year without it.
 */
public final class Deadlines {

    /** How many days ahead a deadline counts as due soon: a quarter, time enough for a 全項目's 30-day 意見聴取. */
    public static final int DUE_SOON_DAYS = 90;

    private Deadlines() {
    }

    /** The deadlines on {@code asOf}, soonest first; none while nothing is published. */
    public static List<Deadline> of(List<Publication> publications, LocalDate asOf) {
        Optional<LocalDate> lastPublished = publications.stream().map(Publication::publishedOn)
                .max(Comparator.naturalOrder());
        if (lastPublished.isEmpty()) {
            return List.of();
        }
        LocalDate lastAssessed = publications.stream().filter(Publication::reassessment)
                .map(Publication::publishedOn).max(Comparator.naturalOrder())
                // none marked: the earliest publication known is the assessment itself (the conservative choice)
                .orElseGet(() -> publications.stream().map(Publication::publishedOn).min(Comparator.naturalOrder())
                        .orElseThrow());
        return List.of(
                        deadline(DeadlineKind.ANNUAL_REVIEW, lastPublished.get(), lastPublished.get().plusYears(1), asOf),
                        deadline(DeadlineKind.FIVE_YEAR_REASSESSMENT, lastAssessed, lastAssessed.plusYears(5), asOf))
                .stream().sorted(Comparator.comparing(Deadline::dueOn)).toList();
    }

    private static Deadline deadline(DeadlineKind kind, LocalDate from, LocalDate due, LocalDate asOf) {
        return new Deadline(kind, due, from, status(due, asOf));
    }

    static DeadlineStatus status(LocalDate due, LocalDate asOf) {
        if (due.isBefore(asOf)) {
            return DeadlineStatus.OVERDUE;
        }
        return ChronoUnit.DAYS.between(asOf, due) <= DUE_SOON_DAYS ? DeadlineStatus.DUE_SOON : DeadlineStatus.UPCOMING;
    }
}
