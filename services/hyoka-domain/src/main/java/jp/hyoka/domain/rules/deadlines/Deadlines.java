package jp.hyoka.domain.rules.deadlines;

import jp.hyoka.domain.rules.incidents.SeriousIncident;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    /** The deadlines on {@code asOf} of an assessment known only by its publications (see below). */
    public static List<Deadline> of(List<Publication> publications, LocalDate asOf) {
        return of(DeadlineFacts.published(publications), asOf);
    }

    /**
     * The deadlines on {@code asOf}, soonest first. The review and the re-assessment run from the publications (none
     * while nothing is published) and stop with the 事務: none falls due after the day it ended, which starts the
     * three years of publication instead. Each 重大事故 opens its three-year (III 7) window — and, when it concerned
     * 特定個人情報, its one-year (しきい値) window — on every 事務 that had not ended before it was discovered, unless the
     * window had closed before the assessment was started.
     */
    public static List<Deadline> of(DeadlineFacts facts, LocalDate asOf) {
        List<Deadline> deadlines = new ArrayList<>();
        LocalDate ended = facts.affairEndedOn();
        for (Deadline deadline : publicationDeadlines(facts.publications(), asOf)) {
            if (ended == null || !deadline.dueOn().isAfter(ended)) {
                deadlines.add(deadline);
            }
        }
        if (ended != null) {
            deadlines.add(deadline(DeadlineKind.PUBLICATION_AFTER_AFFAIR_END, ended, ended.plusYears(3), asOf));
        }
        for (SeriousIncident incident : facts.seriousIncidents()) {
            LocalDate discovered = incident.discoveredOn();
            if (ended == null || !discovered.isAfter(ended)) {
                if (incident.specificPersonalInformation()) {
                    window(deadlines, facts, DeadlineKind.SERIOUS_INCIDENT_THRESHOLD, discovered,
                            discovered.plusYears(1), asOf);
                }
                window(deadlines, facts, DeadlineKind.SERIOUS_INCIDENT_DISCLOSURE, discovered,
                        discovered.plusYears(3), asOf);
            }
        }
        deadlines.sort(Comparator.comparing(Deadline::dueOn).thenComparing(Deadline::kind));
        return List.copyOf(deadlines);
    }

    /** A window that had closed before the assessment was started is none of its concern. */
    private static void window(List<Deadline> deadlines, DeadlineFacts facts, DeadlineKind kind, LocalDate from,
                               LocalDate due, LocalDate asOf) {
        if (facts.startedOn() == null || !due.isBefore(facts.startedOn())) {
            deadlines.add(deadline(kind, from, due, asOf));
        }
    }

    private static List<Deadline> publicationDeadlines(List<Publication> publications, LocalDate asOf) {
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
        return List.of(deadline(DeadlineKind.ANNUAL_REVIEW, lastPublished.get(), lastPublished.get().plusYears(1), asOf),
                deadline(DeadlineKind.FIVE_YEAR_REASSESSMENT, lastAssessed, lastAssessed.plusYears(5), asOf));
    }

    private static Deadline deadline(DeadlineKind kind, LocalDate from, LocalDate due, LocalDate asOf) {
        return new Deadline(kind, due, from, status(kind, due, asOf));
    }

    static DeadlineStatus status(DeadlineKind kind, LocalDate due, LocalDate asOf) {
        if (due.isBefore(asOf)) {
            return kind.window() ? DeadlineStatus.ELAPSED : DeadlineStatus.OVERDUE;
        }
        return ChronoUnit.DAYS.between(asOf, due) <= DUE_SOON_DAYS ? DeadlineStatus.DUE_SOON : DeadlineStatus.UPCOMING;
    }
}
