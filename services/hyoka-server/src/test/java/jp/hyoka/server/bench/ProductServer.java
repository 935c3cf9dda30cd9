package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    GraphQlClient editor(MunicipalityCode tenant, String user) {
        String token = context().getBean(DevTokenIssuer.class).issue(user, user, tenant, List.of("editor"));
        return new GraphQlClient(server.getURI(), token);
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

    /** One client editing a document of its own over HTTP, one edit after the other. */
    static final class Editor {
        private final GraphQlClient client;
        final String id;
        long revision;

        Editor(GraphQlClient client) {
            this.client = client;
            JsonNode started = client.data("startAssessment", START, Map.of());
            this.id = started.path("assessment").path("id").asText();
            this.revision = started.path("revision").asLong();
        }

        /** One answerItem, read-your-writes included (what a client waits for). */
        void edit() {
            JsonNode result = client.data("answerItem", ANSWER, Map.of("id", id, "rev", revision,
                    "text", "計測 " + revision));
            if (!result.path("__typename").asText().equals("AssessmentEdited")) {
                throw new IllegalStateException("edit refused: " + result);
            }
            revision = result.path("revision").asLong();
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

    @Override
    public void close() {
        server.stop();
    }
}
