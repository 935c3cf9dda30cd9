package jp.hyoka.server.assessment;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.graphql.NodeType;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.security.Caller;

import java.util.Optional;

/** {@code RepeatEntry} as a node, key {@code <assessment uuid>/<entry id>}, in the caller's municipality. */
@Singleton
public class RepeatEntryNodes extends NodeType {

    static final String TYPE = "RepeatEntry";

    private final AssessmentQueries queries;
    private final AssessmentWiring documents;

    public RepeatEntryNodes(AssessmentQueries queries, AssessmentWiring documents) {
        super(TYPE, DocumentView.EntryNode.class);
        this.queries = queries;
        this.documents = documents;
    }

    @Override
    public Optional<?> load(DataFetchingEnvironment environment, String localKey) {
        String[] parts = localKey.split("/", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        Caller caller = Requests.caller(environment);
        return AssessmentId.parse(parts[0]).flatMap(id -> queries.find(caller.tenant(), id))
                .flatMap(view -> documents.document(caller, view).allEntries().stream()
                        .filter(entry -> entry.entryId().equals(parts[1])).findFirst());
    }
}
