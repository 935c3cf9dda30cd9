package jp.hyoka.domain.components;

import jp.hyoka.domain.components.event.ComponentVersionSubmitted;
import jp.hyoka.domain.rejection.ComponentNotFound;
import jp.hyoka.domain.rejection.ComponentVersionNotFound;
import jp.hyoka.domain.rejection.ComponentVersionStatusConflict;
import org.junit.jupiter.api.Test;

import static jp.hyoka.domain.components.ComponentFixtures.OPERATOR;
import static jp.hyoka.domain.components.ComponentFixtures.PLATFORM;
import static jp.hyoka.domain.components.ComponentFixtures.T1;
import static jp.hyoka.domain.components.ComponentFixtures.drafted;
import static jp.hyoka.domain.components.ComponentFixtures.registered;
import static jp.hyoka.domain.components.ComponentFixtures.submit;
import static jp.hyoka.domain.components.ComponentFixtures.submitted;
import static jp.hyoka.domain.components.ComponentFixtures.v1;
import static jp.hyoka.domain.components.ComponentFixtures.v1Published;
import static org.assertj.core.api.Assertions.assertThat;

/** A draft is submitted for review; only a draft can be. */
class SubmitComponentVersionTest {

    private final ComponentSpec spec = new ComponentSpec();

    @Test
    void givenADraft_whenSubmitted_thenItIsInReview() {
        spec.given(registered(), drafted(1, v1())).when(submit(1))
                .thenEvents(new ComponentVersionSubmitted(PLATFORM, 1, OPERATOR, T1));

        assertThat(spec.thenState().version(1)).map(ComponentVersion::status)
                .contains(ComponentVersionStatus.IN_REVIEW);
    }

    @Test
    void givenNoComponent_whenSubmitted_thenRefusedAsNotFound() {
        spec.given().when(submit(1)).thenRejected(ComponentNotFound.class);
    }

    @Test
    void givenNoSuchVersion_whenSubmitted_thenRefusedNamingTheVersion() {
        assertThat(spec.given(registered(), drafted(1, v1())).when(submit(2))
                .thenRejected(ComponentVersionNotFound.class))
                .isEqualTo(new ComponentVersionNotFound(PLATFORM.value(), 2));
    }

    @Test
    void givenADraftInReviewOrPublished_whenSubmitted_thenRefusedNamingItsStatus() {
        assertThat(spec.given(registered(), drafted(1, v1()), submitted(1)).when(submit(1))
                .thenRejected(ComponentVersionStatusConflict.class).status()).isEqualTo("IN_REVIEW");
        assertThat(spec.given(v1Published()).when(submit(1))
                .thenRejected(ComponentVersionStatusConflict.class).status()).isEqualTo("PUBLISHED");
    }
}
