package jp.hyoka.server.components;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.NodeType;
import jp.hyoka.server.graphql.Requests;

import java.util.Optional;

/** {@code ComponentProposal} as a node, keyed as {@link ProposalIds} says, in the caller's municipality. */
@Singleton
public class ProposalNodes extends NodeType {

    private final ComponentUseQueries uses;

    public ProposalNodes(ComponentUseQueries uses) {
        super(ProposalIds.TYPE, ComponentUseQueries.ProposalRow.class);
        this.uses = uses;
    }

    @Override
    public Optional<?> load(DataFetchingEnvironment environment, String localKey) {
        return ProposalIds.decode(id(localKey)).flatMap(id -> uses.proposal(Requests.caller(environment).tenant(), id));
    }
}
