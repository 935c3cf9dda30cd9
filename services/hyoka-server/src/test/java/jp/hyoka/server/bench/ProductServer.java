package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Samples;
import org.axonframework.commandhandling.gateway.CommandGateway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The product side of the HTTP rows: one in-process server (HTTP, GraphQL, Axon, PostgreSQL) on the benchmark's
 * database, its municipalities, signed-in clients, and the documents they edit and read.
 */
final class ProductServer implements AutoCloseable {

    static final String START = """
            mutation { startAssessment(input: {kind: KEY_ITEMS, affairName: "計測の事務"}) {
              __typename ... on AssessmentEdited { revision assessment { id } } } }""";
    static final String ANSWER = """
            mutation($id: ID!, $rev: Int!, $text: String!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "department.name",
                                 value: {text: $text}}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code message } } }""";
    /** Row 8, a selection of a few fields. */
    static final String READ_FEW = """
            query($id: ID!) { assessment(id: $id) { id revision affairName updatedAt } }""";
    /** Row 8, the whole document: every answer with its value, the repeat entries, the completeness. */
    static final String READ_WHOLE = Operations.READ_WHOLE;

    private final EmbeddedServer server;
    private final BenchDatabase database;
    private final List<LeanHttpClient> leanClients = new CopyOnWriteArrayList<>();

    ProductServer(BenchDatabase database) {
        this.database = database;
        this.server = database.startServer(Map.of());
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    BenchDatabase database() {
        return database;
    }

    /** The {@code n}-th benchmark municipality (valid codes with check digit), registered. */
    MunicipalityCode tenant(int n) {
        String five = String.format(Locale.ROOT, "%05d", 90_000 + n);
        MunicipalityCode code = new MunicipalityCode(five + MunicipalityCode.checkDigit(five));
        context().getBean(Tenants.class).register(code, "計測市" + n);
        return code;
    }

    /** A signed-in editor's client for set-up and checks (JDK HttpClient, Jackson trees). */
    GraphQlClient editor(MunicipalityCode tenant, String user) {
        return new GraphQlClient(server.getURI(), token(tenant, user));
    }

    /**
     * A signed-in editor's lean client ({@link LeanHttpClient}): what the measured sides send their requests
     * through. Closed with the server.
     */
    LeanHttpClient leanEditor(MunicipalityCode tenant, String user) {
        LeanHttpClient client = new LeanHttpClient(server.getURI(), "/graphql", token(tenant, user));
        leanClients.add(client);
        return client;
    }

    /** An editor of a document of its own, which it starts (set-up through GraphQlClient), editing it leanly. */
    Editor httpEditor(MunicipalityCode tenant, String user) {
        return new Editor(editor(tenant, user), leanEditor(tenant, user));
    }

    private String token(MunicipalityCode tenant, String user) {
        return context().getBean(DevTokenIssuer.class).issue(user, user, tenant, List.of("editor"));
    }

    /** A new assessment of {@code client}'s municipality: {@code startAssessment}'s AssessmentEdited. */
    static JsonNode start(GraphQlClient client) {
        return client.data("startAssessment", START, Map.of());
    }

    static Caller caller(MunicipalityCode tenant, String user) {
        return new Caller(tenant, new Actor(user, "計測 " + user), Set.of(Caller.EDITOR));
    }

    /** A whole 評価書 (sample 000, 全項目) imported into {@code tenant}; its id once the read models show it. */
    String importWholeDocument(MunicipalityCode tenant, GraphQlClient reader) throws InterruptedException {
        DocumentImport.Result result = context().getBean(DocumentImport.class).importDocument(
                caller(tenant, "bench-importer"), Samples.ALL_ITEMS_000, Samples.bytes(Samples.ALL_ITEMS_000), null,
                null, "benchmark");
        if (!(result.outcome() instanceof EditOutcome.Edited edited)) {
            throw new IllegalStateException("import refused: " + result.outcome());
        }
        String id = edited.assessmentId().value().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reader.data("assessment", READ_FEW, Map.of("id", id)).isNull()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the imported document never became readable");
            }
            Thread.sleep(50);
        }
        return id;
    }

    /**
     * One client editing a document of its own over HTTP, one edit after the other: the document started through
     * {@code setUp}, the edits sent through the lean client, each answer checked (a success, AssessmentEdited, its new
     * revision the next edit's expected one).
     */
    static final class Editor {
        private final LeanHttpClient client;
        private final GraphQlBodies.Edits edits;
        final String id;
        long revision;

        Editor(GraphQlClient setUp, LeanHttpClient client) {
            this.client = client;
            JsonNode started = start(setUp);
            this.id = started.path("assessment").path("id").asText();
            this.revision = started.path("revision").asLong();
            this.edits = new GraphQlBodies.Edits(id, "計測 ");
        }

        /** One answerItem, read-your-writes included (what a client waits for). */
        void edit() {
            LeanHttpClient.Answer answer = client.post(edits.body(revision, revision));
            AnswerScan result = AnswerScan.of(answer, "answerItem");
            if (!"AssessmentEdited".equals(result.typename())) {
                throw new AnswerScan.BadAnswer("edit refused", answer);
            }
            revision = result.requireRevision(answer);
        }
    }

    /** One caller editing a document of its own through the command path (Editing, as the fetcher calls it). */
    static final class InProcessEditor {
        private static final ItemId DEPARTMENT = new ItemId("department.name");
        private final Editing editing;
        private final CommandGateway commands;
        private final Caller caller;
        private final String id;
        private final AssessmentId assessment;
        private long revision;

        InProcessEditor(ApplicationContext context, Caller caller) {
            this.editing = context.getBean(Editing.class);
            this.commands = context.getBean(CommandGateway.class);
            this.caller = caller;
            EditOutcome.Edited started = edited(editing.start(caller, jp.hyoka.domain.form.FormKind.KEY_ITEMS,
                    "計測の事務", null));
            this.assessment = started.assessmentId();
            this.id = assessment.value().toString();
            this.revision = started.revision();
        }

        void edit() {
            revision = edited(editing.answer(caller, id, revision, "department.name", List.of(),
                    new TextAnswer("計測 " + revision), null)).revision();
        }

        /**
         * Row 1 as BENCHMARKS.md defines it, command in → commit: the same AnswerItem, sent through the command
         * gateway, which returns once Axon's unit of work has committed (SimpleCommandBus reports the result after
         * {@code executeWithResult}, whose commit phase commits the unit of work's connection); no read-your-writes
         * wait.
         */
        void commit() {
            revision = commands.<Long>sendAndWait(new AnswerItem(assessment, caller.tenant(), revision, DEPARTMENT,
                    List.of(), new TextAnswer("計測 " + revision), null, caller.actor(), Instant.now()));
        }

        private static EditOutcome.Edited edited(EditOutcome outcome) {
            if (outcome instanceof EditOutcome.Edited edited) {
                return edited;
            }
            throw new IllegalStateException("edit refused: " + outcome);
        }
    }

    /**
     * One client of row 2's command lines (BENCHMARKS.md: single-event commands, "incl. outbox row"): one {@code
     * StartAssessment} after the other through the command gateway, each a new document of the client's, timed until
     * {@code sendAndWait} returns after the unit of work committed its one event ({@code AssessmentStarted}), that
     * event's hash-chain link and its outbox row ({@code assessment.started}) in one durable transaction. Why not
     * {@code AnswerItem} (row 1's command): its {@code ItemAnswered} is not told outside ({@code IntegrationEvents}),
     * so its commit holds no outbox row and would measure less than the row defines.
     */
    static final class DocumentStarter {
        private final CommandGateway commands;
        private final AssessmentCommands ids;
        private final Caller caller;
        private long committed;

        DocumentStarter(ApplicationContext context, Caller caller) {
            this.commands = context.getBean(CommandGateway.class);
            this.ids = context.getBean(AssessmentCommands.class);
            this.caller = caller;
        }

        /** One command in → commit; a refusal or failure throws (never counted). */
        void commit() {
            commands.sendAndWait(new StartAssessment(ids.nextAssessmentId(), caller.tenant(), FormKind.KEY_ITEMS,
                    "計測の事務", caller.actor(), Instant.now()));
            committed++;
        }

        MunicipalityCode tenant() {
            return caller.tenant();
        }

        /** Commands this client saw committed so far (read once its side has ended). */
        long committed() {
            return committed;
        }
    }

    /**
     * Outbox rows and hash-chain links stored for {@code tenants}: row 2's command lines check that each command they
     * counted committed exactly one of each, so the line never measures less than the row defines.
     */
    long[] outboxRowsAndLinks(List<MunicipalityCode> tenants) throws SQLException {
        String[] codes = tenants.stream().map(MunicipalityCode::value).distinct().toArray(String[]::new);
        try (Connection connection = context().getBean(DataSource.class).getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT (SELECT count(*) FROM integration_outbox "
                     + "WHERE tenant_code = ANY (?)), (SELECT count(*) FROM event_chain WHERE tenant_code = ANY (?))")) {
            count.setArray(1, connection.createArrayOf("varchar", codes));
            count.setArray(2, connection.createArrayOf("varchar", codes));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return new long[]{row.getLong(1), row.getLong(2)};
            }
        }
    }

    @Override
    public void close() {
        leanClients.forEach(LeanHttpClient::close);
        server.stop();
    }
}
