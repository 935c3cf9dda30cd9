package jp.hyoka.domain.rules.deadlines;

import java.time.LocalDate;
import java.util.List;

/**
 * What an assessment's deadlines are computed from: its publications, the day its 事務 ended (null while it goes
 * on) and the days the municipality's 重大事故 were discovered.
 */
public record DeadlineFacts(List<Publication> publications, LocalDate affairEndedOn,
                            List<LocalDate> seriousIncidents) {

    public DeadlineFacts {
        publications = List.copyOf(publications);
        seriousIncidents = List.copyOf(seriousIncidents);
    }

    public static DeadlineFacts published(List<Publication> publications) {
        return new DeadlineFacts(publications, null, List.of());
    }

}
