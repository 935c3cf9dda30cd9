package jp.hyoka.domain.rules.incidents;

import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.IdempotencyKeyReused;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether a 重大事故 can be recorded. Pure: the caller folds the municipality's earlier records by id. A
 * 重大事故 has a day it was discovered, not after today in Japan and not before 特定個人情報 existed (番号法 施行,
 * 2015-10-05), and a short plain-text summary.
 * <p>
 * A client's retry must not record an incident twice (an auditor counts them): a request may carry an idempotency key
 * of its client's choosing, and the incident's id is then derived from the municipality and the key
 * ({@link #incidentIdFor}), so a retry names the same id. A record under an id already recorded with the same content
 * is that record (nothing new to apply); with other content it is refused ({@link IdempotencyKeyReused}).
 */
public final class SeriousIncidentDecider {

    /** A few sentences: what happened, not a report (the report is kept elsewhere). */
    public static final int MAX_SUMMARY_LENGTH = 1_000;
    /** Room for a UUID or any key a client makes up, short enough to stay a key. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;

    private SeriousIncidentDecider() {
    }

    /**
     * The id of the incident a request with {@code idempotencyKey} records in {@code tenant}'s log: the same for every
     * retry, different for another key or another municipality (a name-based UUID, version 3, which the server's
     * time-ordered ids never are). The key is taken as sent: 1–100 characters, no control characters.
     */
    public static UUID incidentIdFor(MunicipalityCode tenant, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()
                || idempotencyKey.codePointCount(0, idempotencyKey.length()) > MAX_IDEMPOTENCY_KEY_LENGTH
                || idempotencyKey.codePoints().anyMatch(Character::isISOControl)) {
            throw new CommandRejected(new InvalidInput("idempotencyKey", "1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters, not blank, no control characters"));
        }
        return UUID.nameUUIDFromBytes(("serious-incident\n" + tenant.value() + "\n" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The record to apply; empty when {@code recorded} holds the same incident under the command's id already (a
     * retry: answer that record). Refused when the command is invalid, or its id was recorded with other content.
     */
    public static Optional<SeriousIncidentRecorded> record(Map<UUID, SeriousIncidentRecorded> recorded,
                                                           RecordSeriousIncident command) {
        SeriousIncidentRecorded decided = decide(command);
        SeriousIncidentRecorded earlier = recorded.get(command.incidentId());
        if (earlier == null) {
            return Optional.of(decided);
        }
        if (sameContent(earlier, decided)) {
            return Optional.empty();
        }
        throw new CommandRejected(new IdempotencyKeyReused(earlier.incidentId().toString()));
    }

    /** What was recorded, not by whom or when: a retry by another approver of the municipality is still a retry. */
    private static boolean sameContent(SeriousIncidentRecorded earlier, SeriousIncidentRecorded decided) {
        return earlier.discoveredOn().equals(decided.discoveredOn())
                && earlier.specificPersonalInformation() == decided.specificPersonalInformation()
                && earlier.summary().equals(decided.summary());
    }

    private static SeriousIncidentRecorded decide(RecordSeriousIncident command) {
        LocalDate discovered = command.discoveredOn();
        if (discovered == null) {
            throw new CommandRejected(new InvalidInput("discoveredOn", "required"));
        }
        LocalDate today = JapaneseDates.dayInJapan(command.at());
        if (discovered.isAfter(today) || discovered.isBefore(JapaneseDates.MY_NUMBER_ACT_IN_FORCE)) {
            throw new CommandRejected(new InvalidInput("discoveredOn",
                    "must lie between " + JapaneseDates.MY_NUMBER_ACT_IN_FORCE + " (番号法 施行) and today, " + today));
        }
        String summary = command.summary() == null ? "" : PlainText.clean(command.summary()).strip();
        if (summary.isEmpty()) {
            throw new CommandRejected(new InvalidInput("summary", "required: what happened, in a few words"));
        }
        if (summary.codePointCount(0, summary.length()) > MAX_SUMMARY_LENGTH) {
            throw new CommandRejected(new InvalidInput("summary", "at most " + MAX_SUMMARY_LENGTH + " characters"));
        }
        return new SeriousIncidentRecorded(command.incidentId(), command.tenant(), discovered,
                command.specificPersonalInformation(), summary, command.by(), command.at());
    }
}
