package jp.hyoka.server.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Paging;
import jp.hyoka.server.support.PublishedAssessments;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadlines beyond publication (DOMAIN.md §3.4, §3.6 "Timers"): a 事務 that ended stays published three years
 * and falls due for nothing else; a 重大事故 opens its one-year and three-year windows on every assessment of its
 * municipality, and only there; the daily pass tells each deadline reached once, whoever runs it how often.
 * Kawasaki ends an affair; the 重大事故 are a municipality of their own (島本町), so no other test meets them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AffairEndAndIncidentsIT extends SignedInServerTest {

    private static final MunicipalityCode SHIMAMOTO = new MunicipalityCode("27301"
            + MunicipalityCode.checkDigit("27301"));
    private static final String END = """
            mutation($id: ID!, $rev: Int!, $on: Date!) {
              recordAffairEnd(input: {assessmentId: $id, expectedRevision: $rev, endedOn: $on, reason: "事務の廃止"}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code message }
              }
            }""";
    private static final String INCIDENT = """
            mutation($on: Date!, $summary: String!) {
              recordSeriousIncident(input: {discoveredOn: $on, concernsSpecificPersonalInformation: true,
                                            summary: $summary}) {
                __typename
                ... on SeriousIncidentRecorded { incident { id discoveredOn summary recordedBy { displayName } } }
                ... on Problem { code message }
              }
            }""";
    private static final String KEYED_INCIDENT = """
            mutation($on: Date!, $summary: String!, $key: String!) {
              recordSeriousIncident(input: {discoveredOn: $on, concernsSpecificPersonalInformation: true,
                                            summary: $summary, idempotencyKey: $key}) {
                __typename
                ... on SeriousIncidentRecorded { incident { id discoveredOn summary } }
                ... on IdempotencyKeyReused { recordedId }
                ... on Problem { code message }
              }
            }""";
    private static final String DEADLINES = """
            query($id: ID!, $asOf: Date) {
              assessment(id: $id) { revision affairEndedOn deadlines(asOf: $asOf) { kind dueOn countedFrom status } }
            }""";
    private static final String THRESHOLD = """
            query($id: ID!) { assessment(id: $id) { threshold { warnings } } }""";
    private static final String HISTORY = """
            query($id: ID!) { assessment(id: $id) { history(first: 50) { edges { node { event reason } } } } }""";

    @Inject
    DataSource owner;
    @Inject
    DeadlineAnnouncer announcer;

    private GraphQlClient shimamotoEditor;
    private GraphQlClient shimamotoApprover;
    private GraphQlClient shimamotoAuditor;

    @BeforeAll
    void shimamoto() {
        tenants.register(SHIMAMOTO, "島本町");
        shimamotoEditor = client("s-editor", "editor");
        shimamotoApprover = client("s-approver", "approver");
        shimamotoAuditor = client("s-auditor", "auditor");
    }

    @Test
    void givenAPublishedAssessment_whenTheApproverRecordsItsAffairsEnd_thenItStaysPublishedThreeYearsAndNothingElseFallsDue() {
        String id = PublishedAssessments.startAndPublish(server, issuer, jp.hyoka.server.support.Callers.KAWASAKI,
                callers.kawasakiEditor, "終了する事務");
        long revision = deadlines(callers.kawasakiEditor, id, null).path("revision").asLong();

        JsonNode ended = callers.kawasakiApprover.data("recordAffairEnd", END,
                Map.of("id", id, "rev", revision, "on", "2026-04-30"));

        assertThat(ended.path("__typename").asText()).as(ended.toString()).isEqualTo("AssessmentEdited");
        JsonNode assessment = deadlines(callers.kawasakiEditor, id, "2026-04-01");
        assertThat(assessment.path("affairEndedOn").asText()).isEqualTo("2026-04-30");
        // the review fell due before the end and stays; the five years (2030) would fall after it and are gone
        assertThat(lines(assessment)).containsExactly(
                "ANNUAL_REVIEW 2026-04-01 from 2025-04-01 DUE_SOON",
                "PUBLICATION_AFTER_AFFAIR_END 2029-04-30 from 2026-04-30 UPCOMING");
        assertThat(lines(deadlines(callers.kawasakiEditor, id, "2029-05-01"))).last()
                .isEqualTo("PUBLICATION_AFTER_AFFAIR_END 2029-04-30 from 2026-04-30 ELAPSED");
        assertThat(callers.kawasakiReader.data("assessment", HISTORY, Map.of("id", id))
                .path("history").path("edges").findValuesAsText("event")).contains("AffairEnded");
    }

    @Test
    void givenAnAssessment_whenItsEndIsInTheFutureOrRecordedByAnEditor_thenNothingIsStored() {
        String id = PublishedAssessments.startAndPublish(server, issuer, jp.hyoka.server.support.Callers.KAWASAKI,
                callers.kawasakiEditor, "続く事務");
        long revision = deadlines(callers.kawasakiEditor, id, null).path("revision").asLong();
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1).toString();

        JsonNode future = callers.kawasakiApprover.data("recordAffairEnd", END,
                Map.of("id", id, "rev", revision, "on", tomorrow));
        JsonNode byEditor = callers.kawasakiEditor.execute(END, Map.of("id", id, "rev", revision, "on", "2026-01-01"))
                .errors();

        assertThat(future.path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(future.path("message").asText()).startsWith("endedOn");
        assertThat(byEditor.get(0).path("extensions").path("code").asText()).isEqualTo("FORBIDDEN");
        JsonNode after = deadlines(callers.kawasakiEditor, id, null);
        assertThat(after.path("revision").asLong()).isEqualTo(revision);
        assertThat(after.path("affairEndedOn").isNull()).isTrue();
    }

    @Test
    void givenASeriousIncident_whenRecorded_thenEveryAssessmentOfTheMunicipalityListsItsWindowsAndNoOtherMunicipalityDoes() {
        String published = PublishedAssessments.startAndPublish(server, issuer, SHIMAMOTO, shimamotoEditor, "公表済み");
        String draft = shimamotoEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "作成中")).path("assessment").path("id").asText();
        LocalDate discovered = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(30);
        LocalDate yearEnds = discovered.plusYears(1);

        JsonNode recorded = shimamotoApprover.data("recordSeriousIncident", INCIDENT,
                Map.of("on", discovered.toString(), "summary", "委託先による無許可の再委託 <script>alert(1)</script>"));

        assertThat(recorded.path("__typename").asText()).as(recorded.toString()).isEqualTo("SeriousIncidentRecorded");
        assertThat(recorded.path("incident").path("recordedBy").path("displayName").asText()).isEqualTo("島本 s-approver");
        assertThat(lines(deadlines(shimamotoEditor, draft, yearEnds.minusDays(10).toString()))).containsExactly(
                "SERIOUS_INCIDENT_THRESHOLD " + yearEnds + " from " + discovered + " DUE_SOON",
                "SERIOUS_INCIDENT_DISCLOSURE " + discovered.plusYears(3) + " from " + discovered + " UPCOMING");
        assertThat(lines(deadlines(shimamotoEditor, published, yearEnds.plusDays(1).toString())))
                .contains("SERIOUS_INCIDENT_THRESHOLD " + yearEnds + " from " + discovered + " ELAPSED");
        // within the year, the しきい値判断 must count it: the document (a 重点, which does not ask) is told so
        assertThat(shimamotoEditor.data("assessment", THRESHOLD, Map.of("id", draft)).path("threshold")
                .path("warnings").toString()).contains("重大事故(" + JapaneseDates.format(discovered) + "発覚)");
        assertThat(shimamotoAuditor.data("seriousIncidents", "{ seriousIncidents { discoveredOn summary } }", Map.of()))
                .anySatisfy(incident -> assertThat(incident.path("discoveredOn").asText())
                        .isEqualTo(discovered.toString()));
        assertThat(callers.kawasakiReader.data("seriousIncidents", "{ seriousIncidents { id } }", Map.of())).isEmpty();
        assertThat(callers.kawasakiEditor.execute(DEADLINES, Map.of("id", draft)).data().path("assessment").isNull())
                .isTrue();
    }

    @Test
    void givenMoreIncidentsThanAPage_whenTheConnectionIsPaged_thenEveryOneComesOnceLatestFirstBothWays() {
        // a municipality of its own, so the other tests' deadlines meet none of these incidents
        MunicipalityCode nose = new MunicipalityCode("27322" + MunicipalityCode.checkDigit("27322"));
        tenants.register(nose, "能勢町");
        GraphQlClient noseApprover = new GraphQlClient(server.getURI(), issuer.issue("n-approver", "能勢 承認", nose,
                List.of("approver")));
        GraphQlClient noseAuditor = new GraphQlClient(server.getURI(), issuer.issue("n-auditor", "能勢 監査", nose,
                List.of("auditor")));
        for (String on : List.of("2024-05-01", "2025-02-10", "2025-02-10", "2023-11-30")) {
            assertThat(noseApprover.data("recordSeriousIncident", INCIDENT, Map.of("on", on, "summary", "漏えい " + on))
                    .path("__typename").asText()).isEqualTo("SeriousIncidentRecorded");
        }
        String paged = """
                query($first: Int, $after: String, $last: Int, $before: String) {
                  seriousIncidentsConnection(first: $first, after: $after, last: $last, before: $before) {
                    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                    edges { node { id discoveredOn } }
                  }
                }""";
        java.util.function.Function<Map<String, Object>, JsonNode> page = paging ->
                noseAuditor.data("seriousIncidentsConnection", paged, paging);
        List<String> whole = noseAuditor.data("seriousIncidents", "{ seriousIncidents { id discoveredOn } }",
                Map.of()).findValuesAsText("id");

        assertThat(whole).hasSize(4);
        assertThat(page.apply(Map.of("first", 1)).path("totalCount").asInt()).isEqualTo(whole.size());
        assertThat(Paging.forward(page, 2, node -> node.path("id").asText())).isEqualTo(whole);
        assertThat(Paging.backward(page, 3, node -> node.path("id").asText())).isEqualTo(whole);
        List<String> days = Paging.forward(page, 2, node -> node.path("discoveredOn").asText());
        assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(callers.kawasakiReader.data("seriousIncidentsConnection", paged, Map.of("first", 5))
                .path("totalCount").asInt()).isZero();
        assertThat(noseAuditor.execute(paged, Map.of("first", 2, "after", "bm9wZQ")).errorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    /** A 重大事故 is counted by auditors: a client's retry after a lost response must not record it twice. */
    @Test
    void givenAnIdempotencyKey_whenTheRequestIsRetried_thenOneIncidentIsRecordedAndOtherContentUnderTheKeyIsRefused() {
        // a municipality of its own, so the other tests' deadlines meet none of these incidents
        MunicipalityCode tadaoka = new MunicipalityCode("27341" + MunicipalityCode.checkDigit("27341"));
        tenants.register(tadaoka, "忠岡町");
        GraphQlClient approver = client(tadaoka, "忠岡", "t-approver", "approver");
        GraphQlClient otherApprover = client(tadaoka, "忠岡", "t-approver-2", "approver");
        GraphQlClient auditor = client(tadaoka, "忠岡", "t-auditor", "auditor");
        Map<String, Object> request = Map.of("on", "2025-02-10", "summary", "委託先での紛失", "key", "req-2025-001");

        JsonNode first = approver.data("recordSeriousIncident", KEYED_INCIDENT, request);
        JsonNode retried = approver.data("recordSeriousIncident", KEYED_INCIDENT, request);
        JsonNode retriedByAnother = otherApprover.data("recordSeriousIncident", KEYED_INCIDENT, request);
        JsonNode otherContent = approver.data("recordSeriousIncident", KEYED_INCIDENT,
                Map.of("on", "2025-02-11", "summary", "委託先での紛失", "key", "req-2025-001"));
        JsonNode anotherKey = approver.data("recordSeriousIncident", KEYED_INCIDENT,
                Map.of("on", "2025-02-10", "summary", "委託先での紛失", "key", "req-2025-002"));
        JsonNode blankKey = approver.data("recordSeriousIncident", KEYED_INCIDENT,
                Map.of("on", "2025-02-10", "summary", "委託先での紛失", "key", " "));

        String id = first.path("incident").path("id").asText();
        assertThat(first.path("__typename").asText()).as(first.toString()).isEqualTo("SeriousIncidentRecorded");
        assertThat(List.of(retried, retriedByAnother)).allSatisfy(retry ->
                assertThat(retry.path("incident")).as("the first record").isEqualTo(first.path("incident")));
        assertThat(otherContent.path("__typename").asText()).isEqualTo("IdempotencyKeyReused");
        assertThat(otherContent.path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(otherContent.path("recordedId").asText()).isEqualTo(id);
        assertThat(anotherKey.path("incident").path("id").asText()).isNotEqualTo(id);
        assertThat(blankKey.path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(blankKey.path("message").asText()).startsWith("idempotencyKey");
        assertThat(auditor.data("seriousIncidents", "{ seriousIncidents { id discoveredOn } }", Map.of())
                .findValuesAsText("id")).containsExactlyInAnyOrder(id, anotherKey.path("incident").path("id").asText());
    }

    @Test
    void givenABadIncident_whenRecorded_thenATypedProblemAndNothingStored() {
        JsonNode future = shimamotoApprover.data("recordSeriousIncident", INCIDENT, Map.of("on",
                LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1).toString(), "summary", "漏えい"));
        JsonNode blank = shimamotoApprover.data("recordSeriousIncident", INCIDENT, Map.of("on", "2025-01-01",
                "summary", " \u200B "));
        JsonNode byEditor = shimamotoEditor.execute(INCIDENT, Map.of("on", "2025-01-01", "summary", "漏えい"))
                .errors();

        assertThat(future.path("message").asText()).startsWith("discoveredOn");
        assertThat(blank.path("message").asText()).startsWith("summary");
        assertThat(List.of(future, blank)).allSatisfy(problem ->
                assertThat(problem.path("code").asText()).isEqualTo("INVALID_INPUT"));
        assertThat(byEditor.get(0).path("extensions").path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(shimamotoAuditor.data("seriousIncidents", "{ seriousIncidents { summary } }", Map.of())
                .findValuesAsText("summary")).doesNotContain("漏えい");
    }

    @Test
    void givenDeadlinesReached_whenTheDailyPassRunsTwice_thenEachIsToldOnceOnItsMunicipalitysTopic() throws Exception {
        String id = PublishedAssessments.startAndPublish(server, issuer, jp.hyoka.server.support.Callers.ASAHIKAWA,
                callers.asahikawaEditor, "見直し時期の事務");
        // the review of the 2025-04-01 publication falls due 2026-04-01, so it is due soon from 2026-01-01
        LocalDate day = LocalDate.of(2026, 1, 3);

        announcer.announce(day);
        announcer.announce(day);
        announcer.announce(day.plusDays(1));

        List<JsonNode> told = told(id);
        assertThat(told).extracting(row -> row.path("kind").asText() + " " + row.path("status").asText() + " "
                + row.path("dueOn").asText() + " on " + row.path("asOf").asText())
                .containsExactly("ANNUAL_REVIEW DUE_SOON 2026-04-01 on 2026-01-03");
        assertThat(told.get(0).path("municipalityCode").asText()).isEqualTo("012041");

        announcer.announce(LocalDate.of(2026, 4, 2));
        assertThat(told(id)).extracting(row -> row.path("status").asText()).containsExactly("DUE_SOON", "OVERDUE");
    }

    @Test
    void givenAStatusReachedLongAgo_whenThePassRuns_thenItIsNotToldAgainEveryHour() throws Exception {
        String id = PublishedAssessments.startAndPublish(server, issuer, jp.hyoka.server.support.Callers.ASAHIKAWA,
                callers.asahikawaEditor, "ずっと前に期限を過ぎた事務");

        announcer.announce(LocalDate.of(2027, 9, 1));      // the review has been overdue since 2026-04-02

        assertThat(told(id)).isEmpty();
    }

    /**
     * The deadline-reached payloads of one assessment (its global id, as the API gives it) in the outbox, in the order
     * written (topic checked too); the outbox names it by its UUID.
     */
    private List<JsonNode> told(String assessmentId) throws SQLException, java.io.IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (Connection connection = owner.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT topic, payload::text FROM integration_outbox
                     WHERE type = 'jp.hyoka.assessment.deadline-reached.v1' AND subject = ? ORDER BY position""")) {
            select.setString(1, AssessmentIds.parse(assessmentId).orElseThrow().toString());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    assertThat(row.getString(1)).isEqualTo("hyoka.municipality.012041");
                    rows.add(new ObjectMapper().readTree(row.getString(2)));
                }
            }
        }
        return rows;
    }

    private static JsonNode deadlines(GraphQlClient caller, String id, String asOf) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("id", id));
        if (asOf != null) {
            variables.put("asOf", asOf);
        }
        return caller.data("assessment", DEADLINES, variables);
    }

    private static List<String> lines(JsonNode assessment) {
        return StreamSupport.stream(assessment.path("deadlines").spliterator(), false)
                .map(d -> d.path("kind").asText() + " " + d.path("dueOn").asText() + " from "
                        + d.path("countedFrom").asText() + " " + d.path("status").asText())
                .toList();
    }

    private GraphQlClient client(String user, String role) {
        return client(SHIMAMOTO, "島本", user, role);
    }

    private GraphQlClient client(MunicipalityCode municipality, String name, String user, String role) {
        return new GraphQlClient(server.getURI(), issuer.issue(user, name + " " + user, municipality, List.of(role)));
    }
}
