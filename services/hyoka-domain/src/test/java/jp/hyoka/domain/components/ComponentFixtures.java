package jp.hyoka.domain.components;

import jp.hyoka.domain.components.command.DraftComponentVersion;
import jp.hyoka.domain.components.command.PublishComponentVersion;
import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.command.SubmitComponentVersion;
import jp.hyoka.domain.components.command.WithdrawComponentVersion;
import jp.hyoka.domain.components.event.ComponentVersionDrafted;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.domain.components.event.ComponentVersionSubmitted;
import jp.hyoka.domain.components.event.SharedComponentEvent;
import jp.hyoka.domain.components.event.SharedComponentRegistered;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RichTextSanitizer;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A test form revision with the kinds of item a component may or may not fit, a test sanitiser, and the
 * &lt;中間サーバー・プラットフォームにおける措置&gt; 保管場所 component with its v1 (data centre) and v2 (ISMAP cloud)
 * texts of DOMAIN.md §5.4–5.5, shortened.
 */
final class ComponentFixtures {

    static final Actor OPERATOR = new Actor("op-1", "運営 花子");
    static final Actor REVIEWER = new Actor("op-2", "運営 次郎");
    static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2025-06-02T00:00:00Z");
    static final Instant T2 = Instant.parse("2025-06-03T00:00:00Z");
    static final ComponentId PLATFORM = new ComponentId("intermediate-server-platform.storage-location");
    static final String FAMILY = "intermediate-server-platform";

    static final FormRef ALL_2024 = new FormRef(FormKind.ALL_ITEMS, "2024");
    static final FormRef ALL_2025 = new FormRef(FormKind.ALL_ITEMS, "2025");
    static final ItemId STORAGE = new ItemId("file.storage.location");
    static final ItemId OTHER_MEASURES = new ItemId("other-risk.other-measures");
    static final ItemId CLOUD_MEASURES = new ItemId("other-risk.cloud-measures");
    static final ItemId SHORT_NOTE = new ItemId("file.storage.note");
    static final ItemId AFFAIR_NAME = new ItemId("affair.name");
    static final ComponentFit STORAGE_2024 = new ComponentFit(ALL_2024, STORAGE);
    static final ComponentFit OTHER_2024 = new ComponentFit(ALL_2024, OTHER_MEASURES);

    /** Drops {@code <script>} elements; a stand-in for the real sanitiser. */
    static final RichTextSanitizer SANITIZER = html -> html.replaceAll("(?is)<script\\b[^>]*>.*?</script\\s*>", "");

    static final FormCatalog FORMS = new FormCatalog() {
        private final FormDefinition all2024 = new FormDefinition(ALL_2024, "全項目評価書 (test)", List.of(
                Section.of("basic", "I", "基本情報", List.of(
                        new Item(AFFAIR_NAME, "I 1 ①", "事務の名称", ItemType.TEXT, true, 200, null, 0, 0, null))),
                Section.of("file", "II", "特定個人情報ファイルの概要", List.of(
                        new Item(STORAGE, "II 6 ①", "保管場所", ItemType.RICH_TEXT, true, 20_000, null, 0, 0, null),
                        new Item(SHORT_NOTE, "II 6 ④", "備考", ItemType.RICH_TEXT, false, 50, null, 0, 0, null))),
                Section.of("other", "IV", "その他のリスク対策", List.of(
                        new Item(OTHER_MEASURES, "IV 3", "その他のリスク対策", ItemType.SHARED_COMPONENT, true, 20_000,
                                null, 0, 0, null, null, null, FAMILY),
                        new Item(CLOUD_MEASURES, "IV 4", "クラウドの措置", ItemType.SHARED_COMPONENT, true, 20_000,
                                null, 0, 0, null, null, null, "government-cloud")))));

        @Override
        public Optional<FormDefinition> find(FormRef ref) {
            return Optional.of(all2024).filter(form -> form.ref().equals(ref));
        }

        @Override
        public FormDefinition current(FormKind kind) {
            return all2024;
        }
    };

    static final String V1_TEXT = "<p>{{#}}中間サーバー・プラットフォームはデータセンターに設置しており、"
            + "データセンターへの入館及びサーバー室への入室を厳重に管理する。</p>"
            + "<p>{{#}}特定個人情報は、サーバー室に設置された中間サーバーのデータベース内に保存され、"
            + "バックアップもデータベース上に保存される。</p>";
    static final String V2_TEXT = "<p>{{#}}中間サーバー・プラットフォームは、政府情報システムのためのセキュリティ評価制度(ISMAP)に"
            + "登録されたクラウドサービス事業者が保有・管理する環境に設置する。</p>"
            + "<p>{{#}}特定個人情報は、クラウドサービス事業者が保有・管理する環境に構築する中間サーバーのデータベース内に保存される。</p>";
    static final LocalDate V1_EFFECTIVE = LocalDate.of(2017, 7, 18);
    static final LocalDate V2_EFFECTIVE = LocalDate.of(2025, 8, 4);

    private ComponentFixtures() {
    }

    static SharedComponentDecider decider() {
        return new SharedComponentDecider(FORMS, SANITIZER);
    }

    static RegisterSharedComponent register(List<ComponentFit> fits) {
        return new RegisterSharedComponent(PLATFORM, FAMILY, "中間サーバー・プラットフォームにおける措置 (保管場所)", "J-LIS",
                fits, OPERATOR, T0);
    }

    static SharedComponentRegistered registered() {
        return new SharedComponentRegistered(PLATFORM, FAMILY, "中間サーバー・プラットフォームにおける措置 (保管場所)", "J-LIS",
                List.of(STORAGE_2024, OTHER_2024), OPERATOR, T0);
    }

    static VersionContent v1() {
        return content(V1_TEXT, V1_EFFECTIVE, List.of());
    }

    static VersionContent v2() {
        return new VersionContent(V2_TEXT, V2_EFFECTIVE, "J-LISからの通知: 中間サーバー・プラットフォームのISMAPクラウドへの移行",
                SubmissionTiming.BEFORE, "中間サーバー・プラットフォームの更改に伴う変更", List.of(),
                RenderingOptions.DEFAULT);
    }

    static VersionContent content(String text, LocalDate effectiveFrom, List<Slot> slots) {
        return new VersionContent(text, effectiveFrom, "初版", SubmissionTiming.AFTER, "共通記載の反映", slots,
                RenderingOptions.DEFAULT);
    }

    static DraftComponentVersion draft(int version, VersionContent content) {
        return new DraftComponentVersion(PLATFORM, version, content, OPERATOR, T1);
    }

    static SubmitComponentVersion submit(int version) {
        return new SubmitComponentVersion(PLATFORM, version, OPERATOR, T1);
    }

    static PublishComponentVersion publish(int version) {
        return new PublishComponentVersion(PLATFORM, version, REVIEWER, T2);
    }

    static WithdrawComponentVersion withdraw(int version, String reason) {
        return new WithdrawComponentVersion(PLATFORM, version, reason, OPERATOR, T2);
    }

    static ComponentVersionDrafted drafted(int version, VersionContent content) {
        return new ComponentVersionDrafted(PLATFORM, version, content, OPERATOR, T1);
    }

    static ComponentVersionSubmitted submitted(int version) {
        return new ComponentVersionSubmitted(PLATFORM, version, OPERATOR, T1);
    }

    static ComponentVersionPublished published(int version, int previous) {
        return new ComponentVersionPublished(PLATFORM, version, previous, REVIEWER, T2);
    }

    /** A history followed by more events. */
    static SharedComponentEvent[] concat(SharedComponentEvent[] history, SharedComponentEvent... more) {
        SharedComponentEvent[] all = Arrays.copyOf(history, history.length + more.length);
        System.arraycopy(more, 0, all, history.length, more.length);
        return all;
    }

    /** Registered, with v1 published. */
    static SharedComponentEvent[] v1Published() {
        return new SharedComponentEvent[]{registered(), drafted(1, v1()), submitted(1), published(1, 0)};
    }
}
