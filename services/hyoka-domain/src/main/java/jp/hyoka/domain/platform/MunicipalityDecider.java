package jp.hyoka.domain.platform;

import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.InvalidMunicipalityCode;
import jp.hyoka.domain.rejection.MunicipalityAlreadyOnboarded;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Decides whether a municipality can be onboarded. Pure: the caller says whether it is already a tenant. */
public final class MunicipalityDecider {

    /** The longest official names (広域連合, 一部事務組合) stay well under this. */
    public static final int MAX_NAME_LENGTH = 100;
    /** RFC 5321's limit for a mailbox. */
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private MunicipalityDecider() {
    }

    /**
     * @param existing what {@code command}'s municipality is already, looked up by its code; empty if it is not a
     *                 tenant (or the code is invalid, which is refused first)
     */
    public static MunicipalityOnboarded onboard(Function<MunicipalityCode, Optional<Municipality>> existing,
                                                OnboardMunicipality command) {
        MunicipalityCode code = code(command.municipalityCode());
        existing.apply(code).ifPresent(municipality -> {
            throw new CommandRejected(new MunicipalityAlreadyOnboarded(code.value(), municipality.name()));
        });
        String name = required("name", command.name(), MAX_NAME_LENGTH);
        FirstAdministrator administrator = command.administrator();
        if (administrator == null) {
            throw new CommandRejected(new InvalidInput("administrator", "a first administrator is required"));
        }
        String email = required("administrator.email", administrator.email(), MAX_EMAIL_LENGTH);
        if (!EMAIL.matcher(email).matches()) {
            throw new CommandRejected(new InvalidInput("administrator.email", "not an e-mail address: " + email));
        }
        String displayName = required("administrator.displayName", administrator.displayName(), MAX_NAME_LENGTH);
        return new MunicipalityOnboarded(code, name, new FirstAdministrator(email, displayName), command.by(),
                command.at());
    }

    private static MunicipalityCode code(String given) {
        String trimmed = given == null ? "" : given.strip();
        Optional<MunicipalityCode> code = MunicipalityCode.parse(trimmed);
        if (code.isPresent()) {
            return code.get();
        }
        boolean sixDigits = trimmed.matches("[0-9]{6}");
        throw new CommandRejected(new InvalidMunicipalityCode(trimmed,
                sixDigits ? Integer.toString(MunicipalityCode.checkDigit(trimmed.substring(0, 5))) : null));
    }

    private static String required(String field, String value, int maxLength) {
        String cleaned = value == null ? "" : PlainText.clean(value).strip();
        if (cleaned.isEmpty()) {
            throw new CommandRejected(new InvalidInput(field, "required"));
        }
        if (cleaned.codePointCount(0, cleaned.length()) > maxLength) {
            throw new CommandRejected(new InvalidInput(field, "at most " + maxLength + " characters"));
        }
        return cleaned;
    }
}
