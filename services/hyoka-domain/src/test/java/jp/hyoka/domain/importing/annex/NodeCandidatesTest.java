package jp.hyoka.domain.importing.annex;

import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.testing.FormFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolver looks only at the items its per-form maps find ({@link NodeCandidates}); this proves they include every
 * item that testing every item of the form admits — {@link LabelMatch#possible}, and alone in its block or by the item
 * number — on every form revision, with and without the 基礎 companion, for the paths {@link PathResolutionsDigestTest}
 * resolves (the samples', the published documents', the style tables' and 2,000 made per form).
 */
class NodeCandidatesTest {

    @Test
    void givenManyPathsOnEveryForm_whenCandidatesFoundByTheMaps_thenEveryItemTheTestsAdmitIsAmongThem() {
        FormDefinition basic = FormFiles.of(FormKind.BASIC_ITEMS, "2025");
        int checked = 0;
        long found = 0;
        long admitted = 0;
        for (FormDefinition form : FormFiles.all()) {
            List<String> paths = new ArrayList<>(PathResolutionsDigestTest.fixedPaths());
            paths.addAll(PathResolutionsDigestTest.madePaths(form, new Random(form.ref().toString().hashCode()), 2_000));
            for (ItemPathResolver resolver : List.of(new ItemPathResolver(form), new ItemPathResolver(form, List.of(basic)))) {
                for (String path : paths) {
                    if (path.isBlank()) {
                        continue;
                    }
                    List<int[]> lists = resolver.candidatesAndEveryNodeTested(path);
                    assertSortedSuperset(lists.get(0), lists.get(2), form + " by label: " + path);
                    assertSortedSuperset(lists.get(1), lists.get(3), form + " without label: " + path);
                    found += lists.get(0).length;
                    admitted += lists.get(2).length;
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20_000);
        assertThat(admitted).as("the paths admit items by label").isGreaterThan(checked);
        System.out.printf("%d paths: %.1f items found by label per path, %.1f admitted%n", checked,
                (double) found / checked, (double) admitted / checked);
    }

    private static void assertSortedSuperset(int[] found, int[] admitted, String what) {
        int[] sorted = found.clone();
        Arrays.sort(sorted);
        assertThat(found).as("ascending: %s", what).containsExactly(sorted);
        Set<Integer> foundSet = Arrays.stream(found).boxed().collect(Collectors.toSet());
        assertThat(foundSet).as(what).containsAll(Arrays.stream(admitted).boxed().toList());
    }
}
