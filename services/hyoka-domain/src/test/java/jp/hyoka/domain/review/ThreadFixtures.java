package jp.hyoka.domain.review;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.RichTextSanitizer;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.review.command.StartThread;
import jp.hyoka.domain.review.event.ThreadResolved;
import jp.hyoka.domain.review.event.ThreadStarted;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small form (one plain item, one item in the システム group), one assessment of 川崎市 and a thread on it. */
final class ThreadFixtures {

    static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    static final MunicipalityCode ASAHIKAWA = new MunicipalityCode("012041");
    static final Actor AUDITOR = new Actor("u-2", "佐藤 花子");
    static final Actor EDITOR = new Actor("u-1", "山田 太郎");
    static final AssessmentId ASSESSMENT = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000001"));
    static final ThreadId THREAD = new ThreadId(UUID.fromString("01927a3c-5b1e-7000-8000-0000000000a1"));
    static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2025-04-01T01:00:00Z");
    static final ItemId DESCRIPTION = new ItemId("affair.description");
    static final ItemId SYSTEM_NAME = new ItemId("system.name");
    static final String SYSTEM = "system";
    /** Drops scripts, like the server's sanitiser does (and more). */
    static final RichTextSanitizer SANITIZER = html -> html.replaceAll("(?is)<script\\b[^>]*>.*?</script\\s*>", "");
    static final FormDefinition FORM = form();
    /** The assessment has one システム (s1) and one 特定個人情報ファイル (f1). */
    static final DocumentOutline OUTLINE = new DocumentOutline(FORM, Map.of("s1", SYSTEM, "f1", "file"));

    private ThreadFixtures() {
    }

    static StartThread start(ThreadAnchor anchor, String text) {
        return new StartThread(THREAD, ASSESSMENT, KAWASAKI, anchor, text, AUDITOR, T0);
    }

    static ThreadStarted started() {
        return new ThreadStarted(THREAD, ASSESSMENT, KAWASAKI, ThreadAnchor.onItem(DESCRIPTION), "<p>根拠は?</p>",
                AUDITOR, T0);
    }

    static ThreadResolved resolved() {
        return new ThreadResolved(THREAD, ASSESSMENT, KAWASAKI, EDITOR, T1);
    }

    private static FormDefinition form() {
        FormRef ref = new FormRef(FormKind.KEY_ITEMS, "2024");
        Section basic = new Section("basic", "I", "基本情報", "", null, List.of(
                new Block("affair", "1", "事務", "", null, List.of(item(DESCRIPTION, null))),
                new Block("system", "2", "システム", "", SYSTEM, List.of(item(SYSTEM_NAME, SYSTEM)))));
        return new FormDefinition(ref, "重点項目評価書", List.of(new RepeatGroup(SYSTEM, "システム", 1, 3),
                new RepeatGroup("file", "特定個人情報ファイル", 1, 5)), List.of(basic), Map.of());
    }

    private static Item item(ItemId id, String group) {
        return new Item(id, "", id.value(), ItemType.RICH_TEXT, false, 4000, null, 0, 0, null, null, group, null);
    }
}
