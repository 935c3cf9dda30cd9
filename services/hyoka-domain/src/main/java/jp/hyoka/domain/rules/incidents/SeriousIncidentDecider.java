package jp.hyoka.domain.rules.incidents;

import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Decides whether a 重大事故 can be recorded. Pure: the caller folds the municipality's earlier records into the
 * ids already used. A 重大事故 has a day it was discovered, not after today in Japan and not before 特定個人情報
 * existed (番号法 施行, 2015-10-05), and a short plain-text summary.
 */
public final class SeriousIncidentDecider {

    /** A few sentences: what happened, not a report (the report is kept elsewhere). */
    public static final int MAX_SUMMARY_LENGTH = 1_000;

    private SeriousIncidentDecider() {
    }

    public static SeriousIncidentRecorded record(Set<UUID> recordedIds, RecordSeriousIncident command) {
        if (recordedIds.contains(command.incidentId())) {
            // ids are minted by the server; the same id twice is a client replaying an old request
            throw new CommandRejected(new InvalidInput("incidentId", "an incident with this id is recorded already"));
        }
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
