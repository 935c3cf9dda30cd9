package jp.hyoka.domain.components;

import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.event.SharedComponentRegistered;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.rejection.ComponentAlreadyRegistered;
import jp.hyoka.domain.rejection.ComponentDoesNotFit;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.UnknownForm;
import jp.hyoka.domain.rejection.UnknownItem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.components.ComponentFixtures.AFFAIR_NAME;
import static jp.hyoka.domain.components.ComponentFixtures.ALL_2024;
import static jp.hyoka.domain.components.ComponentFixtures.ALL_2025;
import static jp.hyoka.domain.components.ComponentFixtures.CLOUD_MEASURES;
import static jp.hyoka.domain.components.ComponentFixtures.FAMILY;
import static jp.hyoka.domain.components.ComponentFixtures.OPERATOR;
import static jp.hyoka.domain.components.ComponentFixtures.OTHER_2024;
import static jp.hyoka.domain.components.ComponentFixtures.PLATFORM;
import static jp.hyoka.domain.components.ComponentFixtures.STORAGE_2024;
import static jp.hyoka.domain.components.ComponentFixtures.T0;
import static jp.hyoka.domain.components.ComponentFixtures.register;
import static jp.hyoka.domain.components.ComponentFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** A platform operator registers a shared component for the items it fits (DOMAIN.md §5.1, §5.9). */
class RegisterSharedComponentTest {

    private final ComponentSpec spec = new ComponentSpec();

    @Test
    void givenNoComponent_whenRegistered_thenItIsRegisteredWithItsFamilyIssuerAndFitsAndNoVersion() {
        spec.given().when(register(List.of(STORAGE_2024, OTHER_2024))).thenEvents(registered());

        SharedComponent component = spec.thenState();
        assertThat(component.versions()).isEmpty();
        assertThat(component.currentVersion()).isEmpty();
        assertThat(component.nextVersionNumber()).isEqualTo(1);
    }

    @Test
    void givenNamesWithControlCharacters_whenRegistered_thenTheyAreCleaned() {
        SharedComponentRegistered registered = spec.given().when(new RegisterSharedComponent(PLATFORM, " " + FAMILY,
                "中間サーバー\u0000措置 ", " J-LIS\u202E", List.of(STORAGE_2024), OPERATOR, T0))
                .thenSingleEvent(SharedComponentRegistered.class);

        assertThat(registered.family()).isEqualTo(FAMILY);
        assertThat(registered.name()).isEqualTo("中間サーバー措置");
        assertThat(registered.issuer()).isEqualTo("J-LIS");
    }

    @Test
    void givenARegisteredComponent_whenRegisteredAgain_thenRefusedNamingIt() {
        spec.given(registered()).when(register(List.of(STORAGE_2024)));

        assertThat(spec.thenRejected(ComponentAlreadyRegistered.class))
                .isEqualTo(new ComponentAlreadyRegistered(PLATFORM.value(), "中間サーバー・プラットフォームにおける措置 (保管場所)"));
    }

    @Test
    void givenABlankNameOrIssuerOrAMalformedFamily_whenRegistered_thenRefusedNamingTheField() {
        assertThat(spec.given().when(new RegisterSharedComponent(PLATFORM, FAMILY, " ", "J-LIS", List.of(STORAGE_2024),
                OPERATOR, T0)).thenRejected(InvalidInput.class).field()).isEqualTo("name");
        assertThat(spec.given().when(new RegisterSharedComponent(PLATFORM, FAMILY, "名前", null, List.of(STORAGE_2024),
                OPERATOR, T0)).thenRejected(InvalidInput.class).field()).isEqualTo("issuer");
        assertThat(spec.given().when(new RegisterSharedComponent(PLATFORM, "中間サーバー", "名前", "J-LIS",
                List.of(STORAGE_2024), OPERATOR, T0)).thenRejected(InvalidInput.class).field()).isEqualTo("family");
        assertThat(spec.given().when(new RegisterSharedComponent(PLATFORM, FAMILY, "名".repeat(201), "J-LIS",
                List.of(STORAGE_2024), OPERATOR, T0)).thenRejected(InvalidInput.class))
                .isEqualTo(new InvalidInput("name", "at most 200 characters"));
    }

    @Test
    void givenNoFitsOrAFitNamedTwice_whenRegistered_thenRefused() {
        assertThat(spec.given().when(register(List.of())).thenRejected(InvalidInput.class).field()).isEqualTo("fits");
        assertThat(spec.given().when(register(List.of(STORAGE_2024, STORAGE_2024))).thenRejected(InvalidInput.class)
                .problem()).contains("named twice");
    }

    @Test
    void givenAFitOnAFormRevisionHyokaDoesNotKnow_whenRegistered_thenRefusedAsUnknownForm() {
        spec.given().when(register(List.of(new ComponentFit(ALL_2025, ComponentFixtures.STORAGE))));

        assertThat(spec.thenRejected(UnknownForm.class)).isEqualTo(new UnknownForm(ALL_2025.toString()));
    }

    @Test
    void givenAFitOnAnItemTheRevisionLacks_whenRegistered_thenRefusedAsUnknownItem() {
        spec.given().when(register(List.of(new ComponentFit(ALL_2024, new ItemId("no.such-item")))));

        assertThat(spec.thenRejected(UnknownItem.class)).isEqualTo(new UnknownItem("no.such-item", "ALL_ITEMS@2024"));
    }

    @Test
    void givenAFitOnAPlainTextItem_whenRegistered_thenRefusedAsNotFitting() {
        spec.given().when(register(List.of(new ComponentFit(ALL_2024, AFFAIR_NAME))));

        ComponentDoesNotFit rejection = spec.thenRejected(ComponentDoesNotFit.class);
        assertThat(rejection.itemId()).isEqualTo("affair.name");
        assertThat(rejection.reason()).contains("TEXT");
    }

    @Test
    void givenAFitOnAnItemReservedForAnotherFamily_whenRegistered_thenRefusedNamingThatFamily() {
        spec.given().when(register(List.of(new ComponentFit(ALL_2024, CLOUD_MEASURES))));

        assertThat(spec.thenRejected(ComponentDoesNotFit.class).reason()).contains("government-cloud");
    }

    @Test
    void givenAFitOnAnItemOfAnotherKind_whenRegistered_thenRefusedAsUnknownForm() {
        spec.given().when(register(List.of(new ComponentFit(new FormRef(FormKind.KEY_ITEMS, "2024"),
                ComponentFixtures.STORAGE))));

        spec.thenRejected(UnknownForm.class);
    }
}
