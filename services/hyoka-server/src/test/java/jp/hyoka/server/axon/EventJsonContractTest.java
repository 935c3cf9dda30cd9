package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.Brackets;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.Slot;
import jp.hyoka.domain.components.text.DiffOperation;
import jp.hyoka.domain.components.text.TextDifference;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.components.event.ComponentFitsChanged;
import jp.hyoka.domain.components.event.ComponentVersionDrafted;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.domain.components.event.ComponentVersionSubmitted;
import jp.hyoka.domain.components.event.ComponentVersionWithdrawn;
import jp.hyoka.domain.components.event.SharedComponentEvent;
import jp.hyoka.domain.components.event.SharedComponentRegistered;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentProposalDeferred;
import jp.hyoka.domain.assessment.event.ComponentTextAdapted;
import jp.hyoka.domain.assessment.event.ComponentUseModeChanged;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.components.text.DiffOperation;
import jp.hyoka.domain.components.text.TextDifference;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.PublishedChange;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.ItemPublicationRestored;
import jp.hyoka.domain.assessment.event.ItemWithheldFromPublication;
import jp.hyoka.domain.platform.FirstAdministrator;
import jp.hyoka.domain.platform.MunicipalityOnboarded;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.PublicCommentClosed;
import jp.hyoka.domain.assessment.event.PublicCommentOpened;
import jp.hyoka.domain.assessment.event.SubmittedToCommission;
import jp.hyoka.domain.assessment.event.ThirdPartyReviewRecorded;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The stored JSON contract of every event, pinned by hand-written golden files in {@code src/test/resources/events}.
 * Stored events are never rewritten, so a change here (a renamed record component, a different answer tag, a
 * different time format) breaks every event already in the store. Fix the code, never the golden file.
 */
class EventJsonContractTest {

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private static final AssessmentId ID = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000001"));
    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final Actor YAMADA = new Actor("u-1", "山田 太郎");
    private static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2025-04-01T01:00:00Z");
    private static final Instant T2 = Instant.parse("2025-04-01T02:03:04.123456Z");
    private static final String FILE_ENTRY = "01927a3c-5b1e-7000-8000-0000000000f1";
    private static final String CONSIGNMENT_ENTRY = "01927a3c-5b1e-7000-8000-0000000000c1";
    private static final String SYSTEM_ENTRY = "01927a3c-5b1e-7000-8000-0000000000a1";

    static Stream<Arguments> storedEvents() {
        return Stream.of(
                arguments("AssessmentStarted", new AssessmentStarted(ID, KAWASAKI, new FormRef(FormKind.KEY_ITEMS, "2025"),
                        "住民基本台帳に関する事務", YAMADA, T0)),
                arguments("ItemAnswered-TEXT", answered("department.name",
                        new TextAnswer("こども未来局"), new TextAnswer("こども家庭局"))),
                arguments("ItemAnswered-RICH_TEXT", answered("affair.description",
                        new RichTextAnswer("<p>住民票の写しの交付</p>"),
                        new RichTextAnswer("<p>住民票の写しの交付</p><ul><li>転入届</li></ul>"))),
                arguments("ItemAnswered-NUMBER", answered("provision.count", new NumberAnswer(2), new NumberAnswer(3))),
                arguments("ItemAnswered-DATE", answered("cover.published-on",
                        new DateAnswer(LocalDate.of(2025, 3, 27)), new DateAnswer(LocalDate.of(2025, 6, 30)))),
                arguments("ItemAnswered-SINGLE_CHOICE", answered("affair.target-population",
                        new ChoiceAnswer("10k-to-100k"), new ChoiceAnswer("100k-to-300k"))),
                arguments("ItemAnswerCleared", new ItemAnswerCleared(ID, KAWASAKI, new ItemId("department.head-title"), List.of(),
                        new TextAnswer("局長"), "記載不要", YAMADA, T2)),
                arguments("ItemAnswered-MULTIPLE_CHOICE-in-entry", new ItemAnswered(ID, KAWASAKI,
                        new ItemId("file.acquisition.sources"), List.of(FILE_ENTRY), null,
                        new MultiChoiceAnswer(List.of(new Selection("self-or-agent", null, null),
                                new Selection("other-department", "市民文化局", null))), null, YAMADA, T1)),
                arguments("ItemAnswered-SINGLE_CHOICE-with-count", answered("file.consigning",
                        new ChoiceAnswer("not-consigning"), new ChoiceAnswer("consigning", null, 3L))),
                arguments("RepeatEntryAdded", new RepeatEntryAdded(ID, KAWASAKI, "file.consignment", List.of(FILE_ENTRY),
                        CONSIGNMENT_ENTRY, 0, null, YAMADA, T1)),
                arguments("DocumentContentImported", new DocumentContentImported(ID, KAWASAKI, List.of(
                        new DocumentContentImported.Entry("file", List.of(), FILE_ENTRY, 0),
                        new DocumentContentImported.Entry("file.consignment", List.of(FILE_ENTRY), CONSIGNMENT_ENTRY, 0)),
                        List.of(new DocumentContentImported.Answered(new ItemId("department.name"), List.of(),
                                        new TextAnswer("こども家庭局")),
                                new DocumentContentImported.Answered(new ItemId("file.acquisition.sources"),
                                        List.of(FILE_ENTRY), new MultiChoiceAnswer(List.of(
                                        new Selection("self-or-agent", null, null),
                                        new Selection("other-department", "市民文化局", null))))),
                        "評価書の取込み", YAMADA, T2)),
                arguments("RepeatEntryMoved", new RepeatEntryMoved(ID, KAWASAKI, "system", List.of(), SYSTEM_ENTRY,
                        2, 0, "番号順の整理", YAMADA, T1)),
                arguments("RepeatEntryRemoved", new RepeatEntryRemoved(ID, KAWASAKI, "system", List.of(), SYSTEM_ENTRY,
                        1, "システム廃止", YAMADA, T2)),
                arguments("FormRevisionMigrated", new FormRevisionMigrated(ID, KAWASAKI,
                        new FormRef(FormKind.KEY_ITEMS, "2024"), new FormRef(FormKind.KEY_ITEMS, "2025"),
                        List.of(new FormChange(FormChange.ANSWER_MAPPED, "file.basics.main-record-items",
                                List.of(FILE_ENTRY), new MultiChoiceAnswer(List.of(new Selection("basic-4-info", null, null))),
                                new MultiChoiceAnswer(List.of(new Selection("basic-5-info", null, null))),
                                "option codes of KEY_ITEMS@2025")),
                        "様式変更 (5情報)", YAMADA, T2)),
                arguments("PastChangesImported", new PastChangesImported(ID, KAWASAKI, "001.txt", "9f2c", List.of(
                        new PastChange(0, 4, LocalDate.of(2018, 6, 7), "平成30年6月7日", "システム4 他のシステムとの接続",
                                null, "EMPTY", "(空欄)", "TEXT", "国民健康保険システム", null, "", "NONE")),
                        null, YAMADA, T2)),
                arguments("VersionPublished", new VersionPublished(ID, KAWASAKI, 2, LocalDate.of(2025, 10, 1),
                        List.of(new PublishedChange(new ItemId("affair.target-population"), List.of(),
                                "I 基本情報 1. 特定個人情報ファイルを取り扱う事務 ③対象人数",
                                new ChoiceAnswer("10k-to-100k"), new ChoiceAnswer("100k-to-300k"), "1万人以上10万人未満",
                                "10万人以上30万人未満", SubmissionTiming.BEFORE, "対象者の増加に伴う変更")),
                        List.of("affair.target-population"), "年次見直し", YAMADA, T2)),
                arguments("NextVersionStarted", new NextVersionStarted(ID, KAWASAKI, 2, null, YAMADA, T1)),
                arguments("PersonalDataRedacted", new PersonalDataRedacted(ID, KAWASAKI, "山田花子", "本人からの削除請求",
                        YAMADA, T2)),
                arguments("ItemWithheldFromPublication", new ItemWithheldFromPublication(ID, KAWASAKI, STORAGE,
                        List.of(FILE_ENTRY), "保管場所の公表はセキュリティ上のリスク", YAMADA, T2)),
                arguments("ItemPublicationRestored", new ItemPublicationRestored(ID, KAWASAKI, STORAGE,
                        List.of(FILE_ENTRY), "移転済みのため公表", YAMADA, T2)),
                arguments("PublicCommentOpened", new PublicCommentOpened(ID, KAWASAKI, 1, LocalDate.of(2025, 6, 1),
                        LocalDate.of(2025, 6, 14), "法改正の施行日が迫っているため", null, YAMADA, T2)),
                arguments("PublicCommentClosed", new PublicCommentClosed(ID, KAWASAKI, 1, LocalDate.of(2025, 7, 1),
                        "個人番号の利用範囲について", "II 3 に記載を追加", null, YAMADA, T2)),
                arguments("ThirdPartyReviewRecorded", new ThirdPartyReviewRecorded(ID, KAWASAKI, 1,
                        LocalDate.of(2025, 7, 15), "川崎市情報公開運営審議会", "評価書の記載内容について審議", "適合している",
                        null, YAMADA, T2)),
                arguments("SubmittedToCommission", new SubmittedToCommission(ID, KAWASAKI, 1, LocalDate.of(2025, 8, 1),
                        "全項目評価書の提出", YAMADA, T2)),
                arguments("ComponentInserted-imported", new ComponentInserted(ID, KAWASAKI, "import-1", STORAGE,
                        List.of(FILE_ENTRY), PLATFORM, 2, ComponentUseMode.ADAPTED, Map.of(),
                        new RenderingOptions(Numbering.PARENTHESISED, Brackets.FULL_WIDTH), LOCAL_CHANGE,
                        "<p>(1)中間サーバー・プラットフォームはクラウドに設置する。</p><p>(2)当市独自の措置。</p>", 0.93, null,
                        YAMADA, T1)),
                arguments("ComponentInserted-locked", new ComponentInserted(ID, KAWASAKI, USE, STORAGE,
                        List.of(FILE_ENTRY), PLATFORM, 1, ComponentUseMode.LOCKED, Map.of("system-name", "住基システム"),
                        RenderingOptions.DEFAULT, null, "<p>①住基システムと連携する。</p>", null, null, YAMADA, T1)),
                arguments("ComponentTextAdapted", new ComponentTextAdapted(ID, KAWASAKI, USE, STORAGE,
                        List.of(FILE_ENTRY), PLATFORM, 2, ComponentUseMode.LOCKED, LOCAL_CHANGE,
                        "<p>(1)中間サーバー・プラットフォームはクラウドに設置する。</p><p>(2)当市独自の措置。</p>", "当市独自の措置",
                        YAMADA, T2)),
                arguments("ComponentUseModeChanged", new ComponentUseModeChanged(ID, KAWASAKI, USE, STORAGE,
                        List.of(FILE_ENTRY), PLATFORM, 2, ComponentUseMode.ADAPTED, ComponentUseMode.DETACHED, Map.of(),
                        RenderingOptions.DEFAULT, null, "<p>独自の記載</p>", "独自の記載に切り替える", YAMADA, T2)),
                arguments("ComponentVersionAdopted", new ComponentVersionAdopted(ID, KAWASAKI, USE, STORAGE,
                        List.of(FILE_ENTRY), PLATFORM, 1, 2, Map.of(), null, "<p>①中間サーバー・プラットフォームはISMAP"
                        + "クラウドに設置する。</p>", SubmissionTiming.BEFORE, "中間サーバー・プラットフォームの更改に伴う変更", null,
                        YAMADA, T2)),
                arguments("ComponentProposalDeclined", new ComponentProposalDeclined(ID, KAWASAKI, USE, STORAGE,
                        List.of(FILE_ENTRY), PLATFORM, 1, 2, "次回更新で対応する", YAMADA, T2)),
                arguments("ComponentProposalDeferred", new ComponentProposalDeferred(ID, KAWASAKI, USE, STORAGE,
                        List.of(FILE_ENTRY), PLATFORM, 1, 2, LocalDate.of(2025, 12, 1), null, YAMADA, T2)),
                arguments("ComponentInserted-ADAPTED", new ComponentInserted(ID, KAWASAKI,
                        "01927a3c-5b1e-7000-8000-0000000000u1", new ItemId("file.storage.location"), List.of(FILE_ENTRY),
                        new ComponentId("intermediate-server-platform.storage-location"), 1, ComponentUseMode.ADAPTED,
                        Map.of("system-name", "住民記録システム"), RenderingOptions.DEFAULT,
                        new TextDifference(List.of(new DiffOperation.Keep(2),
                                new DiffOperation.Delete(List.of("有人監視及び施錠管理をする。")),
                                new DiffOperation.Insert("施錠管理をする。"))),
                        "<p>①データセンターに構築し、施錠管理をする。</p>", null, null, YAMADA, T1)));
    }

    private static final ItemId STORAGE = new ItemId("file.storage.location");
    private static final ComponentId PLATFORM = new ComponentId("intermediate-server-platform.storage-location");
    private static final String USE = "01927a3c-5b1e-7000-8000-0000000000b1";
    private static final TextDifference LOCAL_CHANGE = new TextDifference(List.of(new DiffOperation.Keep(1),
            new DiffOperation.Delete(List.of("<p>(2)特定個人情報は保存される。</p>")), new DiffOperation.Insert("<p>(2)当市独自の措置。</p>")));

    static Stream<Answer> answers() {
        return Stream.of(new TextAnswer("こども家庭局"), new RichTextAnswer("<p>本文</p>"), new NumberAnswer(3),
                new DateAnswer(LocalDate.of(2025, 6, 30)), new ChoiceAnswer("100k-to-300k"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedEvents")
    void givenEvent_whenSerialized_thenJsonTreeEqualsGoldenFile(String name, AssessmentEvent event) throws IOException {
        JsonNode written = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(written).isEqualTo(golden(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedEvents")
    void givenGoldenFile_whenDeserialized_thenEqualsEvent(String name, AssessmentEvent event) throws IOException {
        AssessmentEvent read;
        try (InputStream in = resource(name)) {
            read = JSON.readValue(in, event.getClass());
        }

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void givenAnswer_whenWrittenAsAnswer_thenTaggedWithKindOnly(Answer answer) throws IOException {
        JsonNode written = JSON.readTree(JSON.writerFor(Answer.class).writeValueAsString(answer));

        assertThat(written.path("kind").asText()).isEqualTo(answer.type().name());
        assertThat(written.has("type")).as("no 'type' property in %s", written).isFalse();
        assertThat(written.has("plainText")).as("no 'plainText' property in %s", written).isFalse();
        assertThat(JSON.readerFor(Answer.class).<Answer>readValue(written)).isEqualTo(answer);
    }

    /** Publications stored before 非公表 marks were carried on them read as withholding nothing. */
    @Test
    void givenAPublicationStoredBeforeWithheldItemsWereCarried_whenRead_thenItWithholdsNothing() throws IOException {
        VersionPublished read;
        try (InputStream in = resource("VersionPublished-before-withheld-items")) {
            read = JSON.readValue(in, VersionPublished.class);
        }

        assertThat(read.withheldItemIds()).isEmpty();
        assertThat(read.changes()).hasSize(1);
    }

    private static ItemAnswered answered(String itemId, Answer previous, Answer answer) {
        return new ItemAnswered(ID, KAWASAKI, new ItemId(itemId), List.of(), previous, answer, "組織改正", YAMADA, T1);
    }

    /** The platform's event has the same contract rules; the hash chain finds its municipality in "municipality". */
    @Test
    void givenTheOnboardingEvent_whenSerializedAndRead_thenItMatchesItsGoldenFileBothWays() throws IOException {
        MunicipalityOnboarded event = new MunicipalityOnboarded(new MunicipalityCode("011002"), "札幌市",
                new FirstAdministrator("admin@city.sapporo.example.jp", "札幌 管理者"), new Actor("op-1", "運営 太郎"), T0);

        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(golden("MunicipalityOnboarded"));
        try (InputStream in = resource("MunicipalityOnboarded")) {
            assertThat(JSON.readValue(in, MunicipalityOnboarded.class)).isEqualTo(event);
        }
    }

    static Stream<Arguments> componentEvents() {
        ComponentId id = new ComponentId("intermediate-server-platform.storage-location");
        Actor operator = new Actor("op-1", "運営 太郎");
        ComponentFit fit2025 = new ComponentFit(new FormRef(FormKind.KEY_ITEMS, "2025"), new ItemId("file.storage.location"));
        ComponentFit fit2024 = new ComponentFit(new FormRef(FormKind.KEY_ITEMS, "2024"), new ItemId("file.storage.location"));
        VersionContent content = new VersionContent("<p>{{[}}中間サーバー・プラットフォームにおける措置{{]}}</p><p>{{#}}"
                + "{{system-name}}はISMAPのリストに登録されたクラウドサービス事業者が保有・管理する環境に構築する。</p>",
                LocalDate.of(2025, 6, 1), "J-LISからの通知: ISMAP クラウドへの移行", SubmissionTiming.BEFORE,
                "中間サーバー・プラットフォームの更改に伴う変更", List.of(new Slot("system-name", "連携する既存システムの名称")),
                RenderingOptions.DEFAULT);
        return Stream.of(
                arguments("SharedComponentRegistered", new SharedComponentRegistered(id, "intermediate-server-platform",
                        "中間サーバー・プラットフォームにおける措置 (保管場所)", "J-LIS", List.of(fit2025), operator, T0)),
                arguments("ComponentFitsChanged", new ComponentFitsChanged(id, List.of(fit2024, fit2025), operator, T1)),
                arguments("ComponentVersionDrafted", new ComponentVersionDrafted(id, 2, content, operator, T2)),
                arguments("ComponentVersionSubmitted", new ComponentVersionSubmitted(id, 2, operator, T1)),
                arguments("ComponentVersionPublished", new ComponentVersionPublished(id, 2, 1, operator, T1)),
                arguments("ComponentVersionWithdrawn", new ComponentVersionWithdrawn(id, 2, "誤記", operator, T1)));
    }

    /** The platform's shared-component events: no tenant (they go to the platform chain), ids as plain strings. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("componentEvents")
    void givenAComponentEvent_whenSerializedAndRead_thenItMatchesItsGoldenFileBothWays(String name,
                                                                                      SharedComponentEvent event)
            throws IOException {
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(golden(name));
        try (InputStream in = resource(name)) {
            assertThat(JSON.readValue(in, event.getClass())).isEqualTo(event);
        }
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return JSON.readTree(in);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EventJsonContractTest.class.getResourceAsStream("/events/" + name + ".json");
        assertThat(in).as("golden file events/%s.json", name).isNotNull();
        return in;
    }
}
