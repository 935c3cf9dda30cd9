package jp.hyoka.domain.rejection;

import java.util.List;

/** A selection field answered with a code outside its fixed option list. */
public record OptionNotAllowed(String itemId, String given, List<String> allowed) implements Rejection {
    public OptionNotAllowed {
        allowed = List.copyOf(allowed);
    }

    @Override
    public String code() {
        return "OPTION_NOT_ALLOWED";
    }

    @Override
    public String message() {
        return "'" + given + "' is not an option of '" + itemId + "'; allowed: " + String.join(", ", allowed) + ".";
    }
}
