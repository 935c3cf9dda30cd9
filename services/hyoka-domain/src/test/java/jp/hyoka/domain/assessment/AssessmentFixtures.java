package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.ClearAnswer;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RichTextSanitizer;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test forms, a test sanitiser, and fixed tenants, actors, ids and times for the assessment tests. */
final class AssessmentFixtures {

    static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");  // 川崎市
    static final MunicipalityCode ASAHIKAWA = new MunicipalityCode("012041"); // 旭川市
    static final Actor YAMADA = new Actor("u-1", "山田 太郎");
    static final AssessmentId KEY_ID = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000001"));
    static final AssessmentId ALL_ID = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000002"));
    static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2025-04-01T01:00:00Z");
    static final Instant T2 = Instant.parse("2025-04-01T02:00:00Z");
    static final String AFFAIR = "住民基本台帳に関する事務";

    static final ItemId AFFAIR_NAME = Assessment.AFFAIR_NAME;
    static final ItemId DESCRIPTION = new ItemId("affair.description");
    static final ItemId POPULATION = new ItemId("affair.target-population");
    static final ItemId PUBLISHED_ON = new ItemId("cover.published-on");
    static final ItemId PROVISION_COUNT = new ItemId("provision.count");
    static final ItemId KEY_ONLY = new ItemId("key-only.item");
    static final List<String> POPULATION_CODES = List.of("under-1k", "1k-10k", "10k-100k", "100k-300k", "300k-plus");

    /** Drops {@code <script>} elements and {@code on*="…"} attributes; a stand-in for the real sanitiser. */
    static final RichTextSanitizer SANITIZER = html -> html
            .replaceAll("(?is)<script\\b[^>]*>.*?</script\\s*>", "")
            .replaceAll("(?i)\\s+on[a-z]+\\s*=\\s*\"[^\"]*\"", "");

    static final FormCatalog FORMS = new FormCatalog() {
        private final Map<FormKind, FormDefinition> current = new EnumMap<>(FormKind.class);

        {
            for (FormKind kind : FormKind.values()) {
                current.put(kind, form(kind));
            }
        }

        @Override
        public Optional<FormDefinition> find(FormRef ref) {
            return Optional.ofNullable(current.get(ref.kind())).filter(form -> form.ref().equals(ref));
        }

        @Override
        public FormDefinition current(FormKind kind) {
            return current.get(kind);
        }
    };

    private AssessmentFixtures() {
    }

    static AssessmentDecider decider() {
        return new AssessmentDecider(FORMS, new AnswerRules(SANITIZER));
    }

    static FormRef formRef(FormKind kind) {
        return new FormRef(kind, "test");
    }

    private static FormDefinition form(FormKind kind) {
        List<ChoiceOption> population = List.of(new ChoiceOption("under-1k", "1,000人未満"),
                new ChoiceOption("1k-10k", "1,000人以上1万人未満"), new ChoiceOption("10k-100k", "1万人以上10万人未満"),
                new ChoiceOption("100k-300k", "10万人以上30万人未満"), new ChoiceOption("300k-plus", "30万人以上"));
        List<Section> sections = new ArrayList<>(List.of(Section.of("basic", "I", "基本情報", List.of(
                new Item(AFFAIR_NAME, "I 1 ①", "事務の名称", ItemType.TEXT, true, 200, null, 0, 0, null),
                new Item(DESCRIPTION, "I 1 ②", "事務の内容", ItemType.RICH_TEXT, true, 500, null, 0, 0, null),
                new Item(POPULATION, "I 2", "対象人数", ItemType.SINGLE_CHOICE, true, 0, population, 0, 0, null),
                new Item(PUBLISHED_ON, "", "公表日", ItemType.DATE, false, 0, null, 0, 0, null),
                new Item(PROVISION_COUNT, "II 5", "提供先の数", ItemType.NUMBER, false, 0, null, 0, 1000, null)))));
        if (kind == FormKind.KEY_ITEMS) {
            sections.add(Section.of("key", "III", "重点項目だけの節", List.of(
                    new Item(KEY_ONLY, "III 1", "重点項目だけの項目", ItemType.TEXT, false, 100, null, 0, 0, null))));
        }
        return new FormDefinition(formRef(kind), kind.japaneseName() + " (test)", sections);
    }

    // --- events on the 重点項目 assessment of 川崎市 (KEY_ID) ---

    static AssessmentStarted startedKeyItemsAssessment() {
        return new AssessmentStarted(KEY_ID, KAWASAKI, formRef(FormKind.KEY_ITEMS), AFFAIR, YAMADA, T0);
    }

    static AssessmentStarted startedAllItemsAssessment() {
        return new AssessmentStarted(ALL_ID, KAWASAKI, formRef(FormKind.ALL_ITEMS), AFFAIR, YAMADA, T0);
    }

    static ItemAnswered answered(ItemId item, Answer previous, Answer answer, Instant at) {
        return new ItemAnswered(KEY_ID, KAWASAKI, item, List.of(), previous, answer, null, YAMADA, at);
    }

    static ItemAnswerCleared cleared(ItemId item, Answer previous, Instant at) {
        return new ItemAnswerCleared(KEY_ID, KAWASAKI, item, List.of(), previous, null, YAMADA, at);
    }

    // --- commands on KEY_ID, by 山田 of 川崎市 at T2 unless said otherwise ---

    static StartAssessment startKeyItems(String affairName) {
        return new StartAssessment(KEY_ID, KAWASAKI, FormKind.KEY_ITEMS, affairName, YAMADA, T0);
    }

    static AnswerItem answer(long expectedRevision, ItemId item, Answer answer) {
        return answer(KAWASAKI, expectedRevision, item, answer, null);
    }

    static AnswerItem answer(MunicipalityCode tenant, long expectedRevision, ItemId item, Answer answer, String reason) {
        return new AnswerItem(KEY_ID, tenant, expectedRevision, item, List.of(), answer, reason, YAMADA, T2);
    }

    static ClearAnswer clear(long expectedRevision, ItemId item) {
        return clear(KAWASAKI, expectedRevision, item, null);
    }

    static ClearAnswer clear(MunicipalityCode tenant, long expectedRevision, ItemId item, String reason) {
        return new ClearAnswer(KEY_ID, tenant, expectedRevision, item, List.of(), reason, YAMADA, T2);
    }
}
