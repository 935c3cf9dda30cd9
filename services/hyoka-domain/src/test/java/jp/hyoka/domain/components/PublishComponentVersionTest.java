package jp.hyoka.domain.components;

import jp.hyoka.domain.rejection.ComponentNotFound;
import jp.hyoka.domain.rejection.ComponentVersionNotFound;
import jp.hyoka.domain.rejection.ComponentVersionStatusConflict;
import org.junit.jupiter.api.Test;

import static jp.hyoka.domain.components.ComponentFixtures.PLATFORM;
import static jp.hyoka.domain.components.ComponentFixtures.concat;
import static jp.hyoka.domain.components.ComponentFixtures.drafted;
import static jp.hyoka.domain.components.ComponentFixtures.publish;
import static jp.hyoka.domain.components.ComponentFixtures.published;
import static jp.hyoka.domain.components.ComponentFixtures.registered;
import static jp.hyoka.domain.components.ComponentFixtures.submitted;
import static jp.hyoka.domain.components.ComponentFixtures.v1;
import static jp.hyoka.domain.components.ComponentFixtures.v1Published;
import static jp.hyoka.domain.components.ComponentFixtures.v2;
import static org.assertj.core.api.Assertions.assertThat;

/** A reviewed draft is published: it becomes the version documents are proposed to follow (DOMAIN.md §5.5). */
class PublishComponentVersionTest {

    private final ComponentSpec spec = new ComponentSpec();

    @Test
    void givenAFirstVersionInReview_whenPublished_thenItIsCurrentWithNoPreviousVersion() {
        spec.given(registered(), drafted(1, v1()), submitted(1)).when(publish(1)).thenEvents(published(1, 0));

        SharedComponent component = spec.thenState();
        assertThat(component.currentVersion()).map(ComponentVersion::status).contains(ComponentVersionStatus.PUBLISHED);
        assertThat(component.openVersion()).isEmpty();
    }

    @Test
    void givenVersionTwoInReview_whenPublished_thenItReplacesVersionOneAsCurrent() {
        spec.given(concat(v1Published(), drafted(2, v2()), submitted(2))).when(publish(2))
                .thenEvents(published(2, 1));

        SharedComponent component = spec.thenState();
        assertThat(component.currentVersion()).map(ComponentVersion::number).contains(2);
        assertThat(component.version(1)).map(ComponentVersion::status).contains(ComponentVersionStatus.PUBLISHED);
    }

    @Test
    void givenADraftNotYetReviewed_whenPublished_thenRefusedAsNotReviewed() {
        ComponentVersionStatusConflict rejection = spec.given(registered(), drafted(1, v1())).when(publish(1))
                .thenRejected(ComponentVersionStatusConflict.class);

        assertThat(rejection).isEqualTo(new ComponentVersionStatusConflict(PLATFORM.value(), 1, "DRAFT",
                "published before review"));
    }

    @Test
    void givenAPublishedVersion_whenPublishedAgain_thenRefused() {
        assertThat(spec.given(v1Published()).when(publish(1)).thenRejected(ComponentVersionStatusConflict.class)
                .status()).isEqualTo("PUBLISHED");
    }

    @Test
    void givenNoSuchVersionOrComponent_whenPublished_thenRefused() {
        spec.given(v1Published()).when(publish(2)).thenRejected(ComponentVersionNotFound.class);
        spec.given().when(publish(1)).thenRejected(ComponentNotFound.class);
    }
}
