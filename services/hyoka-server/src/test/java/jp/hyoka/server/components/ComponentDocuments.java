package jp.hyoka.server.components;

import io.micronaut.context.BeanContext;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.assessment.command.AddRepeatEntry;
import jp.hyoka.domain.assessment.command.InsertComponent;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.components.command.DraftComponentVersion;
import jp.hyoka.domain.components.command.PublishComponentVersion;
import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.command.SharedComponentCommand;
import jp.hyoka.domain.components.command.SubmitComponentVersion;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real event-sourced documents that use a shared component, made with the domain's commands through the server's
 * command gateway (no GraphQL for inserting components yet): a 重点項目評価書 2025 with one 特定個人情報ファイル whose
 * 保管場所 (II 6, file.storage.location) holds the component. The catalogue is curated through
 * {@link ComponentCuration} (which waits for the catalogue's read model); document commands are sent without waiting
 * for read models, so callers that read must wait themselves.
 */
public final class ComponentDocuments {

    public static final FormRef KEY_ITEMS_2025 = new FormRef(FormKind.KEY_ITEMS, "2025");
    public static final ItemId STORAGE = new ItemId("file.storage.location");
    public static final Actor OPERATOR = new Actor("op-fan-out", "運営 担当者");
    public static final Actor EDITOR = new Actor("fan-out-editor", "団体 編集者");

    /** A municipality code with a valid check digit, the {@code n}-th of a made-up series. */
    public static MunicipalityCode municipality(int n) {
        String five = String.format(Locale.ROOT, "%05d", 10_000 + n);
        return new MunicipalityCode(five + MunicipalityCode.checkDigit(five));
    }

    /** One use of the component in one document, at the revision the insertion left the document. */
    public record Use(MunicipalityCode tenant, AssessmentId assessmentId, String entryId, String useId,
                      ComponentUseMode mode, long revision) {
    }

    private final CommandGateway commands;
    private final ComponentCuration curation;
    private final AssessmentCommands ids;

    public ComponentDocuments(BeanContext context) {
        this.commands = context.getBean(CommandGateway.class);
        this.curation = context.getBean(ComponentCuration.class);
        this.ids = context.getBean(AssessmentCommands.class);
    }

    /** The text of version {@code n}: two points of the 中間サーバー・プラットフォーム boilerplate, the first one changing. */
    public static String text(int n) {
        return "<p>{{[}}中間サーバー・プラットフォームにおける措置{{]}}</p><p>{{#}}中間サーバー・プラットフォームの設置場所 (第" + n
                + "版) への入退室者管理、有人監視及び施錠管理をすることとしている。</p>"
                + "<p>{{#}}特定個人情報は中間サーバーのデータベース内に保存され、バックアップもデータベース上に保存される。</p>";
    }

    /** Registers the component for 保管場所 and publishes version 1. */
    public SharedComponent registerAndPublish(String componentId) {
        curate(new RegisterSharedComponent(new ComponentId(componentId), "intermediate-server-platform",
                "中間サーバー・プラットフォームにおける措置 (保管場所)", "J-LIS",
                List.of(new ComponentFit(KEY_ITEMS_2025, STORAGE)), OPERATOR, Instant.now()));
        draftAndSubmit(componentId, 1);
        return publish(componentId, 1);
    }

    /** Drafts version {@code n} ({@link #text}) and submits it for review. */
    public SharedComponent draftAndSubmit(String componentId, int n) {
        draft(componentId, n);
        return curate(new SubmitComponentVersion(new ComponentId(componentId), n, OPERATOR, Instant.now()));
    }

    /** Drafts version {@code n} ({@link #text}), left a draft. */
    public SharedComponent draft(String componentId, int n) {
        VersionContent content = new VersionContent(text(n), LocalDate.of(2024 + n, 4, 1), "J-LISからの通知",
                SubmissionTiming.AFTER, "中間サーバー・プラットフォームの更改に伴う変更", List.of(), RenderingOptions.DEFAULT);
        return curate(new DraftComponentVersion(new ComponentId(componentId), n, content, OPERATOR, Instant.now()));
    }

    public SharedComponent publish(String componentId, int n) {
        return curate(new PublishComponentVersion(new ComponentId(componentId), n, OPERATOR, Instant.now()));
    }

    /** Version {@code n} of the component as documents receive it. */
    public static PublishedComponent published(SharedComponent component, int n) {
        return PublishedComponent.of(component, n).orElseThrow(() -> new IllegalStateException(
                component.id() + " v" + n + " is not published"));
    }

    /**
     * A new document of {@code tenant} with one file whose 保管場所 uses {@code component} in {@code mode} (an adapted
     * use adds a paragraph of its own). Three commands: start, add the file, insert.
     */
    public Use document(MunicipalityCode tenant, PublishedComponent component, ComponentUseMode mode) {
        AssessmentId id = ids.nextAssessmentId();
        Instant now = Instant.now();
        commands.sendAndWait(new StartAssessment(id, tenant, FormKind.KEY_ITEMS, "中間サーバーを使う事務",
                EDITOR, now, KEY_ITEMS_2025.version()));
        String entry = ids.nextEntryId();
        long revision = send(new AddRepeatEntry(id, tenant, 1, "file", List.of(), entry, null, null, EDITOR, now));
        String useId = ids.nextEntryId();
        String adapted = mode != ComponentUseMode.ADAPTED ? null : ComponentText.renderKeepingSlots(
                component.version(), Map.of(), component.version().content().rendering()) + "<p>当団体では夜間の無人監視も行う。</p>";
        revision = send(new InsertComponent(id, tenant, revision, useId, STORAGE, List.of(entry), component, mode,
                Map.of(), null, adapted, false, null, EDITOR, now));
        return new Use(tenant, id, entry, useId, mode, revision);
    }

    /** Sends an assessment command; the revision it left the assessment at. */
    public long send(Object command) {
        return ((Number) commands.sendAndWait(command)).longValue();
    }

    private SharedComponent curate(SharedComponentCommand command) {
        ComponentCuration.Outcome outcome = curation.send(command);
        if (outcome instanceof ComponentCuration.Changed changed) {
            return changed.component();
        }
        throw new IllegalStateException(command + " refused: " + outcome);
    }
}
