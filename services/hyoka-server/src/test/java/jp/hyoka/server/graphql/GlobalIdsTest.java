package jp.hyoka.server.graphql;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalIdsTest {

    @Test
    void givenATypeAndAKey_whenEncodedAndDecoded_thenBothComeBackAndTheIdIsUrlSafe() {
        String id = GlobalIds.encode("HistoryEntry", "0193a0b2-7c1d-7000-8000-000000000001:12");

        assertThat(id).matches("[A-Za-z0-9_-]+");
        assertThat(GlobalIds.decode(id)).contains(
                new GlobalIds.GlobalId("HistoryEntry", "0193a0b2-7c1d-7000-8000-000000000001:12"));
    }

    @Test
    void givenAnythingElse_whenDecoded_thenEmpty() {
        assertThat(GlobalIds.decode(null)).isEmpty();
        assertThat(GlobalIds.decode("")).isEmpty();
        assertThat(GlobalIds.decode("not base64 !")).isEmpty();
        assertThat(GlobalIds.decode(plain("no type"))).isEmpty();
        assertThat(GlobalIds.decode(plain(":key"))).isEmpty();
        assertThat(GlobalIds.decode(plain("Type:"))).isEmpty();
        assertThat(GlobalIds.decode(plain("Ty pe:key"))).isEmpty();
        assertThat(GlobalIds.decode(Base64.getUrlEncoder().encodeToString(new byte[]{(byte) 0xff, ':', 'k'})))
                .as("not UTF-8").isEmpty();
    }

    @Test
    void givenAGlobalIdOrABareKey_whenTheLocalKeyOfATypeIsAsked_thenTheKeyOrTheInputItself() {
        String uuid = "0193a0b2-7c1d-7000-8000-000000000001";

        assertThat(GlobalIds.localKey(GlobalIds.encode("Assessment", uuid), "Assessment")).isEqualTo(uuid);
        assertThat(GlobalIds.localKey(uuid, "Assessment")).isEqualTo(uuid);
        String other = GlobalIds.encode("ReviewThread", uuid);
        assertThat(GlobalIds.localKey(other, "Assessment")).as("another type's id is no key of this one")
                .isEqualTo(other);
    }

    private static String plain(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
