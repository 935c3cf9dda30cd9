package jp.hyoka.domain.rejection;

import java.time.LocalDate;

/** A version of a shared component cannot take effect before the version published before it. */
public record EffectiveDateTooEarly(String componentId, LocalDate effectiveFrom, int previousVersion,
                                    LocalDate previousEffectiveFrom) implements Rejection {
    @Override
    public String code() {
        return "EFFECTIVE_DATE_TOO_EARLY";
    }

    @Override
    public String message() {
        return "'" + componentId + "' version " + previousVersion + " takes effect on " + previousEffectiveFrom
                + "; a later version cannot take effect earlier (" + effectiveFrom + ").";
    }
}
