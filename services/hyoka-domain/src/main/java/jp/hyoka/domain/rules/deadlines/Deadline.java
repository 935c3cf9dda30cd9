package jp.hyoka.domain.rules.deadlines;

import java.time.LocalDate;

/** One deadline: what is due, by when, counted from which date, and where it stands on the day asked about. */
public record Deadline(DeadlineKind kind, LocalDate dueOn, LocalDate countedFrom, DeadlineStatus status) {
}
