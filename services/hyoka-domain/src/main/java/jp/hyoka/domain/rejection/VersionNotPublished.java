package jp.hyoka.domain.rejection;

/** The next version can only follow a published one: this version is still a draft. */
public record VersionNotPublished(String assessmentId, int version) implements Rejection {
    @Override
    public String code() {
        return "VERSION_NOT_PUBLISHED";
    }

    @Override
    public String message() {
        return "Version " + version + " of " + assessmentId + " is still a draft: publish it before starting the next.";
    }
}
