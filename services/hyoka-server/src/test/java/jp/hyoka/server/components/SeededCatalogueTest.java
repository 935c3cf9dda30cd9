package jp.hyoka.server.components;

import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.ComponentVersionStatus;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.text.MatchingText;
import jp.hyoka.domain.form.FormKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every component of the shipped catalogue (schema/components/catalogue.json) is accepted by the domain with the
 * real form revisions and sanitiser: registered with its fits, each version drafted, submitted and published in
 * order, and rendered without a marker left.
 */
class SeededCatalogueTest {

    private static final List<SharedComponent> CURATED = SeededCatalogue.curated();

    @Test
    void givenTheShippedCatalogue_whenCuratedThroughTheDecider_thenEveryVersionIsPublishedInOrder() {
        List<CatalogueEntry> entries = CatalogueFile.read();

        assertThat(CURATED).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            SharedComponent component = CURATED.get(i);
            assertThat(component.id()).isEqualTo(entries.get(i).id());
            assertThat(component.versions()).as(component.id().value()).hasSameSizeAs(entries.get(i).versions())
                    .allMatch(version -> version.status() == ComponentVersionStatus.PUBLISHED);
            assertThat(component.currentVersion()).map(ComponentVersion::number)
                    .contains(entries.get(i).versions().size());
        }
    }

    @Test
    void givenEverySeededVersion_whenRenderedWithTheDefaultOptions_thenNoMarkerIsLeftAndPointsAreNumbered() {
        for (SharedComponent component : CURATED) {
            for (ComponentVersion version : component.versions()) {
                String rendered = SeededCatalogue.rendered(version);
                assertThat(rendered).as(component.id() + "@" + version.number())
                        .doesNotContain("{{", "}}").isNotBlank();
                assertThat(MatchingText.of(rendered)).isNotEmpty();
            }
        }
        String functions = SeededCatalogue.rendered(find("intermediate-server-system.functions").versions().get(0));
        assertThat(functions).contains("①符号管理機能", "⑩システム管理機能",
                "中間サーバーと既存システム、団体内統合宛名システム及び住基システムとの間で");
    }

    @Test
    void givenTheCatalogue_whenItsFitsAreListed_thenEveryKindItFitsIsFittedInRevisions2024And2025Alike() {
        for (SharedComponent component : CURATED) {
            Map<FormKind, Map<String, Set<String>>> items = component.fits().stream().collect(Collectors.groupingBy(
                    fit -> fit.form().kind(), Collectors.groupingBy(fit -> fit.form().version(),
                            Collectors.mapping(fit -> fit.item().value(), Collectors.toSet()))));
            items.forEach((kind, byRevision) -> {
                assertThat(byRevision.keySet()).as(component.id() + " " + kind).containsExactlyInAnyOrder("2024", "2025");
                assertThat(byRevision.get("2024")).as(component.id() + " " + kind).isEqualTo(byRevision.get("2025"));
            });
        }
    }

    @Test
    void givenThePlatformsStorageLocation_whenItsVersionsAreRead_thenV2IsTheIsmapCloudDueBeforeTheChange() {
        SharedComponent storage = find("intermediate-server-platform.storage-location");

        assertThat(storage.versions()).hasSize(2);
        ComponentVersion v2 = storage.versions().get(1);
        assertThat(v2.content().effectiveFrom()).hasToString("2025-08-04");
        assertThat(v2.content().timing().name()).isEqualTo("BEFORE");
        assertThat(v2.content().explanation()).contains("中間サーバー・プラットフォームの更改に伴う変更", "J-LISからの通知");
        assertThat(v2.content().text()).contains("ISMAP").doesNotContain("データセンターに設置");
    }

    private static SharedComponent find(String id) {
        return CURATED.stream().filter(component -> component.id().value().equals(id)).findFirst().orElseThrow();
    }
}
