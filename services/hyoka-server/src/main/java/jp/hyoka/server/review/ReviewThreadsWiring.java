package jp.hyoka.server.review;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.assessment.LinkedAssessments;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Results;
import jp.hyoka.server.graphql.Results.ProblemNode;
import jp.hyoka.server.security.Caller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Review threads in GraphQL ({@code review-threads.graphqls}): an assessment's threads, and the mutations that
 * start, reply to, resolve and reopen them, each answering the thread or the typed Problem that says why nothing
 * was stored. Who may do what is the schema's {@code @access}; the municipality is always the caller's.
 */
@Singleton
public class ReviewThreadsWiring implements GraphQlFeature {

    /** A stored change: the thread, read back by the ReviewThreadChanged fields. */
    record ChangedNode(ThreadId threadId) implements Results.Typed {
        @Override
        public String graphQlType() {
            return "ReviewThreadChanged";
        }
    }

    private final ReviewThreads threads;
    private final ReviewThreadQueries queries;
    private final LinkedAssessments linked;

    public ReviewThreadsWiring(ReviewThreads threads, ReviewThreadQueries queries, LinkedAssessments linked) {
        this.threads = threads;
        this.queries = queries;
        this.linked = linked;
    }

    @Override
    public String sdlFile() {
        return "review-threads.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Assessment", type -> type.dataFetcher("reviewThreads", environment -> {
            Caller caller = Requests.caller(environment);
            Object status = environment.getArgument("status");
            return queries.threads(caller.tenant(), ((AssessmentView) environment.getSource()).id(),
                    status == null ? null : status.toString()).stream().map(ReviewThreadsWiring::node).toList();
        }).dataFetcher("reviewThreadsConnection", environment -> {
            Caller caller = Requests.caller(environment);
            Object status = environment.getArgument("status");
            String filter = status == null ? null : status.toString();
            AssessmentId id = ((AssessmentView) environment.getSource()).id();
            return Connection.of(queries.threads(caller.tenant(), id, filter, Requests.page(environment, 20)),
                    ReviewThreadsWiring::node, () -> queries.countThreads(caller.tenant(), id, filter));
        }));
        wiring.type("ReviewThread", type -> type
                .dataFetcher("assessment", environment -> linked.of(environment,
                        (String) environment.<Map<String, Object>>getSource().get("assessmentId")))
                .dataFetcher("comments", environment -> events(environment).stream()
                        .filter(event -> event.text() != null).toList())
                .dataFetcher("events", this::events)
                .dataFetcher("eventsConnection", environment -> {
                    Caller caller = Requests.caller(environment);
                    ThreadId id = (ThreadId) environment.<Map<String, Object>>getSource().get("threadId");
                    return Connection.of(queries.events(caller.tenant(), id, Requests.page(environment, 20)),
                            event -> event, () -> queries.countEvents(caller.tenant(), id));
                }));
        wiring.type("ReviewThreadChanged", type -> type
                .dataFetcher("threadId", environment -> ReviewThreadNodes.id(((ChangedNode) environment.getSource()).threadId()))
                .dataFetcher("thread", environment -> queries.thread(Requests.caller(environment).tenant(),
                                ((ChangedNode) environment.getSource()).threadId()).stream()
                        .map(ReviewThreadsWiring::node).findFirst().orElse(null)));
        wiring.type("Mutation", type -> type
                .dataFetcher("startReviewThread", environment -> change(environment, (caller, input) ->
                        threads.start(caller, (String) input.get("assessmentId"), (String) input.get("itemId"),
                                (String) input.get("entryId"), (String) input.get("text"))))
                .dataFetcher("replyToReviewThread", environment -> change(environment, (caller, input) ->
                        threads.reply(caller, (String) input.get("threadId"), (String) input.get("text"))))
                .dataFetcher("resolveReviewThread", environment -> change(environment, (caller, input) ->
                        threads.resolve(caller, (String) input.get("threadId"))))
                .dataFetcher("reopenReviewThread", environment -> change(environment, (caller, input) ->
                        threads.reopen(caller, (String) input.get("threadId")))));
    }

    private Object change(DataFetchingEnvironment environment,
                          BiFunction<Caller, Map<String, Object>, ReviewThreads.Outcome> command) {
        Caller caller = Requests.caller(environment);
        ReviewThreads.Outcome outcome = command.apply(caller, environment.getArgument("input"));
        if (outcome instanceof ReviewThreads.Refused refused) {
            return new ProblemNode(refused.rejection(), List.of());
        }
        return new ChangedNode(((ReviewThreads.Changed) outcome).threadId());
    }

    private List<ReviewThreadQueries.ThreadEventRow> events(DataFetchingEnvironment environment) {
        Map<String, Object> thread = environment.getSource();
        return queries.events(Requests.caller(environment).tenant(), (ThreadId) thread.get("threadId"));
    }

    /** A thread as the ReviewThread type reads it ({@code threadId} is for the fields read lazily). */
    static Map<String, Object> node(ReviewThreadQueries.ThreadRow row) {
        Map<String, Object> node = new ReviewThreadNodes.ThreadNode();
        node.put("threadId", row.id());
        node.put("id", ReviewThreadNodes.id(row.id()));
        node.put("assessmentId", AssessmentIds.global(row.assessmentId()));
        node.put("itemId", row.itemId());
        node.put("entryId", row.entryId());
        node.put("status", row.status());
        node.put("startedBy", row.startedBy());
        node.put("startedAt", row.startedAt());
        return node;
    }
}
