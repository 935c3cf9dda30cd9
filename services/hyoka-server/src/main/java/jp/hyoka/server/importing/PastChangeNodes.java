package jp.hyoka.server.importing;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.graphql.GlobalIds;
import jp.hyoka.server.graphql.NodeType;
import jp.hyoka.server.graphql.Requests;

import java.util.HashMap;
import java.util.Optional;

/**
 * {@code PastChange} as a node: an imported 変更箇所 row, key {@code <assessment uuid>/<content hash>/<row index>}
 * (the row's primary key within its tenant), in the caller's municipality.
 */
@Singleton
public class PastChangeNodes extends NodeType {

    static final String TYPE = "PastChange";

    private final ImportQueries queries;

    public PastChangeNodes(ImportQueries queries) {
        super(TYPE, PastChangeNode.class);
        this.queries = queries;
    }

    /** The fields the PastChange type reads (a map of its own class, so the Node interface can tell it apart). */
    static final class PastChangeNode extends HashMap<String, Object> {
    }

    static String id(AssessmentId assessment, String contentHash, int rowIndex) {
        return GlobalIds.encode(TYPE, assessment + "/" + contentHash + "/" + rowIndex);
    }

    @Override
    public Optional<?> load(DataFetchingEnvironment environment, String localKey) {
        String[] parts = localKey.split("/", 3);
        if (parts.length != 3 || !parts[2].matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return AssessmentId.parse(parts[0]).flatMap(id -> queries.pastChange(Requests.caller(environment).tenant(), id,
                parts[1], Integer.parseInt(parts[2])));
    }
}
