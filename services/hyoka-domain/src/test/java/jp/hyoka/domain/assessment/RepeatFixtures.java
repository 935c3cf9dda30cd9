package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AddRepeatEntry;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.MigrateFormRevision;
import jp.hyoka.domain.assessment.command.MoveRepeatEntry;
import jp.hyoka.domain.assessment.command.RemoveRepeatEntry;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;

/**
 * Two revisions (2024, 2025) of a 重点項目 test form with repeating groups: システム (1..3), 特定個人情報ファイル (1..5)
 * and 委託事項 inside a file (0..2). 2025 renames the option basic-4-info to basic-5-info (4情報 → 5情報), drops
 * {@code affair.legacy-code} and adds {@code file.basics.record-count}. Events and commands are on KEY_ID of 川崎市.
 */
final class RepeatFixtures {

    static final FormRef FORM_2024 = new FormRef(FormKind.KEY_ITEMS, "2024");
    static final FormRef FORM_2025 = new FormRef(FormKind.KEY_ITEMS, "2025");
    static final String SYSTEM = "system";
    static final String FILE = "file";
    static final String CONSIGNMENT = "file.consignment";
    static final List<String> TOP = List.of();

    static final ItemId LEGACY_CODE = new ItemId("affair.legacy-code");         // 2024 only
    static final ItemId SYSTEM_NAME = new ItemId("system.name");
    static final ItemId CONNECTIONS = new ItemId("system.connections");
    static final ItemId FILE_NAME = new ItemId("file.name");
    static final ItemId MAIN_RECORD_ITEMS = new ItemId("file.basics.main-record-items");
    static final ItemId HELD_SINCE = new ItemId("file.basics.held-since");
    static final ItemId RECORD_COUNT = new ItemId("file.basics.record-count");  // 2025 only
    static final ItemId CONSIGNING = new ItemId("file.consigning");
    static final ItemId CONSIGNMENT_CONTENT = new ItemId("file.consignment.content");

    static final FormDefinition V2024 = form(FORM_2024);
    static final FormDefinition V2025 = form(FORM_2025);

    static final FormCatalog FORMS = new FormCatalog() {
        @Override
        public Optional<FormDefinition> find(FormRef ref) {
            return Optional.ofNullable(Map.of(FORM_2024, V2024, FORM_2025, V2025).get(ref));
        }

        /** New assessments start on 2024, so that they can be migrated to 2025. */
        @Override
        public FormDefinition current(FormKind kind) {
            return V2024;
        }
    };

    private RepeatFixtures() {
    }

    static AssessmentDecider decider() {
        return new AssessmentDecider(FORMS, new AnswerRules(SANITIZER));
    }

    private static FormDefinition form(FormRef ref) {
        boolean v2024 = ref.version().equals("2024");
        List<Item> affair = new ArrayList<>(List.of(item(AFFAIR_NAME, ItemType.TEXT, null, null)));
        if (v2024) {
            affair.add(item(LEGACY_CODE, ItemType.TEXT, null, null));
        }
        List<Item> basics = new ArrayList<>(List.of(item(FILE_NAME, ItemType.TEXT, null, FILE),
                item(MAIN_RECORD_ITEMS, ItemType.MULTIPLE_CHOICE, List.of(new ChoiceOption("personal-number", "個人番号"),
                        v2024 ? new ChoiceOption("basic-4-info", "4情報") : new ChoiceOption("basic-5-info", "5情報")), FILE),
                item(HELD_SINCE, ItemType.DATE, null, FILE)));
        if (!v2024) {
            basics.add(item(RECORD_COUNT, ItemType.NUMBER, null, FILE));
        }
        Section basic = new Section("basic", "I", "基本情報", "", null, List.of(
                new Block("affair", "1", "事務", "", null, affair),
                new Block("system", "2", "システム", "", SYSTEM, List.of(
                        item(SYSTEM_NAME, ItemType.TEXT, null, SYSTEM),
                        item(CONNECTIONS, ItemType.MULTIPLE_CHOICE, List.of(
                                new ChoiceOption("network-system", "情報提供ネットワークシステム"),
                                new ChoiceOption("internal-linkage", "庁内連携システム"),
                                new ChoiceOption("other", "その他", true, false)), SYSTEM)))));
        Section fileOverview = new Section("file-overview", "II", "特定個人情報ファイルの概要", "", FILE, List.of(
                new Block("basics", "1", "基本情報", "", null, basics),
                new Block("consigning", "2", "委託の有無", "", null, List.of(item(CONSIGNING, ItemType.SINGLE_CHOICE,
                        List.of(new ChoiceOption("consigning", "委託する", false, true),
                                new ChoiceOption("not-consigning", "委託しない")), FILE))),
                new Block("consignment", "3", "委託事項", "", CONSIGNMENT, List.of(
                        item(CONSIGNMENT_CONTENT, ItemType.TEXT, null, CONSIGNMENT)))));
        List<RepeatGroup> groups = List.of(new RepeatGroup(SYSTEM, "システム", 1, 3),
                new RepeatGroup(FILE, "特定個人情報ファイル", 1, 5), new RepeatGroup(CONSIGNMENT, "委託事項", 0, 2));
        Map<String, Map<ItemId, Map<String, String>>> migrations = v2024 ? Map.of()
                : Map.of("2024", Map.of(MAIN_RECORD_ITEMS, Map.of("basic-4-info", "basic-5-info")));
        return new FormDefinition(ref, "重点項目評価書 (" + ref.version() + ")", groups, List.of(basic, fileOverview),
                migrations);
    }

    private static Item item(ItemId id, ItemType type, List<ChoiceOption> options, String group) {
        int maxLength = type == ItemType.TEXT ? 200 : 0;
        return new Item(id, "", id.value(), type, false, maxLength, options, 0, 1_000_000, null, null, group, null);
    }

    // --- events on KEY_ID, by 山田 of 川崎市 ---

    static AssessmentEvent[] with(AssessmentEvent[] history, AssessmentEvent... more) {
        return Stream.concat(Stream.of(history), Stream.of(more)).toArray(AssessmentEvent[]::new);
    }

    /** Started on 2024, then one システム s1: revision 2. */
    static AssessmentEvent[] oneSystem() {
        return new AssessmentEvent[]{started(), added(SYSTEM, TOP, "s1", 0, T1)};
    }

    static AssessmentStarted started() {
        return new AssessmentStarted(KEY_ID, KAWASAKI, FORM_2024, AFFAIR, YAMADA, T0);
    }

    static RepeatEntryAdded added(String group, List<String> parents, String entry, int position, Instant at) {
        return new RepeatEntryAdded(KEY_ID, KAWASAKI, group, parents, entry, position, null, YAMADA, at);
    }

    static RepeatEntryMoved moved(String group, List<String> parents, String entry, int from, int to, Instant at) {
        return new RepeatEntryMoved(KEY_ID, KAWASAKI, group, parents, entry, from, to, null, YAMADA, at);
    }

    static RepeatEntryRemoved removed(String group, List<String> parents, String entry, int position, Instant at) {
        return new RepeatEntryRemoved(KEY_ID, KAWASAKI, group, parents, entry, position, null, YAMADA, at);
    }

    static ItemAnswered answeredIn(ItemId item, List<String> entries, Answer previous, Answer answer, Instant at) {
        return new ItemAnswered(KEY_ID, KAWASAKI, item, entries, previous, answer, null, YAMADA, at);
    }

    // --- commands on KEY_ID at T2, by 山田 of 川崎市 unless said otherwise ---

    static AddRepeatEntry add(MunicipalityCode tenant, long revision, String group, List<String> parents, String entry,
                              Integer position) {
        return new AddRepeatEntry(KEY_ID, tenant, revision, group, parents, entry, position, null, YAMADA, T2);
    }

    static AddRepeatEntry add(long revision, String group, List<String> parents, String entry, Integer position) {
        return add(KAWASAKI, revision, group, parents, entry, position);
    }

    static MoveRepeatEntry move(long revision, String group, List<String> parents, String entry, int toPosition) {
        return new MoveRepeatEntry(KEY_ID, KAWASAKI, revision, group, parents, entry, toPosition, null, YAMADA, T2);
    }

    static RemoveRepeatEntry remove(long revision, String group, List<String> parents, String entry) {
        return new RemoveRepeatEntry(KEY_ID, KAWASAKI, revision, group, parents, entry, null, YAMADA, T2);
    }

    static AnswerItem answerIn(long revision, ItemId item, List<String> entries, Answer answer) {
        return new AnswerItem(KEY_ID, KAWASAKI, revision, item, entries, answer, null, YAMADA, T2);
    }

    static MigrateFormRevision migrate(long revision, String version) {
        return new MigrateFormRevision(KEY_ID, KAWASAKI, revision, version, null, YAMADA, T2);
    }
}
