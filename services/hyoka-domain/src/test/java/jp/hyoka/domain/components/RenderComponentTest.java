package jp.hyoka.domain.components;

import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A version's text as a document prints it: slots filled, points numbered and headings bracketed by the options the
 * document chose (DOMAIN.md §5.2: 004 prints "(1)" where 002 prints "①"; §5.9: styles are options, not text).
 */
class RenderComponentTest {

    private static final String TEXT = "<p>{{[}}中間サーバー・ソフトウェアにおける措置{{]}}</p>"
            + "<p>{{#}}中間サーバーと{{existing-systems}}との間で連携する。</p><p>{{#}}職員認証を行う。</p>";
    private static final ComponentVersion VERSION = version(TEXT, List.of(new Slot("existing-systems", "既存システム")),
            RenderingOptions.DEFAULT);
    private static final Map<String, String> SYSTEMS = Map.of("existing-systems", "既存システム、団体内統合宛名システム");

    @Test
    void givenTheVersionsOwnOptions_whenRendered_thenCircledNumbersAndHalfWidthBrackets() {
        assertThat(ComponentText.render(VERSION, SYSTEMS, null)).isEqualTo(
                "<p>&lt;中間サーバー・ソフトウェアにおける措置&gt;</p>"
                        + "<p>①中間サーバーと既存システム、団体内統合宛名システムとの間で連携する。</p><p>②職員認証を行う。</p>");
    }

    @Test
    void givenParenthesisedNumbersAndFullWidthBrackets_whenRendered_thenTheTextIsPrintedInThatStyle() {
        String rendered = ComponentText.render(VERSION, SYSTEMS,
                new RenderingOptions(Numbering.PARENTHESISED, Brackets.FULL_WIDTH));

        assertThat(rendered).startsWith("<p>＜中間サーバー・ソフトウェアにおける措置＞</p><p>(1)中間サーバーと")
                .contains("<p>(2)職員認証を行う。</p>");
    }

    @Test
    void givenBullets_whenRendered_thenEveryPointHasABullet() {
        assertThat(ComponentText.render(VERSION, SYSTEMS, new RenderingOptions(Numbering.BULLET, Brackets.ASCII)))
                .contains("<p>・中間サーバーと").contains("<p>・職員認証を行う。</p>");
    }

    @Test
    void givenTwoHeadings_whenRendered_thenEachHeadingRestartsTheNumbering() {
        ComponentVersion twoHeadings = version("{{[}}物理的対策{{]}}{{#}}施錠{{#}}監視{{[}}技術的対策{{]}}{{#}}暗号化",
                List.of(), RenderingOptions.DEFAULT);

        assertThat(ComponentText.render(twoHeadings, Map.of(), null))
                .isEqualTo("&lt;物理的対策&gt;①施錠②監視&lt;技術的対策&gt;①暗号化");
    }

    @Test
    void givenMoreThanTwentyPoints_whenRenderedCircled_thenNumbersContinuePastTwentyAndBeyondFifty() {
        assertThat(Numbering.CIRCLED.mark(1)).isEqualTo("①");
        assertThat(Numbering.CIRCLED.mark(20)).isEqualTo("⑳");
        assertThat(Numbering.CIRCLED.mark(21)).isEqualTo("㉑");
        assertThat(Numbering.CIRCLED.mark(36)).isEqualTo("㊱");
        assertThat(Numbering.CIRCLED.mark(50)).isEqualTo("㊿");
        assertThat(Numbering.CIRCLED.mark(51)).isEqualTo("(51)");
    }

    @Test
    void givenASlotValueWithMarkup_whenRendered_thenItIsEscapedAndCleaned() {
        String rendered = ComponentText.render(VERSION,
                Map.of("existing-systems", " <script>x</script> & 住基システム\u202E "), null);

        assertThat(rendered).contains("中間サーバーと&lt;script&gt;x&lt;/script&gt; &amp; 住基システムとの間で");
    }

    @Test
    void givenAMissingOrBlankSlotValue_whenRendered_thenRefusedNamingTheSlot() {
        assertThat(refused(Map.of())).isEqualTo(new InvalidInput("slotValues.existing-systems", "required"));
        assertThat(refused(Map.of("existing-systems", " \u200B"))).isEqualTo(
                new InvalidInput("slotValues.existing-systems", "required"));
    }

    @Test
    void givenAValueForASlotTheVersionLacks_whenRendered_thenRefusedNamingIt() {
        assertThat(refused(Map.of("existing-systems", "住基", "municipality", "旭川市")).field())
                .isEqualTo("slotValues.municipality");
    }

    @Test
    void givenATextWithoutMarkers_whenRendered_thenItIsUnchanged() {
        ComponentVersion plain = version("<p>中間サーバー・プラットフォームを活用する。</p>", List.of(), RenderingOptions.DEFAULT);

        assertThat(ComponentText.render(plain, null, null)).isEqualTo("<p>中間サーバー・プラットフォームを活用する。</p>");
    }

    private static InvalidInput refused(Map<String, String> values) {
        CommandRejected thrown = catchThrowableOfType(CommandRejected.class,
                () -> ComponentText.render(VERSION, values, null));
        assertThat(thrown).as("refused").isNotNull();
        return (InvalidInput) thrown.rejection();
    }

    private static ComponentVersion version(String text, List<Slot> slots, RenderingOptions rendering) {
        return new ComponentVersion(1, new VersionContent(text, LocalDate.of(2025, 8, 4), "初版", SubmissionTiming.BEFORE,
                "説明", slots, rendering), ComponentVersionStatus.PUBLISHED);
    }
}
