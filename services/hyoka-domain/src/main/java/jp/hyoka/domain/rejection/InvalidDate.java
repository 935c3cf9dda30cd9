package jp.hyoka.domain.rejection;

/** A date that is not one: unreadable, or impossible (令和7年2月29日; 平成31年5月1日, after 令和 began). */
public record InvalidDate(String given) implements Rejection {
    @Override
    public String code() {
        return "INVALID_DATE";
    }

    @Override
    public String message() {
        return "'" + given + "' is not a date; write 令和7年3月27日, 令和元年5月1日 or 2025-03-27.";
    }
}
