package jp.hyoka.server.platform;

/** The identity provider could not do its part of an onboarding; nothing was recorded on Hyoka's side. */
public class DirectoryUnavailable extends RuntimeException {

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
