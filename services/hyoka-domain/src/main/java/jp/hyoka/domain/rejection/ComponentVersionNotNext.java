package jp.hyoka.domain.rejection;

/** Versions of a shared component are numbered 1, 2, 3 … without gaps; the draft must take the next number. */
public record ComponentVersionNotNext(String componentId, int version, int expectedVersion) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_VERSION_NOT_NEXT";
    }

    @Override
    public String message() {
        return "The next version of '" + componentId + "' is " + expectedVersion + ", not " + version + ".";
    }
}
