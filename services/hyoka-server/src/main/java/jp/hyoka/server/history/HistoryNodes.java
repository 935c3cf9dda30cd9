package jp.hyoka.server.history;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.HistoryEntry;
import jp.hyoka.server.assessment.Nodes.HistoryNode;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.GlobalIds;
import jp.hyoka.server.graphql.NodeType;
import jp.hyoka.server.graphql.Requests;

import java.util.Optional;

/** {@code HistoryEntry} as a node: one revision of one assessment, key {@code <assessment uuid>:<revision>}. */
@Singleton
public class HistoryNodes extends NodeType {

    static final String TYPE = "HistoryEntry";

    private final AssessmentQueries queries;
    private final ClasspathFormCatalog forms;

    public HistoryNodes(AssessmentQueries queries, ClasspathFormCatalog forms) {
        super(TYPE, HistoryNode.class);
        this.queries = queries;
        this.forms = forms;
    }

    static String id(HistoryEntry entry) {
        return GlobalIds.encode(TYPE, entry.assessmentId() + ":" + entry.position());
    }

    @Override
    public Optional<?> load(DataFetchingEnvironment environment, String localKey) {
        MunicipalityCode tenant = Requests.caller(environment).tenant();
        String[] parts = localKey.split(":", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        return HistoryEntry.parsePosition(parts[1]).filter(p -> p[1] <= Integer.MAX_VALUE).flatMap(position ->
                AssessmentId.parse(parts[0]).flatMap(id -> queries.find(tenant, id).flatMap(view ->
                        queries.historyEntry(tenant, id, position[0], (int) position[1])
                                .map(entry -> HistoryNode.of(entry, forms.find(view.form()).orElseThrow())))));
    }
}
