package jp.hyoka.domain.rejection;

import java.time.LocalDate;

/** The version is published and therefore frozen: changing it needs the next version (startNextVersion). */
public record VersionAlreadyPublished(String assessmentId, int version, LocalDate publishedOn) implements Rejection {
    @Override
    public String code() {
        return "VERSION_PUBLISHED";
    }

    @Override
    public String message() {
        return "Version " + version + " of " + assessmentId + " is published" + (publishedOn == null ? "" : " (" + publishedOn + ")")
                + " and cannot change; start the next version to edit it.";
    }
}
