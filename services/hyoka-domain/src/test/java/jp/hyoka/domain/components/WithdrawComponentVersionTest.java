package jp.hyoka.domain.components;

import jp.hyoka.domain.components.event.ComponentVersionWithdrawn;
import jp.hyoka.domain.rejection.ComponentNotFound;
import jp.hyoka.domain.rejection.ComponentVersionNotFound;
import jp.hyoka.domain.rejection.ComponentVersionStatusConflict;
import jp.hyoka.domain.rejection.InvalidInput;
import org.junit.jupiter.api.Test;

import static jp.hyoka.domain.components.ComponentFixtures.OPERATOR;
import static jp.hyoka.domain.components.ComponentFixtures.PLATFORM;
import static jp.hyoka.domain.components.ComponentFixtures.T2;
import static jp.hyoka.domain.components.ComponentFixtures.concat;
import static jp.hyoka.domain.components.ComponentFixtures.drafted;
import static jp.hyoka.domain.components.ComponentFixtures.registered;
import static jp.hyoka.domain.components.ComponentFixtures.submitted;
import static jp.hyoka.domain.components.ComponentFixtures.v1;
import static jp.hyoka.domain.components.ComponentFixtures.v1Published;
import static jp.hyoka.domain.components.ComponentFixtures.v2;
import static jp.hyoka.domain.components.ComponentFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

/** An unpublished version is withdrawn with a reason and frees its number; a published version is frozen. */
class WithdrawComponentVersionTest {

    private final ComponentSpec spec = new ComponentSpec();

    @Test
    void givenADraft_whenWithdrawnWithAReason_thenItLeavesTheComponent() {
        spec.given(registered(), drafted(1, v1())).when(withdraw(1, " 誤記のため\u0000 "))
                .thenEvents(new ComponentVersionWithdrawn(PLATFORM, 1, "誤記のため", OPERATOR, T2));

        SharedComponent component = spec.thenState();
        assertThat(component.versions()).isEmpty();
        assertThat(component.openVersion()).isEmpty();
        assertThat(component.nextVersionNumber()).isEqualTo(1);
    }

    @Test
    void givenADraftInReview_whenWithdrawn_thenThePublishedVersionStaysCurrent() {
        spec.given(concat(v1Published(), drafted(2, v2()), submitted(2)))
                .when(withdraw(2, "J-LISの通知が改訂された"));

        SharedComponent component = spec.thenState();
        assertThat(component.versions()).extracting(ComponentVersion::number).containsExactly(1);
        assertThat(component.currentVersion()).map(ComponentVersion::number).contains(1);
        assertThat(component.nextVersionNumber()).isEqualTo(2);
    }

    @Test
    void givenAPublishedVersion_whenWithdrawn_thenRefusedAsFrozen() {
        ComponentVersionStatusConflict rejection = spec.given(v1Published()).when(withdraw(1, "不要"))
                .thenRejected(ComponentVersionStatusConflict.class);

        assertThat(rejection.status()).isEqualTo("PUBLISHED");
        assertThat(rejection.message()).contains("withdrawn once published");
    }

    @Test
    void givenNoReasonOrNoSuchVersion_whenWithdrawn_thenRefused() {
        assertThat(spec.given(registered(), drafted(1, v1())).when(withdraw(1, " ")).thenRejected(InvalidInput.class))
                .isEqualTo(new InvalidInput("reason", "required"));
        spec.given(registered()).when(withdraw(1, "誤記")).thenRejected(ComponentVersionNotFound.class);
        spec.given().when(withdraw(1, "誤記")).thenRejected(ComponentNotFound.class);
    }
}
