package jp.hyoka.server.review;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.server.graphql.GlobalIds;
import jp.hyoka.server.graphql.NodeType;
import jp.hyoka.server.graphql.Requests;

import java.util.HashMap;
import java.util.Optional;

/** {@code ReviewThread} as a node, keyed by the thread's UUID, in the caller's municipality. */
@Singleton
public class ReviewThreadNodes extends NodeType {

    static final String TYPE = "ReviewThread";

    private final ReviewThreadQueries queries;

    public ReviewThreadNodes(ReviewThreadQueries queries) {
        super(TYPE, ThreadNode.class);
        this.queries = queries;
    }

    /** The fields the ReviewThread type reads (a map of its own class, so the Node interface can tell it apart). */
    static final class ThreadNode extends HashMap<String, Object> {
    }

    static String id(ThreadId id) {
        return GlobalIds.encode(TYPE, id.toString());
    }

    @Override
    public Optional<?> load(DataFetchingEnvironment environment, String localKey) {
        return ThreadId.parse(localKey).flatMap(id -> queries.thread(Requests.caller(environment).tenant(), id)
                .stream().findFirst().map(ReviewThreadsWiring::node));
    }
}
