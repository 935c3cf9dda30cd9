package jp.hyoka.domain.components;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The marker syntax of component texts: {{name}} slots, {{#}} point numbers, {{[}}…{{]}} headings. */
class ComponentTextTest {

    @Test
    void givenATextWithSlotsNumbersAndHeadings_whenItsSlotsAreRead_thenEachSlotIsNamedOnceInOrderOfUse() {
        String text = "<p>{{[}}{{municipality}}における措置{{]}}</p><p>{{#}}{{existing-systems}}と連携する。</p>"
                + "<p>{{#}}{{municipality}}が管理する。</p>";

        assertThat(ComponentText.slotNames(text)).containsExactly("municipality", "existing-systems");
    }

    @Test
    void givenPlainText_whenItsSlotsAreRead_thenThereAreNone() {
        assertThat(ComponentText.slotNames("<p>①中間サーバー・プラットフォームは…</p>")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{団体名}}", "{{System}}", "{{ name }}", "{{}}", "{{name", "name}}", "{{{name}}}",
            "{{]}}見出し{{[}}", "{{[}}見出し", "{{[}}{{[}}見出し{{]}}{{]}}"})
    void givenAMalformedMarker_whenItsSlotsAreRead_thenRefusedAsInvalidText(String text) {
        CommandRejected thrown = catchThrowableOfType(CommandRejected.class, () -> ComponentText.slotNames(text));

        assertThat(thrown).as("refused: %s", text).isNotNull();
        assertThat(((InvalidInput) thrown.rejection()).field()).isEqualTo("text");
    }
}
