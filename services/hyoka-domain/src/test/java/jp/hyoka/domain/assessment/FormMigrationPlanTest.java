package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.form.Selection;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * FormMigrationPlan on option lists that change more than a rename: options merged (氏名 and 住所 into 基本情報) and
 * options reordered. A migrated answer must still be one AnswerRules would accept: each option once, in form order.
 */
class FormMigrationPlanTest {

    private static final ItemId ITEMS = new ItemId("file.basics.record-items");
    private static final FormDefinition OLD = form("old", Map.of(), "name", "address", "personal-number", "other");
    private static final FormDefinition NEW = form("new",
            Map.of("old", Map.of(ITEMS, Map.of("name", "basic-info", "address", "basic-info"))),
            "personal-number", "basic-info", "other");

    private static FormDefinition form(String version, Map<String, Map<ItemId, Map<String, String>>> migrations,
                                       String... codes) {
        List<ChoiceOption> options = Arrays.stream(codes).map(code -> new ChoiceOption(code, code, code.equals("other"),
                false)).toList();
        Item item = new Item(ITEMS, "", "記録項目", ItemType.MULTIPLE_CHOICE, false, 0, options, 0, 0, null);
        return new FormDefinition(new FormRef(FormKind.KEY_ITEMS, version), version, List.of(),
                List.of(Section.of("file", "II", "ファイル", List.of(item))), migrations);
    }

    private static MultiChoiceAnswer ticks(Selection... selections) {
        return new MultiChoiceAnswer(List.of(selections));
    }

    private static Selection tick(String code) {
        return new Selection(code, null, null);
    }

    private static Answer migratedAnswer(MultiChoiceAnswer before) {
        Assessment state = new Assessment(KEY_ID, KAWASAKI, OLD.ref(), Map.of(AnswerKey.of(ITEMS), before), Map.of(), 2);
        return FormMigrationPlan.between(OLD, NEW, state).stream()
                .filter(change -> change.kind().equals(FormChange.ANSWER_MAPPED)).findFirst().orElseThrow().after();
    }

    @Test
    void givenOtherWithFreeText_whenMigrated_thenMappedWithTheTextKept() {
        assertThat(migratedAnswer(ticks(tick("name"), new Selection("other", "旧姓", null))))
                .isEqualTo(ticks(tick("basic-info"), new Selection("other", "旧姓", null)));
    }

    @Test
    void givenOptionsReorderedByTheNewRevision_whenMigrated_thenSelectionsInTheNewFormOrder() {
        assertThat(migratedAnswer(ticks(tick("name"), tick("personal-number"))))
                .isEqualTo(ticks(tick("personal-number"), tick("basic-info")));
    }

    @Test
    void givenTwoOptionsMergedIntoOne_whenMigrated_thenTheNewOptionIsTickedOnce() {
        assertThat(migratedAnswer(ticks(tick("name"), tick("address"))))
                .isEqualTo(ticks(tick("basic-info")));
    }
}
