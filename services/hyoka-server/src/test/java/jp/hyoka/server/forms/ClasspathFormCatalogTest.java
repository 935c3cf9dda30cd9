package jp.hyoka.server.forms;

import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The form revisions shipped in the schema artifact, as the server loads them at start-up. */
class ClasspathFormCatalogTest {

    private static final ClasspathFormCatalog CATALOG = new ClasspathFormCatalog();
    private static final ItemId LEGAL_BASIS = new ItemId("personal-number-use.legal-basis");

    @Test
    void givenSchemaArtifact_whenLoaded_thenEachKindHasTheCurrentAndThePreviousRevision() {
        assertThat(CATALOG.all()).extracting(form -> form.ref().toString()).containsExactlyInAnyOrder(
                "BASIC_ITEMS@2024", "BASIC_ITEMS@2025", "KEY_ITEMS@2024", "KEY_ITEMS@2025",
                "ALL_ITEMS@2024", "ALL_ITEMS@2025");
    }

    @ParameterizedTest
    @EnumSource(FormKind.class)
    void givenKind_whenCurrent_thenRevision2025OfThatKindFindableByItsRef(FormKind kind) {
        FormDefinition current = CATALOG.current(kind);

        assertThat(current.ref()).isEqualTo(new FormRef(kind, "2025"));
        assertThat(current.title()).isEqualTo(kind.japaneseName());
        assertThat(CATALOG.find(current.ref())).containsSame(current);
    }

    @Test
    void givenKeyItems_whenCurrent_thenVersion2025() {
        assertThat(CATALOG.current(FormKind.KEY_ITEMS).ref().version()).isEqualTo("2025");
    }

    /** One stable id, numbered differently by each kind of form (schema/forms/README.md, rule 2); ASCII "I" in all. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "ALL_ITEMS,   I 5",
            "KEY_ITEMS,   I 4",
            "BASIC_ITEMS, I 3"})
    void givenSameItemId_whenLookedUpInEachKind_thenOwnNumberingAndImportantChange(FormKind kind, String number) {
        Item item = CATALOG.current(kind).item(LEGAL_BASIS).orElseThrow();

        assertThat(item.number()).isEqualTo(number);
        assertThat(item.importantChange()).isTrue();
    }

    @Test
    void givenUnknownVersion_whenFind_thenEmpty() {
        assertThat(CATALOG.find(new FormRef(FormKind.KEY_ITEMS, "1999"))).isEmpty();
    }

    @Test
    void givenKeyItems_whenTargetPopulationLookedUp_thenChoiceWithStableCodes() {
        Item population = CATALOG.current(FormKind.KEY_ITEMS).item(new ItemId("affair.target-population")).orElseThrow();

        assertThat(population.option("100k-to-300k")).isPresent();
        assertThat(population.option("10万人以上30万人未満")).isEmpty();
    }
}
