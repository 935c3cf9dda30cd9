package jp.hyoka.domain.components;

import jp.hyoka.domain.components.event.ComponentFitsChanged;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.components.ComponentFixtures.OPERATOR;
import static jp.hyoka.domain.components.ComponentFixtures.PLATFORM;
import static jp.hyoka.domain.components.ComponentFixtures.STORAGE_2024;
import static jp.hyoka.domain.components.ComponentFixtures.T2;
import static jp.hyoka.domain.components.ComponentFixtures.concat;
import static jp.hyoka.domain.components.ComponentFixtures.drafted;
import static jp.hyoka.domain.components.ComponentFixtures.published;
import static jp.hyoka.domain.components.ComponentFixtures.registered;
import static jp.hyoka.domain.components.ComponentFixtures.submitted;
import static jp.hyoka.domain.components.ComponentFixtures.v1;
import static jp.hyoka.domain.components.ComponentFixtures.v1Published;
import static jp.hyoka.domain.components.ComponentFixtures.v2;
import static org.assertj.core.api.Assertions.assertThat;

/** Folding a component's events: versions in number order, the latest published one current. */
class SharedComponentEvolveTest {

    @Test
    void givenTwoPublishedVersions_whenFolded_thenTheLatestIsCurrent() {
        SharedComponent component = ComponentSpec.fold(concat(v1Published(), drafted(2, v2()), submitted(2),
                published(2, 1)));

        assertThat(component.currentVersion()).map(ComponentVersion::number).contains(2);
        assertThat(component.openVersion()).isEmpty();
        assertThat(component.nextVersionNumber()).isEqualTo(3);
    }

    @Test
    void givenADraftAfterAPublishedVersion_whenFolded_thenThePublishedOneStaysCurrentAndTheDraftIsOpen() {
        SharedComponent component = ComponentSpec.fold(concat(v1Published(), drafted(2, v2())));

        assertThat(component.versions()).extracting(ComponentVersion::status)
                .containsExactly(ComponentVersionStatus.PUBLISHED, ComponentVersionStatus.DRAFT);
        assertThat(component.currentVersion()).map(ComponentVersion::content).contains(v1());
        assertThat(component.openVersion()).map(ComponentVersion::number).contains(2);
    }

    @Test
    void givenAFitsChange_whenFolded_thenTheComponentFitsTheNewItemsAndKeepsItsVersions() {
        SharedComponent component = ComponentSpec.fold(concat(v1Published(),
                new ComponentFitsChanged(PLATFORM, List.of(STORAGE_2024), OPERATOR, T2)));

        assertThat(component.fits()).containsExactly(STORAGE_2024);
        assertThat(component.versions()).hasSize(1);
        assertThat(component.name()).isEqualTo(registered().name());
    }
}
