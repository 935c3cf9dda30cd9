package jp.hyoka.server.subscriptions;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.NodeWiring;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.security.Caller;

/**
 * The Subscription root fields. Each returns a publisher of its updates ({@link LiveFeeds}); the WebSocket transport
 * ({@code graphql.GraphQlWebSocket}) runs the subscription and sends each update as a {@code next} message.
 */
@Singleton
public class SubscriptionsWiring implements GraphQlFeature {

    /** An assessment that is not the caller's municipality's, or none: the same answer for both. */
    static final String NOT_FOUND = "NOT_FOUND";

    private final LiveFeeds feeds;
    private final NodeWiring nodes;

    public SubscriptionsWiring(LiveFeeds feeds, NodeWiring nodes) {
        this.feeds = feeds;
        this.nodes = nodes;
    }

    @Override
    public String sdlFile() {
        return "subscriptions.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Subscription", type -> type
                .dataFetcher("assessmentChanged", environment -> {
                    Caller caller = Requests.caller(environment);
                    String id = environment.getArgument("assessmentId");
                    return AssessmentIds.parse(id).flatMap(assessment -> feeds.assessmentChanged(caller.tenant(),
                            assessment)).orElseThrow(() -> new ApiException(NOT_FOUND,
                            "No assessment " + id + " in your municipality."));
                })
                .dataFetcher("proposalRaised", environment ->
                        feeds.proposalRaised(Requests.caller(environment).tenant())));
        // Read afresh for each message (not through LinkedAssessments: its per-request cache would live as long as
        // the subscription, and every message after the first would carry the first revision).
        wiring.type("AssessmentChanged", type -> type.dataFetcher("assessment", environment ->
                nodes.load(environment, ((AssessmentChanged) environment.getSource()).assessmentId())));
        wiring.type("ProposalRaised", type -> type.dataFetcher("proposal", environment ->
                nodes.load(environment, ((ProposalRaised) environment.getSource()).proposalId())));
    }
}
