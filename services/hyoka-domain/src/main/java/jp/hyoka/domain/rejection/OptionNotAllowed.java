package jp.hyoka.domain.rejection;

import java.util.List;

/** A selection field answered with a code outside its fixed option list. */
public record OptionNotAllowed(String itemId, String givenOption, List<String> allowedOptions) implements Rejection {
    public OptionNotAllowed {
        allowedOptions = List.copyOf(allowedOptions);
    }

    @Override
    public String code() {
        return "OPTION_NOT_ALLOWED";
    }

    @Override
    public String message() {
        return "'" + givenOption + "' is not an option of '" + itemId + "'; allowed: " + String.join(", ", allowedOptions) + ".";
    }
}
