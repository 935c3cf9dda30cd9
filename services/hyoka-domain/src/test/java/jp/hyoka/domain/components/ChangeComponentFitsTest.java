package jp.hyoka.domain.components;

import jp.hyoka.domain.components.command.ChangeComponentFits;
import jp.hyoka.domain.components.event.ComponentFitsChanged;
import jp.hyoka.domain.rejection.ComponentDoesNotFit;
import jp.hyoka.domain.rejection.ComponentNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.TextTooLong;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.components.ComponentFixtures.ALL_2024;
import static jp.hyoka.domain.components.ComponentFixtures.CLOUD_MEASURES;
import static jp.hyoka.domain.components.ComponentFixtures.OPERATOR;
import static jp.hyoka.domain.components.ComponentFixtures.OTHER_2024;
import static jp.hyoka.domain.components.ComponentFixtures.PLATFORM;
import static jp.hyoka.domain.components.ComponentFixtures.SHORT_NOTE;
import static jp.hyoka.domain.components.ComponentFixtures.STORAGE_2024;
import static jp.hyoka.domain.components.ComponentFixtures.T1;
import static jp.hyoka.domain.components.ComponentFixtures.registered;
import static jp.hyoka.domain.components.ComponentFixtures.v1Published;
import static org.assertj.core.api.Assertions.assertThat;

/** The items a component fits change, e.g. when a new form revision comes; every version must still fit. */
class ChangeComponentFitsTest {

    private final ComponentSpec spec = new ComponentSpec();

    private static ChangeComponentFits change(List<ComponentFit> fits) {
        return new ChangeComponentFits(PLATFORM, fits, OPERATOR, T1);
    }

    @Test
    void givenARegisteredComponent_whenItsFitsChange_thenTheNewFitsAreRecorded() {
        spec.given(registered()).when(change(List.of(STORAGE_2024)))
                .thenEvents(new ComponentFitsChanged(PLATFORM, List.of(STORAGE_2024), OPERATOR, T1));

        assertThat(spec.thenState().fits()).containsExactly(STORAGE_2024);
    }

    @Test
    void givenTheSameFits_whenChanged_thenNothingHappens() {
        spec.given(registered()).when(change(List.of(STORAGE_2024, OTHER_2024))).thenNoEvents();
    }

    @Test
    void givenNoComponent_whenItsFitsChange_thenRefusedAsNotFound() {
        spec.given().when(change(List.of(STORAGE_2024)));

        assertThat(spec.thenRejected(ComponentNotFound.class)).isEqualTo(new ComponentNotFound(PLATFORM.value()));
    }

    @Test
    void givenFitsTheFormRulesRefuse_whenChanged_thenRefusedAsAtRegistration() {
        spec.given(registered()).when(change(List.of())).thenRejected(InvalidInput.class);
        spec.given(registered()).when(change(List.of(new ComponentFit(ALL_2024, CLOUD_MEASURES))))
                .thenRejected(ComponentDoesNotFit.class);
    }

    @Test
    void givenAVersionLongerThanANewFit_whenChanged_thenRefusedNamingTheItemAndItsLimit() {
        spec.given(v1Published()).when(change(List.of(STORAGE_2024, new ComponentFit(ALL_2024, SHORT_NOTE))));

        TextTooLong rejection = spec.thenRejected(TextTooLong.class);
        assertThat(rejection.itemId()).isEqualTo(SHORT_NOTE.value());
        assertThat(rejection.maxLength()).isEqualTo(50);
    }
}
