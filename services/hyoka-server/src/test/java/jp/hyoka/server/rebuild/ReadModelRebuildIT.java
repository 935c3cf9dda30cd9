package jp.hyoka.server.rebuild;

import jp.hyoka.server.assessment.AssessmentIds;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.ReadModels;
import jp.hyoka.server.database.TenantScopedReads;
import jp.hyoka.server.rebuild.ReadModelRebuilds;
import jp.hyoka.server.rebuild.ReadModelTables;
import jp.hyoka.server.rebuild.RebuildState;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.FormOperations;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.LockWaits;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.LifeEvents;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.ReviewThreadCalls;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import jp.hyoka.server.components.CatalogueSeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read models rebuilt from the events equal the live ones: two municipalities import published samples and edit
 * (every kind of event), a platform operator rebuilds, and every rm_* table holds, after the switch, exactly the
 * rows it held before — all columns, in order — under the same names, indexes, grants and row-level-security
 * policies. Edits made while a rebuild runs, and while it switches, are neither lost nor applied twice.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelRebuildIT extends SignedInServerTest {

    private static final String REBUILD = RebuildOperations.REBUILD;
    private static final String SWITCH = RebuildOperations.SWITCH;
    private static final String STATUS = RebuildOperations.STATUS;
    private static final String IMPORT_ANNEX = """
            mutation($id: ID!, $rev: Int!, $content: String!) {
              importChangeAnnex(input: {assessmentId: $id, expectedRevision: $rev, fileName: "001.txt",
                                        contentBase64: $content}) {
                __typename ... on ChangeAnnexImported { revision } ... on Problem { code message }
              }
            }""";
    private static final String ANSWER = """
            mutation($id: ID!, $rev: Int!, $item: ID!, $value: AnswerInput!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: $item, value: $value}) {
                __typename ... on AssessmentEdited { revision } ... on EditNotYetVisible { revision }
                ... on Problem { code message }
              }
            }""";

    /** The shared-component catalogue: platform rows, public to every signed-in caller (no tenant, no policy). */
    /** Platform tables the reader role reads (the catalogue); the fan-out counts are for operators only. */
    private static final List<String> PUBLIC_TABLES = List.of("rm_shared_component", "rm_shared_component_version");
    private static final List<String> PLATFORM_TABLES = List.of("rm_shared_component", "rm_shared_component_version",
            "rm_component_fan_out");
    private static final List<String> TENANT_TABLES =
            ReadModelTables.ALL.stream().filter(table -> !PLATFORM_TABLES.contains(table)).toList();

    @Inject
    DataSource dataSource;
    @Inject
    TenantScopedReads reads;
    @Inject
    Configuration axon;
    @Inject
    ReadModelRebuilds rebuilds;
    @Inject
    CatalogueSeed catalogue;

    private GraphQlClient operator;
    private GraphQlClient approver;
    private String drafted;
    private int draftedRevision;

    @BeforeAll
    void twoMunicipalitiesImportAndEdit() {
        operator = new GraphQlClient(server.getURI(), issuer.issue("operator", "運用 太郎", null,
                List.of("platform-operator")));
        approver = new GraphQlClient(server.getURI(), issuer.issue("k-approver", "川崎 承認", Callers.KAWASAKI,
                List.of("approver")));
        catalogue.seed();           // the samples' boilerplate is linked, and uses behind a newer version get proposals
        importSample(callers.kawasakiEditor, Samples.ALL_ITEMS_000);
        String asahikawa = importSample(callers.asahikawaEditor, Samples.ALL_ITEMS_000); // both municipalities in every table
        ReviewThreadCalls.start(callers.asahikawaEditor, asahikawa, null, null, "全体の用語を統一");
        importSample(callers.asahikawaEditor, Samples.KEY_ITEMS_004);
        LifeEvents.publishEndAndIncident(server, issuer, Callers.ASAHIKAWA, callers.asahikawaEditor);
        LifeEvents.publishEndAndIncident(server, issuer, Callers.KAWASAKI, callers.kawasakiEditor);

        // A typed assessment with every other kind of event: entries added, moved, removed, answers given and
        // cleared, a form migration, a publication, the next version and an imported annex.
        drafted = callers.kawasakiEditor.data("startAssessment", FormOperations.START_ON, Map.of("kind", "KEY_ITEMS",
                "name", "再構築の確認", "version", "2024")).path("assessment").path("id").asText();
        draftedRevision = 1;
        String first = edit(callers.kawasakiEditor, "addRepeatEntry", FormOperations.ADD_ENTRY,
                Map.of("group", "system")).path("addedEntryId").asText();
        String second = edit(callers.kawasakiEditor, "addRepeatEntry", FormOperations.ADD_ENTRY,
                Map.of("group", "system")).path("addedEntryId").asText();
        edit(callers.kawasakiEditor, "answerItem", FormOperations.ANSWER_IN, Map.of("item", "system.name",
                "entries", List.of(second), "value", Map.of("text", "中間サーバー")));
        ReviewThreadCalls.replyResolveReopen(callers.kawasakiEditor, ReviewThreadCalls.start(callers.kawasakiEditor,
                drafted, "system.name", second, "<p>名称の確認</p>"));
        edit(callers.kawasakiEditor, "moveRepeatEntry", FormOperations.MOVE_ENTRY, Map.of("group", "system",
                "entry", second, "to", 0));
        edit(callers.kawasakiEditor, "removeRepeatEntry", FormOperations.REMOVE_ENTRY, Map.of("group", "system",
                "entry", first));
        edit(callers.kawasakiEditor, "answerItem", ANSWER, Map.of("item", "affair.target-population",
                "value", Map.of("selection", Map.of("code", "under-1k"))));
        edit(callers.kawasakiEditor, "answerItem", ANSWER, Map.of("item", "affair.description",
                "value", Map.of("richText", "<p>再構築の前</p>")));
        edit(callers.kawasakiEditor, "clearAnswer", Operations.CLEAR, Map.of("item", "affair.description"));
        edit(callers.kawasakiEditor, "migrateFormRevision", FormOperations.MIGRATE, Map.of("version", "2025"));
        edit(approver, "publishVersion", Operations.PUBLISH, Map.of());
        edit(callers.kawasakiEditor, "startNextVersion", Operations.NEXT_VERSION, Map.of());
        edit(callers.kawasakiEditor, "importChangeAnnex", IMPORT_ANNEX, Map.of("content",
                Base64.getEncoder().encodeToString(Samples.bytes(Samples.ANNEX_ONLY_001))));

        // The platform's catalogue: a component with a published version and an open draft of the next.
        curate("registerSharedComponent", """
                registerSharedComponent(input: {componentId: "government-cloud.rebuild-check",
                    family: "government-cloud", name: "ガバメントクラウドにおける措置", issuer: "デジタル庁",
                    fits: [{kind: KEY_ITEMS, version: "2025", itemId: "file.storage.location"}]})""");
        for (int version = 1; version <= 2; version++) {
            curate("draftComponentVersion", """
                    draftComponentVersion(input: {componentId: "government-cloud.rebuild-check", version: %d,
                        text: "<p>{{#}}ガバメントクラウドの第%d版</p>", effectiveFrom: "2025-0%d-01", note: "通知",
                        timing: BEFORE, explanation: "ガバメントクラウドへの移行に伴う変更"})""".formatted(version,
                    version, version + 3));
            if (version == 1) {
                curate("submitComponentVersion", "submitComponentVersion(input: {componentId: "
                        + "\"government-cloud.rebuild-check\", version: 1})");
                curate("publishComponentVersion", "publishComponentVersion(input: {componentId: "
                        + "\"government-cloud.rebuild-check\", version: 1})");
            }
        }
    }

    private void curate(String field, String call) {
        JsonNode result = operator.data(field, "mutation { " + call + " { __typename ... on Problem { code message } } }",
                Map.of());
        assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("SharedComponentChanged");
    }

    @Test
    @Order(1)
    void givenNoRebuildYet_whenAskedOrSwitched_thenThereIsNoneToReportOrSwitch() {
        assertThat(operator.data("readModelRebuild", STATUS, Map.of()).isNull()).isTrue();

        JsonNode refused = operator.data("switchReadModels", SWITCH, Map.of());
        assertThat(refused.path("__typename").asText()).isEqualTo("NoRebuildActive");
        assertThat(refused.path("code").asText()).isEqualTo("NO_REBUILD_ACTIVE");
    }

    @Test
    @Order(2)
    void givenEveryTable_whenListed_thenTheRebuildReplacesEveryReadModelTable() throws SQLException {
        assertThat(ReadModelTables.ALL).containsExactlyInAnyOrderElementsOf(ReadModelSnapshot.readModelTables(dataSource));
    }

    @Test
    @Order(3)
    void givenImportsAndEdits_whenRebuilt_thenEveryReadModelTableHoldsTheSameRowsUnderTheSameDefinition()
            throws SQLException {
        awaitLiveCaughtUp();
        Map<String, List<String>> rowsBefore = ReadModelSnapshot.rows(dataSource, ReadModelTables.ALL);
        Map<String, List<String>> catalogBefore = ReadModelSnapshot.catalog(dataSource, ReadModelTables.ALL);
        Set<Long> tableIdsBefore = tableIds();
        long events = ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry");

        JsonNode started = operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "WHEN_CAUGHT_UP"));
        assertThat(started.path("state").asText()).isIn("RUNNING", "CAUGHT_UP", "SWITCHED");
        assertThat(started.path("processor").asText()).startsWith("read-models-rebuild-");
        JsonNode switched = awaitRebuild(status -> status.path("state").asText().equals("SWITCHED"));

        assertThat(switched.path("eventsProcessed").asLong()).isEqualTo(events);
        assertThat(switched.path("position").asLong()).isEqualTo(switched.path("headPosition").asLong());
        assertThat(switched.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(switched.path("pauseMillis").asLong()).isNotNegative();
        List<String> tables = new ArrayList<>();
        switched.path("tables").forEach(table -> tables.add(table.asText()));
        assertThat(tables).isEqualTo(ReadModelTables.ALL);
        assertThat(switched.path("error").isNull()).isTrue();
        awaitLiveCaughtUp();
        assertThat(tableIds()).as("the tables are new ones").doesNotContainAnyElementsOf(tableIdsBefore);
        Map<String, List<String>> rowsAfter = ReadModelSnapshot.rows(dataSource, ReadModelTables.ALL);
        for (String table : ReadModelTables.ALL) {
            assertThat(rowsBefore.get(table)).as(table + " has rows").isNotEmpty();
            assertThat(rowsAfter.get(table)).as(table).containsExactlyElementsOf(rowsBefore.get(table));
        }
        assertThat(ReadModelSnapshot.catalog(dataSource, ReadModelTables.ALL)).isEqualTo(catalogBefore);
        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM pg_namespace WHERE nspname = 'rm_rebuild'"))
                .as("the shadow schema is gone").isZero();
        assertThat(ReadModelSnapshot.count(dataSource,
                "SELECT count(*) FROM tokenentry WHERE processorname LIKE 'read-models-rebuild-%'")).isZero();
    }

    @Test
    @Order(4)
    void givenTheSwitchedTables_whenEachMunicipalityReads_thenRowLevelSecurityStillIsolatesThem() throws SQLException {
        for (String table : TENANT_TABLES) {
            assertThat(scopedTenants(Callers.KAWASAKI, table)).as(table).containsExactly("141305");
            assertThat(scopedTenants(Callers.ASAHIKAWA, table)).as(table).containsExactly("012041");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE hyoka_reader");
                for (String table : TENANT_TABLES) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        rows.next();
                        assertThat(rows.getLong(1)).as(table + " without a tenant").isZero();
                    }
                }
                for (String table : PUBLIC_TABLES) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        rows.next();
                        assertThat(rows.getLong(1)).as(table + " is public to the reader role, still granted")
                                .isPositive();
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertThat(callers.kawasakiEditor.data("assessments", Operations.LIST, Map.of("first", 100))
                .findValuesAsText("affairName")).contains("再構築の確認").hasSize(3);    // + imported, ended
        assertThat(callers.asahikawaEditor.data("assessments", Operations.LIST, Map.of("first", 100))
                .findValuesAsText("affairName")).doesNotContain("再構築の確認").hasSize(3);    // 2 imported, 1 ended
        assertThat(callers.asahikawaEditor.data("assessment", Operations.DOCUMENT, Map.of("id", drafted)).isNull())
                .isTrue();
        String search = "{ searchAssessments(query: \"再構築の確\") { totalCount } }";
        assertThat(callers.kawasakiEditor.data("searchAssessments", search, Map.of()).path("totalCount").asInt())
                .as("the search reads the switched rm_answer").isPositive();
        assertThat(callers.asahikawaEditor.data("searchAssessments", search, Map.of()).path("totalCount").asInt())
                .isZero();
    }

    @Test
    @Order(5)
    void givenAManualRebuild_whenEditsArriveWhileItRunsAndAfterItCaughtUp_thenTheSwitchedReadModelsHaveThem()
            throws SQLException {
        JsonNode started = operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "MANUAL"));
        answer("affair.name", "途中の編集 1");
        JsonNode caughtUp = awaitRebuild(status -> status.path("state").asText().equals("CAUGHT_UP"));
        answer("affair.name", "途中の編集 2");
        answer("affair.target-population", Map.of("selection", Map.of("code", "1k-to-10k")));
        long events = ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry");
        JsonNode following = awaitRebuild(status -> status.path("eventsProcessed").asLong() == events);

        assertThat(started.path("switchOver").asText()).isEqualTo("MANUAL");
        assertThat(caughtUp.path("caughtUpAt").isNull()).isFalse();
        assertThat(following.path("state").asText()).as("it follows and waits").isEqualTo("CAUGHT_UP");
        awaitLiveCaughtUp();
        Map<String, List<String>> before = ReadModelSnapshot.rows(dataSource, ReadModelTables.ALL);

        JsonNode switched = operator.data("switchReadModels", SWITCH, Map.of());

        assertThat(switched.path("state").asText()).isEqualTo("SWITCHED");
        assertThat(switched.path("processor").asText()).isEqualTo(started.path("processor").asText());
        awaitLiveCaughtUp();
        assertThat(ReadModelSnapshot.rows(dataSource, ReadModelTables.ALL)).isEqualTo(before);
        JsonNode document = callers.kawasakiEditor.data("assessment", Operations.DOCUMENT, Map.of("id", drafted));
        assertThat(document.path("affairName").asText()).isEqualTo("途中の編集 2");
        assertThat(document.path("revision").asInt()).isEqualTo(draftedRevision);
        assertThat(document.path("answers").findValuesAsText("code")).contains("1k-to-10k");
    }

    @Test
    @Order(6)
    void givenEditsWhileARebuildRunsAndWhileItSwitches_whenAllIsProjected_thenNoEventIsLostOrAppliedTwice()
            throws Exception {
        operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "MANUAL"));
        String whileRunning = answer("affair.name", "再構築中の編集");
        long runningEdit = lastPosition(drafted);
        awaitRebuild(status -> status.path("state").asText().equals("CAUGHT_UP")
                && status.path("position").asLong() >= runningEdit);
        ExecutorService requests = Executors.newFixedThreadPool(2);
        CompletableFuture<String> switchingEdit;
        CompletableFuture<JsonNode> switching;
        long switchWindowEdit;
        // The switch locks every live table; holding one of them keeps it half done (the copy stopped, the live
        // processor paused, the swap waiting) for as long as this transaction lasts.
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("LOCK TABLE public.rm_edit_history IN ACCESS SHARE MODE");
            }
            switching = CompletableFuture.supplyAsync(() -> operator.data("switchReadModels", SWITCH, Map.of()),
                    requests);
            assertThat(LockWaits.await(dataSource, 1, Duration.ofSeconds(20))).singleElement().asString()
                    .contains("LOCK TABLE");
            switchingEdit = CompletableFuture.supplyAsync(() -> answer("affair.name", "切り替え中の編集"), requests);
            switchWindowEdit = awaitStoredAfter(drafted, runningEdit);
            // Asked of the bean: what the switch holds is what matters here, not another HTTP round trip.
            assertThat(rebuilds.status().orElseThrow().state()).as("the edit is stored while the switch waits")
                    .isEqualTo(RebuildState.CAUGHT_UP);
            blocker.rollback();
        }
        String written = switchingEdit.get();
        switching.get();
        requests.shutdown();
        JsonNode switched = awaitRebuild(status -> status.path("state").asText().equals("SWITCHED"));
        awaitLiveCaughtUp();

        assertThat(switched.path("position").asLong()).as("the copy had the edit made while the rebuild ran")
                .isGreaterThanOrEqualTo(runningEdit)
                .as("the edit made during the switch came after the copy stopped").isLessThan(switchWindowEdit);
        assertThat(whileRunning).isNotEqualTo(written);
        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM rm_edit_history WHERE assessment_id = '"
                + AssessmentIds.parse(drafted).orElseThrow() + "' AND revision >= " + (draftedRevision - 1))).as("both edits, once each").isEqualTo(2);
        assertThat(switched.path("error").isNull()).isTrue();
        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM rm_edit_history WHERE line = 0"))
                .as("one history row (its line 0) per assessment event").isEqualTo(ReadModelSnapshot.count(dataSource,
                        "SELECT count(*) FROM domainevententry WHERE type = 'AssessmentAggregate'"));
        assertThat(ReadModelSnapshot.count(dataSource, """
                SELECT count(*) FROM rm_assessment a JOIN (SELECT aggregateidentifier, max(sequencenumber) + 1 AS revision
                    FROM domainevententry GROUP BY aggregateidentifier) e ON e.aggregateidentifier = a.assessment_id::text
                WHERE a.revision <> e.revision""")).as("every document at its last event").isZero();
        JsonNode document = callers.kawasakiEditor.data("assessment", Operations.DOCUMENT, Map.of("id", drafted));
        assertThat(document.path("affairName").asText()).isEqualTo(written);
        assertThat(document.path("revision").asInt()).isEqualTo(draftedRevision);

        // What the live processor added after the switch equals what a rebuild from scratch makes of it.
        Map<String, List<String>> before = ReadModelSnapshot.rows(dataSource, ReadModelTables.ALL);
        operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "WHEN_CAUGHT_UP"));
        awaitRebuild(status -> status.path("state").asText().equals("SWITCHED"));
        awaitLiveCaughtUp();
        assertThat(ReadModelSnapshot.rows(dataSource, ReadModelTables.ALL)).isEqualTo(before);
    }

    @Test
    @Order(7)
    void givenACopyThatCannotTakeAnEvent_whenTheRebuildFails_thenTheLiveReadModelsAreUntouchedAndServe()
            throws SQLException {
        operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "MANUAL"));
        awaitRebuild(status -> status.path("state").asText().equals("CAUGHT_UP"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE rm_rebuild.rm_edit_history");
        }
        answer("affair.name", "失敗の後も");

        JsonNode failed = awaitRebuild(status -> status.path("state").asText().equals("FAILED"));

        assertThat(failed.path("error").asText()).contains("rm_edit_history");
        JsonNode document = callers.kawasakiEditor.data("assessment", Operations.DOCUMENT, Map.of("id", drafted));
        assertThat(document.path("affairName").asText()).isEqualTo("失敗の後も");
        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM rm_edit_history WHERE assessment_id = '"
                + AssessmentIds.parse(drafted).orElseThrow() + "' AND revision = " + draftedRevision)).as("the live history has it once").isEqualTo(1);
        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM pg_namespace WHERE nspname = 'rm_rebuild'"))
                .isZero();
        assertThat(ReadModelSnapshot.count(dataSource,
                "SELECT count(*) FROM tokenentry WHERE processorname LIKE 'read-models-rebuild-%'")).isZero();
        assertThat(operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "WHEN_CAUGHT_UP"))
                .path("state").asText()).as("a new rebuild may start").isNotEqualTo("FAILED");
        assertThat(awaitRebuild(status -> !status.path("state").asText().matches("RUNNING|CAUGHT_UP"))
                .path("state").asText()).isEqualTo("SWITCHED");
    }

    @Test
    @Order(8)
    void givenAnEditorOrAnAuditor_whenTheyAskForARebuild_thenTheyAreForbidden() {
        for (GraphQlClient caller : List.of(callers.kawasakiEditor, callers.kawasakiReader)) {
            assertThat(caller.execute(REBUILD, Map.of()).errors().findValuesAsText("code")).containsExactly("FORBIDDEN");
            assertThat(caller.execute(STATUS, Map.of()).errors().findValuesAsText("code")).containsExactly("FORBIDDEN");
        }
    }

    private String importSample(GraphQlClient editor, String sample) {
        return Imports.importedId(editor, sample);
    }

    /** An edit of the typed assessment at its current revision; returns the result, keeping the revision. */
    private JsonNode edit(GraphQlClient client, String field, String operation, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("id", drafted);
        all.put("rev", draftedRevision);
        JsonNode result = client.data(field, operation, all);
        assertThat(result.path("__typename").asText()).as(field + " " + result).isIn("AssessmentEdited",
                "ChangeAnnexImported");
        draftedRevision = result.path("revision").asInt();
        return result;
    }

    private synchronized String answer(String item, String text) {
        answer(item, Map.of("text", text));
        return text;
    }

    /** Stored even when the read models were paused past the wait (EditNotYetVisible names the revision). */
    private synchronized void answer(String item, Map<String, Object> value) {
        JsonNode result = callers.kawasakiEditor.data("answerItem", ANSWER, Map.of("id", drafted,
                "rev", draftedRevision, "item", item, "value", value));
        assertThat(result.path("__typename").asText()).as(result.toString())
                .isIn("AssessmentEdited", "EditNotYetVisible");
        draftedRevision = result.path("revision").asInt();
    }

    /** The global position of the assessment's newest event. */
    private long lastPosition(String assessment) throws SQLException {
        return ReadModelSnapshot.count(dataSource, "SELECT max(globalindex) FROM domainevententry "
                + "WHERE aggregateidentifier = '" + AssessmentIds.parse(assessment).orElseThrow() + "'");
    }

    /** Waits until the assessment has an event after {@code position}; returns its position. */
    private long awaitStoredAfter(String assessment, long position) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long last = lastPosition(assessment);
        while (last <= position) {
            assertThat(System.nanoTime()).as("an event of " + assessment + " after " + position).isLessThan(deadline);
            sleep(5);
            last = lastPosition(assessment);
        }
        return last;
    }

    private JsonNode awaitRebuild(Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = operator.data("readModelRebuild", STATUS, Map.of());
        while (!condition.test(status)) {
            assertThat(System.nanoTime()).as("rebuild status " + status).isLessThan(deadline);
            assertThat(status.path("state").asText()).as(status.toString()).isNotEqualTo("FAILED");
            sleep(25);
            status = operator.data("readModelRebuild", STATUS, Map.of());
        }
        return status;
    }

    /** Waits until the live read-model processor has projected the newest event. */
    private void awaitLiveCaughtUp() throws SQLException {
        TrackingEventProcessor live = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        long head = ReadModelSnapshot.count(dataSource, "SELECT coalesce(max(globalindex), 0) FROM domainevententry");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (live.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .noneMatch(position -> position.isPresent() && position.getAsLong() >= head)) {
            assertThat(System.nanoTime()).as("the live processor reaches " + head).isLessThan(deadline);
            sleep(10);
        }
    }

    private Set<Long> tableIds() throws SQLException {
        Set<Long> ids = new HashSet<>();
        for (String table : ReadModelTables.ALL) {
            ids.add(ReadModelSnapshot.count(dataSource, "SELECT 'public." + table + "'::regclass::oid::bigint"));
        }
        return ids;
    }

    private Set<String> scopedTenants(MunicipalityCode tenant, String table) {
        return ReadModelSnapshot.tenantsSeen(reads, tenant, table);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
