package jp.hyoka.server.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PublicVersion;
import jp.hyoka.domain.assessment.PublishedChange;
import jp.hyoka.domain.assessment.event.AffairEnded;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.assessment.event.DocumentImported;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.integration.IntegrationEvent;
import jp.hyoka.domain.integration.IntegrationEvents;
import jp.hyoka.domain.platform.FirstAdministrator;
import jp.hyoka.domain.platform.MunicipalityOnboarded;
import jp.hyoka.domain.rules.deadlines.Deadline;
import jp.hyoka.domain.rules.deadlines.DeadlineKind;
import jp.hyoka.domain.rules.deadlines.DeadlineStatus;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration events Hyoka produces keep their published contracts (schema/events, one JSON Schema per name and
 * version): every contract has a schema, every schema a contract, and a payload built from each kind of domain event
 * validates against its schema — which is strict (no unknown fields), so a field added without a contract change fails.
 */
class IntegrationContractsTest {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final AssessmentId ID = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000001"));
    private static final MunicipalityCode ASAHIKAWA = new MunicipalityCode("012041");
    private static final Actor EDITOR = new Actor("u-7", "旭川 編集者");
    private static final Instant AT = Instant.parse("2025-08-04T01:00:00Z");
    private static final ComponentId PLATFORM = new ComponentId("intermediate-server-platform.storage-location");
    private static final ItemId STORAGE = new ItemId("file.storage.location");
    private static final String FILE = "01927a3c-5b1e-7000-8000-0000000000f1";

    static Stream<Object> domainEvents() {
        return Stream.of(
                new AssessmentStarted(ID, ASAHIKAWA, new FormRef(FormKind.KEY_ITEMS, "2025"), "介護保険に関する事務", EDITOR, AT),
                new VersionPublished(ID, ASAHIKAWA, 2, LocalDate.of(2025, 8, 4), List.of(new PublishedChange(
                        new ItemId("affair.target-population"), List.of(), "I 基本情報 1. ③対象人数",
                        new ChoiceAnswer("10k-to-100k"), new ChoiceAnswer("100k-to-300k"), "1万人以上10万人未満",
                        "10万人以上30万人未満", SubmissionTiming.BEFORE, "対象者の増加に伴う変更")), List.of(), "年次見直し", EDITOR, AT),
                new NextVersionStarted(ID, ASAHIKAWA, 3, null, EDITOR, AT),
                new DocumentImported(ID, ASAHIKAWA, "004.txt", "2993d137", 300, 280, List.of(), null, EDITOR, AT),
                new PersonalDataRedacted(ID, ASAHIKAWA, "山田花子", "本人からの削除請求", EDITOR, AT),
                new AffairEnded(ID, ASAHIKAWA, LocalDate.of(2025, 3, 31), "事務の廃止", EDITOR, AT),
                new ComponentVersionAdopted(ID, ASAHIKAWA, "use-1", STORAGE, List.of(FILE), PLATFORM, 1, 2, Map.of(), null,
                        "<p>①…</p>", SubmissionTiming.BEFORE, "中間サーバー・プラットフォームの更改に伴う変更", null, EDITOR, AT),
                new ComponentProposalDeclined(ID, ASAHIKAWA, "use-1", STORAGE, List.of(FILE), PLATFORM, 1, 2,
                        "次回更新で対応する", EDITOR, AT),
                new ComponentVersionPublished(PLATFORM, 2, 1, new Actor("op-1", "運営 太郎"), AT),
                new MunicipalityOnboarded(new MunicipalityCode("011002"), "札幌市",
                        new FirstAdministrator("admin@city.sapporo.example.jp", "札幌 管理者"), new Actor("op-1", "運営"), AT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainEvents")
    void givenADomainEventToldOutside_whenMapped_thenItsPayloadValidatesAgainstItsContract(Object domainEvent)
            throws IOException {
        IntegrationEvent told = IntegrationEvents.of(domainEvent).orElseThrow();

        List<String> problems = validate(told.name() + ".v" + told.contractVersion(), JSON.valueToTree(told.payload()));

        assertThat(problems).as(told.type()).isEmpty();
        assertThat(told.type()).startsWith("jp.hyoka.").endsWith(".v1");
    }

    @Test
    void givenEveryContract_whenTheSchemaFilesAreListed_thenEachHasItsFileAndEachFileItsContract() throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(Path.of("../../schema/events"))) {
            files = listed.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".schema.json"))
                    .map(name -> name.replace(".schema.json", "")).sorted().toList();
        }
        List<String> produced = Stream.concat(domainEvents().map(event -> IntegrationEvents.of(event).orElseThrow()),
                        Stream.of(proposalRaised(), deadlineReached()))
                .map(told -> told.name() + ".v" + told.contractVersion()).sorted().toList();

        assertThat(files).containsExactlyElementsOf(IntegrationEvents.CONTRACTS.stream().sorted().toList());
        assertThat(produced).as("every contract is exercised here").containsExactlyElementsOf(files);
    }

    @Test
    void givenAPublicationWithAnItemMarked非公表_whenTold_thenItsRowReadsTheWordingAndNeverTheValue() throws IOException {
        PublishedChange withheldRow = new PublishedChange(STORAGE, List.of(FILE), "II 6. ①保管場所",
                null, null, "旧データセンター (所在地: 非公開の住所)", "新データセンター (所在地: 非公開の住所)",
                SubmissionTiming.BEFORE, "新データセンターへの移設");
        PublishedChange publicRow = new PublishedChange(new ItemId("affair.target-population"), List.of(),
                "I 基本情報 1. ③対象人数", null, null, "1万人以上10万人未満", "10万人以上30万人未満",
                SubmissionTiming.BEFORE, "対象者の増加に伴う変更");
        VersionPublished published = new VersionPublished(ID, ASAHIKAWA, 3, LocalDate.of(2025, 9, 1),
                List.of(withheldRow, publicRow), List.of(STORAGE.value()), "年次見直し", EDITOR, AT);

        IntegrationEvent told = IntegrationEvents.of(published).orElseThrow();

        String payload = JSON.writeValueAsString(told.payload());
        assertThat(payload).doesNotContain("データセンター").doesNotContain("移設");
        JsonNode rows = JSON.valueToTree(told.payload()).path("changes");
        assertThat(rows.get(0).path("before").asText()).isEqualTo(PublicVersion.WORDING);
        assertThat(rows.get(0).path("after").asText()).isEqualTo(PublicVersion.WORDING);
        assertThat(rows.get(0).path("explanation").asText()).isEqualTo(PublicVersion.WORDING);
        assertThat(rows.get(1).path("after").asText()).isEqualTo("10万人以上30万人未満");
        assertThat(validate("assessment.version-published.v1", JSON.valueToTree(told.payload()))).isEmpty();
    }

    @Test
    void givenAProposalRaisedByTheFanOut_whenTold_thenItsPayloadValidatesAgainstItsContract() throws IOException {
        IntegrationEvent told = proposalRaised();

        assertThat(validate("component.proposal-raised.v1", JSON.valueToTree(told.payload()))).isEmpty();
        assertThat(told.tenant()).isEqualTo("012041");
    }

    @Test
    void givenADeadlineReachedByTheDailyPass_whenTold_thenItsPayloadValidatesAgainstItsContract() throws IOException {
        IntegrationEvent told = deadlineReached();

        assertThat(validate("assessment.deadline-reached.v1", JSON.valueToTree(told.payload()))).isEmpty();
        assertThat(told.subject()).isEqualTo(ID.toString());
    }

    private static IntegrationEvent deadlineReached() {
        return IntegrationEvents.deadlineReached("012041", ID.toString(), new Deadline(DeadlineKind.ANNUAL_REVIEW,
                LocalDate.of(2026, 8, 4), LocalDate.of(2025, 8, 4), DeadlineStatus.DUE_SOON), LocalDate.of(2026, 5, 6),
                AT);
    }

    private static IntegrationEvent proposalRaised() {
        return IntegrationEvents.proposalRaised("012041", ID.toString(), "import-2", PLATFORM.value(), 1, 2, AT);
    }

    @Test
    void givenAPayloadWithAFieldTheContractDoesNotHave_whenValidated_thenItIsRefused() throws IOException {
        IntegrationEvent told = IntegrationEvents.of(domainEvents().findFirst().orElseThrow()).orElseThrow();
        Map<String, Object> payload = new HashMap<>(told.payload());
        payload.put("administratorEmail", "admin@city.example.jp");

        assertThat(validate("assessment.started.v1", JSON.valueToTree(payload))).isNotEmpty();
    }

    @Test
    void givenTheTextOfARedactionOrAnAdministratorsEmail_whenMapped_thenNeitherIsToldOutside() {
        List<String> told = domainEvents().map(event -> IntegrationEvents.of(event).orElseThrow())
                .map(event -> event.payload().toString()).toList();

        assertThat(told).noneMatch(payload -> payload.contains("山田花子") || payload.contains("admin@")
                || payload.contains("旭川 編集者"));
    }

    /** The problems of {@code payload} against contract {@code name.vN}; empty when it keeps it. */
    static List<String> validate(String contract, JsonNode payload) throws IOException {
        try (InputStream schema = IntegrationContractsTest.class.getResourceAsStream(
                "/hyoka/schema/events/" + contract + ".schema.json")) {
            assertThat(schema).as("contract file of " + contract).isNotNull();
            JsonSchema compiled = SCHEMAS.getSchema(schema);
            return compiled.validate(payload).stream().map(ValidationMessage::getMessage).toList();
        }
    }
}
