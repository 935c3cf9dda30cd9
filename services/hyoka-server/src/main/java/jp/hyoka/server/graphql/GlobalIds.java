package jp.hyoka.server.graphql;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque global object ids (Relay's object identification): base64url, unpadded, of {@code TypeName:localKey}.
 * The type is recoverable from the id alone, so {@code node(id:)} knows which feature to ask; base64 keeps
 * clients from building or parsing ids (they are opaque by contract, not by secrecy: the tenant check is what
 * protects data), and url-safe characters let ids travel in URLs unescaped.
 */
public final class GlobalIds {

    private GlobalIds() {
    }

    /** A decoded id: the GraphQL type and the feature's own key of the object. */
    public record GlobalId(String type, String localKey) {
    }

    public static String encode(String type, String localKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + localKey).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for anything that is not one of our ids (malformed base64, invalid UTF-8, no type, no key). */
    public static Optional<GlobalId> decode(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(id);
            String plain = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            int colon = plain.indexOf(':');
            if (colon < 1 || colon == plain.length() - 1) {
                return Optional.empty();
            }
            String type = plain.substring(0, colon);
            if (!type.chars().allMatch(Character::isLetterOrDigit)) {
                return Optional.empty();
            }
            return Optional.of(new GlobalId(type, plain.substring(colon + 1)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The local key of {@code id} when it is a global id of {@code type}; otherwise {@code id} itself, so inputs
     * keep accepting the bare keys (UUIDs) clients stored before ids became global. The caller still validates the
     * key; a global id of another type yields a key that type's parser refuses.
     */
    public static String localKey(String id, String type) {
        return decode(id).map(global -> global.type().equals(type) ? global.localKey() : id).orElse(id);
    }
}
