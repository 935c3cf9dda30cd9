package jp.hyoka.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.DecodedExport;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.body.DocumentBodyImport;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.platform.FirstAdministrator;
import jp.hyoka.domain.platform.MunicipalityOnboarded;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.EventJson;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import jp.hyoka.server.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain an event belongs to is read from its payload in one pass; the answer must be the one of the definition
 * (the payload read as a tree, {@code tenant} if textual, else {@code municipality} if textual, else the platform),
 * or appends, the backfill and verification would put an event on different chains.
 */
class StoredEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper EVENTS = EventJson.writingEachPropertyOnce();    // as appends write them
    private static final ClasspathFormCatalog FORMS = new ClasspathFormCatalog();
    private static final AnswerRules RULES = new AnswerRules(new JsoupRichTextSanitizer());
    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");

    @Test
    void givenPayloadsOfEveryShape_whenTheirChainIsRead_thenItIsTheOneTheTreeDefinitionNames() {
        List<String> payloads = List.of(
                "{\"tenant\":\"141305\",\"assessmentId\":\"a\",\"answer\":{\"kind\":\"TEXT\",\"text\":\"回答\"}}",
                "{\"answer\":{\"tenant\":\"999999\"},\"by\":[{\"tenant\":\"1\"}],\"tenant\":\"012041\"}",
                "{\"municipality\":\"012041\",\"name\":\"旭川市\"}",
                "{\"municipality\":\"012041\",\"tenant\":\"141305\"}",
                "{\"tenant\":7,\"municipality\":\"012041\"}",
                "{\"tenant\":null,\"municipality\":{\"code\":\"012041\"}}",
                "{\"tenant\":\"141305\",\"tenant\":\"012041\"}",
                "{\"tenant\":\"141305\",\"tenant\":false}",
                "{\"tenant\":\"\"}",
                "{\"nested\":{\"municipality\":\"012041\"}}",
                "{\"tenant\":\"141305\"} trailing",
                "{\"tenant\":\"141305\",",
                "{\"a\":[1,2,{\"b\":}],\"tenant\":\"141305\"}",
                "[{\"tenant\":\"141305\"}]",
                "\"141305\"",
                "42",
                "{}",
                "",
                "not json");

        for (String payload : payloads) {
            assertThat(StoredEvents.tenantOf(payload)).as(payload).isEqualTo(byTree(payload));
        }
    }

    /**
     * An appended assessment event's chain is taken from its object, after a look at its payload's first top-level
     * {@code tenant} only: the same chain as {@link StoredEvents#tenantOf} of its whole payload, for every sample's
     * import (the ~100 KB content event among them) and events of every kind.
     */
    @ParameterizedTest
    @CsvSource({Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003, Samples.KEY_ITEMS_004})
    void givenASamplesImportedEvents_whenAppended_thenTheirChainIsTheOneTheirWholePayloadNames(String sample)
            throws JsonProcessingException {
        List<AssessmentEvent> events = imported(sample);

        assertThat(events).hasSizeGreaterThan(2);
        for (AssessmentEvent event : events) {
            byte[] payload = EVENTS.writeValueAsBytes(event);
            assertThat(StoredEvents.tenantOfAppended(event, payload)).as(event.getClass().getSimpleName())
                    .isEqualTo(StoredEvents.tenantOf(new String(payload, StandardCharsets.UTF_8)))
                    .isEqualTo(KAWASAKI.value());
        }
    }

    /**
     * Why the first {@code tenant} of an assessment event's payload is its only one: Jackson writes each property of
     * a record once, and every assessment event type has exactly one property of that name, a municipality code
     * written as its text.
     */
    @Test
    void givenEveryAssessmentEventType_whenItsJsonPropertiesAreListed_thenTenantIsOneMunicipalityCode()
            throws JsonProcessingException {
        Class<?>[] types = AssessmentEvent.class.getPermittedSubclasses();

        assertThat(types).hasSizeGreaterThan(20);
        for (Class<?> type : types) {
            List<BeanPropertyDefinition> tenants = EVENTS.getSerializationConfig()
                    .introspect(EVENTS.constructType(type)).findProperties().stream()
                    .filter(property -> property.getName().equals("tenant")).toList();
            assertThat(tenants).as(type.getSimpleName()).hasSize(1);
            assertThat(tenants.get(0).getRawPrimaryType()).as(type.getSimpleName()).isEqualTo(MunicipalityCode.class);
        }
        assertThat(EVENTS.writeValueAsString(KAWASAKI)).isEqualTo("\"" + KAWASAKI.value() + "\"");
    }

    @Test
    void givenAnEventWhosePayloadNamesAnotherMunicipality_whenAppended_thenItIsLinkedIntoNoChain()
            throws JsonProcessingException {
        AssessmentEvent event = imported(Samples.KEY_ITEMS_003).get(1);
        byte[] other = EVENTS.writeValueAsString(event).replace(KAWASAKI.value(), "012041")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> StoredEvents.tenantOfAppended(event, other))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("012041");
    }

    @Test
    void givenAnEventOfNoAssessment_whenAppended_thenItsWholePayloadNamesItsChain() throws JsonProcessingException {
        MunicipalityOnboarded onboarded = new MunicipalityOnboarded(new MunicipalityCode("011002"), "札幌市",
                new FirstAdministrator("admin@city.sapporo.example.jp", "札幌 管理者"), new Actor("op-1", "運営"),
                Instant.parse("2026-12-07T00:00:00Z"));

        assertThat(StoredEvents.tenantOfAppended(onboarded, EVENTS.writeValueAsBytes(onboarded))).isEqualTo("011002");
        assertThat(StoredEvents.tenantOfAppended("not an event", "{\"x\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(StoredEvents.PLATFORM);
    }

    /** The decider's events for a whole sample's import into 川崎市 (and a 変更箇所 row), as an import appends them. */
    private static List<AssessmentEvent> imported(String sample) {
        DecodedExport decoded = ExportDecoding.decode(Samples.bytes(sample));
        List<String> lines = decoded.lines();
        FormKind kind = DocumentBodyImport.kind(lines).orElseThrow();
        ImportedDocument body = DocumentBodyImport.read(lines, FORMS.all().stream()
                .filter(form -> form.ref().kind() == kind).toList(), RULES, () -> UUID.randomUUID().toString());
        FormDefinition form = FORMS.find(body.form()).orElseThrow();
        List<PastChange> past = List.of(new PastChange(0, 4, LocalDate.of(2018, 6, 7), "平成30年6月7日",
                "システム4 他のシステムとの接続", null, "EMPTY", "(空欄)", "TEXT", "国民健康保険システム", null, "", "NONE"));
        return new AssessmentDecider(FORMS, RULES).importDocument(new ImportDocument(new AssessmentId(UUID.randomUUID()),
                KAWASAKI, form.ref(), "名称", body, "sample", "hash", past, List.of(), "取込み",
                new Actor("tester", "テスト"), Instant.parse("2026-12-07T00:00:00Z")));
    }

    private static String byTree(String payload) {
        try {
            JsonNode json = JSON.readTree(payload);
            for (String field : List.of("tenant", "municipality")) {
                if (json != null && json.path(field).isTextual()) {
                    return json.path(field).asText();
                }
            }
        } catch (JsonProcessingException e) {
            return StoredEvents.PLATFORM;
        }
        return StoredEvents.PLATFORM;
    }
}
