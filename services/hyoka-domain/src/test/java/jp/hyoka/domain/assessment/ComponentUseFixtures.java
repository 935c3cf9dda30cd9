package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AdoptComponentVersion;
import jp.hyoka.domain.assessment.command.InsertComponent;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.ComponentVersionStatus;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.Slot;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.components.text.HunkResolution;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A 全項目評価書 form with a 保管場所 (rich text) that 中間サーバー・プラットフォーム v1/v2 fits, and a SHARED_COMPONENT
 * item of another family; the component's published versions as documents receive them (DOMAIN.md §5.4–5.5).
 */
final class ComponentUseFixtures {

    static final MunicipalityCode ASAHIKAWA = new MunicipalityCode("012041");
    static final Actor EDITOR = new Actor("u-7", "旭川 編集者");
    static final AssessmentId ID = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000016"));
    static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2025-08-05T00:00:00Z");
    static final FormRef ALL_2024 = new FormRef(FormKind.ALL_ITEMS, "2024");
    static final ItemId STORAGE = new ItemId("file.storage.location");
    static final ItemId CLOUD = new ItemId("other-risk.cloud-measures");
    static final ItemId PUBLISHED_ON = new ItemId("cover.published-on");
    static final ComponentId PLATFORM = new ComponentId("intermediate-server-platform.storage-location");
    static final String USE = "01927a3c-0000-7000-8000-0000000000u1";

    static final String V1_TEXT = "<p>{{#}}中間サーバー・プラットフォームはデータセンターに設置しており、"
            + "データセンターへの入館及びサーバー室への入室を厳重に管理する。</p>"
            + "<p>{{#}}特定個人情報は、サーバー室に設置された中間サーバーのデータベース内に保存され、"
            + "バックアップもデータベース上に保存される。</p>";
    /** v2 changes the first point only (the platform moves to an ISMAP cloud). */
    static final String V2_TEXT = "<p>{{#}}中間サーバー・プラットフォームは、政府情報システムのためのセキュリティ評価制度(ISMAP)に"
            + "登録されたクラウドサービス事業者が保有・管理する環境に設置する。</p>"
            + "<p>{{#}}特定個人情報は、サーバー室に設置された中間サーバーのデータベース内に保存され、"
            + "バックアップもデータベース上に保存される。</p>";
    static final String V1_RENDERED = V1_TEXT.replaceFirst("\\{\\{#}}", "①").replaceFirst("\\{\\{#}}", "②");
    static final String V2_RENDERED = V2_TEXT.replaceFirst("\\{\\{#}}", "①").replaceFirst("\\{\\{#}}", "②");

    static final FormCatalog FORMS = new FormCatalog() {
        private final FormDefinition all2024 = new FormDefinition(ALL_2024, "全項目評価書 (test)", List.of(
                Section.of("cover", "表紙", "表紙", List.of(
                        new Item(PUBLISHED_ON, "公表日", "公表日", ItemType.DATE, false, 0, null, 0, 0, null))),
                Section.of("basic", "I", "基本情報", List.of(
                        new Item(Assessment.AFFAIR_NAME, "I 1 ①", "事務の名称", ItemType.TEXT, true, 200, null, 0, 0, null))),
                Section.of("file", "II", "特定個人情報ファイルの概要", List.of(
                        new Item(STORAGE, "II 6 ①", "保管場所", ItemType.RICH_TEXT, true, 20_000, null, 0, 0, null))),
                Section.of("other", "IV", "その他のリスク対策", List.of(
                        new Item(CLOUD, "IV 4", "クラウドの措置", ItemType.SHARED_COMPONENT, true, 20_000,
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

    private ComponentUseFixtures() {
    }

    static DeciderSpec spec() {
        return new DeciderSpec(new AssessmentDecider(FORMS, new AnswerRules(html -> html
                .replaceAll("(?is)<script\\b[^>]*>.*?</script\\s*>", ""))));
    }

    static AssessmentStarted started() {
        return new AssessmentStarted(ID, ASAHIKAWA, ALL_2024, "住民基本台帳に関する事務", EDITOR, T0);
    }

    static PublishedComponent v1() {
        return published(1, V1_TEXT, SubmissionTiming.AFTER, "共通記載の反映", List.of());
    }

    static PublishedComponent v2() {
        return published(2, V2_TEXT, SubmissionTiming.BEFORE, "中間サーバー・プラットフォームの更改に伴う変更", List.of());
    }

    static PublishedComponent published(int number, String text, SubmissionTiming timing, String explanation,
                                        List<Slot> slots) {
        VersionContent content = new VersionContent(text, LocalDate.of(2017 + number * 4, 7, 18), "J-LISからの通知",
                timing, explanation, slots, RenderingOptions.DEFAULT);
        return new PublishedComponent(PLATFORM, "intermediate-server-platform", "中間サーバー・プラットフォームにおける措置 (保管場所)",
                List.of(new ComponentFit(ALL_2024, STORAGE)),
                new ComponentVersion(number, content, ComponentVersionStatus.PUBLISHED));
    }

    static InsertComponent insert(long revision, PublishedComponent component, ComponentUseMode mode) {
        return insert(revision, USE, component, mode, Map.of(), null);
    }

    static InsertComponent insert(long revision, String useId, PublishedComponent component, ComponentUseMode mode,
                                  Map<String, String> slots, String adaptedText) {
        return new InsertComponent(ID, ASAHIKAWA, revision, useId, STORAGE, List.of(), component, mode, slots, null,
                adaptedText, false, null, EDITOR, T1);
    }

    static AdoptComponentVersion adopt(long revision, PublishedComponent from, PublishedComponent to,
                                       HunkResolution... resolutions) {
        return new AdoptComponentVersion(ID, ASAHIKAWA, revision, USE, from, to, List.of(resolutions), null, null,
                null, null, EDITOR, T1);
    }

    /** The events of a command the spec ran, as history for the next step. */
    static AssessmentEvent[] then(AssessmentEvent[] history, List<AssessmentEvent> produced) {
        return DeciderSpec.concat(history, produced.toArray(AssessmentEvent[]::new));
    }
}
