package jp.hyoka.domain.rules.deadlines;

import jp.hyoka.domain.rules.incidents.SeriousIncident;

import java.time.LocalDate;
import java.util.List;

/**
 * What an assessment's deadlines are computed from: its publications, the day its 事務 ended (null while it goes
 * on), the municipality's 重大事故, and the day the assessment was started (null: unknown), before which no window
 * of an incident that had already closed is its concern.
 */
public record DeadlineFacts(List<Publication> publications, LocalDate affairEndedOn,
                            List<SeriousIncident> seriousIncidents, LocalDate startedOn) {

    public DeadlineFacts {
        publications = List.copyOf(publications);
        seriousIncidents = List.copyOf(seriousIncidents);
    }

    public static DeadlineFacts published(List<Publication> publications) {
        return new DeadlineFacts(publications, null, List.of(), null);
    }

}
