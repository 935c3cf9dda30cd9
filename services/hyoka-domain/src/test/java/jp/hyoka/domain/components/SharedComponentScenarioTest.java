package jp.hyoka.domain.components;

import jp.hyoka.domain.components.command.DraftComponentVersion;
import jp.hyoka.domain.components.command.PublishComponentVersion;
import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.command.SharedComponentCommand;
import jp.hyoka.domain.components.command.SubmitComponentVersion;
import jp.hyoka.domain.components.command.WithdrawComponentVersion;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static jp.hyoka.domain.components.ComponentFixtures.OPERATOR;
import static jp.hyoka.domain.components.ComponentFixtures.OTHER_2024;
import static jp.hyoka.domain.components.ComponentFixtures.REVIEWER;
import static jp.hyoka.domain.components.ComponentFixtures.STORAGE_2024;
import static jp.hyoka.domain.components.ComponentFixtures.T0;
import static jp.hyoka.domain.components.ComponentFixtures.T1;
import static jp.hyoka.domain.components.ComponentFixtures.T2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story of DOMAIN.md §5.4–5.5 told through the decider: J-LIS's &lt;中間サーバー・プラットフォームにおける措置&gt;
 * is registered, v1 (data centre) is drafted, reviewed and published; a first v2 draft is withdrawn; v2 (ISMAP cloud,
 * 事前) is drafted again under the same number, reviewed and published, and the component's history folds to v2.
 */
class SharedComponentScenarioTest {

    private static final ComponentId ID = new ComponentId("intermediate-server-platform.measures");
    private static final String V1 = "{{[}}中間サーバー・プラットフォームにおける措置{{]}}"
            + "{{#}}中間サーバー・プラットフォームはデータセンターに設置しており、{{municipality}}の特定個人情報は"
            + "サーバー室に設置された中間サーバーのデータベース内に保存される。";
    private static final String V2 = "{{[}}中間サーバー・プラットフォームにおける措置{{]}}"
            + "{{#}}中間サーバー・プラットフォームは、ISMAPに登録されたクラウドサービス事業者が保有・管理する環境に設置する。"
            + "{{#}}{{municipality}}の特定個人情報は、中間サーバーのデータベース内に保存される。";
    private static final List<Slot> SLOTS = List.of(new Slot("municipality", "団体名"));

    private final ComponentSpec spec = new ComponentSpec().given();

    @Test
    void givenTheIntermediateServerPlatformMeasures_whenV1AndThenV2ArePublished_thenV2IsCurrentAndRendersInEachStyle() {
        step(new RegisterSharedComponent(ID, "intermediate-server-platform", "中間サーバー・プラットフォームにおける措置",
                "J-LIS", List.of(STORAGE_2024, OTHER_2024), OPERATOR, T0));
        step(new DraftComponentVersion(ID, 1, content(V1, "2017-07-18", "初版", SubmissionTiming.AFTER), OPERATOR, T0));
        step(new SubmitComponentVersion(ID, 1, OPERATOR, T0));
        step(new PublishComponentVersion(ID, 1, REVIEWER, T0));

        step(new DraftComponentVersion(ID, 2, content(V1.replace("データセンター", "クラウド"), "2025-08-04", "誤り",
                SubmissionTiming.BEFORE), OPERATOR, T1));
        step(new WithdrawComponentVersion(ID, 2, "J-LIS通知の文面と異なるため", OPERATOR, T1));
        step(new DraftComponentVersion(ID, 2, content(V2, "2025-08-04",
                "J-LISからの通知: 中間サーバー・プラットフォームのISMAPクラウドへの移行", SubmissionTiming.BEFORE), OPERATOR, T2));
        step(new SubmitComponentVersion(ID, 2, OPERATOR, T2));
        assertThat(spec.history()).extracting(event -> event.getClass().getSimpleName()).containsExactly(
                "SharedComponentRegistered", "ComponentVersionDrafted", "ComponentVersionSubmitted",
                "ComponentVersionPublished", "ComponentVersionDrafted", "ComponentVersionWithdrawn",
                "ComponentVersionDrafted", "ComponentVersionSubmitted");

        spec.when(new PublishComponentVersion(ID, 2, REVIEWER, T2))
                .thenEvents(new ComponentVersionPublished(ID, 2, 1, REVIEWER, T2));

        SharedComponent component = spec.thenState();
        assertThat(component.versions()).extracting(ComponentVersion::number).containsExactly(1, 2);
        ComponentVersion current = component.currentVersion().orElseThrow();
        assertThat(current.content().timing()).isEqualTo(SubmissionTiming.BEFORE);
        assertThat(ComponentText.render(current, Map.of("municipality", "旭川市"), null)).isEqualTo(
                "&lt;中間サーバー・プラットフォームにおける措置&gt;①中間サーバー・プラットフォームは、ISMAPに登録された"
                        + "クラウドサービス事業者が保有・管理する環境に設置する。②旭川市の特定個人情報は、中間サーバーの"
                        + "データベース内に保存される。");
        assertThat(ComponentText.render(current, Map.of("municipality", "旭川市"),
                new RenderingOptions(Numbering.PARENTHESISED, Brackets.FULL_WIDTH)))
                .startsWith("＜中間サーバー・プラットフォームにおける措置＞(1)中間サーバー").contains("。(2)旭川市の");
    }

    private void step(SharedComponentCommand command) {
        spec.when(command).andKeep();
    }

    private static VersionContent content(String text, String effectiveFrom, String note, SubmissionTiming timing) {
        return new VersionContent(text, LocalDate.parse(effectiveFrom), note, timing,
                "中間サーバー・プラットフォームの更改に伴う変更", SLOTS, null);
    }
}
