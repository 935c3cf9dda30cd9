package jp.hyoka.server.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Opaque pagination cursors: what we encode decodes back; anything else is not a cursor. */
class CursorsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0", "42",
            "2025-04-01T09:30:00.123Z|01927a3c-5b1e-7000-8000-000000000001",
            "住民基本台帳に関する事務 ①", "??>>~~ÿ", ""})
    void givenPlainText_whenEncodedThenDecoded_thenSameText(String plain) {
        String cursor = Cursors.encode(plain);

        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(Cursors.decode(cursor)).contains(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "not base64!", "a", "abcde", "Zm9v+/8", "日本語", "Zm9v YmFy"})
    void givenGarbage_whenDecoded_thenEmpty(String garbage) {
        assertThat(Cursors.decode(garbage)).isEmpty();
    }
}
