package jp.hyoka.server.database;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque pagination cursors. Clients must not parse them; we only promise that a cursor continues the list where
 * it was taken, even when new rows arrive in between (keyset, not offset, pagination).
 */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor that does not decode is treated as absent input, which the caller reports as invalid. */
    public static Optional<String> decode(String cursor) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
