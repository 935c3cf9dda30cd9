package jp.hyoka.server.search;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.EntryListKey;
import jp.hyoka.domain.assessment.ItemPath;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.EntryPaths;
import jp.hyoka.server.assessment.EntryView;
import jp.hyoka.server.assessment.Nodes;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code searchAssessments} ({@code search.graphqls}): the caller's municipality's affair names and answers that
 * contain the query, best first, each with its assessment, item, 項目 path and a highlighted excerpt.
 */
@Singleton
public class SearchWiring implements GraphQlFeature {

    /** An assessment of the page with what its hits' paths need: its form revision and its repeat entries. */
    private record Document(AssessmentView view, Optional<FormDefinition> form, Map<EntryListKey, List<String>> entries) {
    }

    private static final int DEFAULT_PAGE = 20;

    private final SearchQueries search;
    private final AssessmentQueries assessments;
    private final ClasspathFormCatalog forms;

    public SearchWiring(SearchQueries search, AssessmentQueries assessments, ClasspathFormCatalog forms) {
        this.search = search;
        this.assessments = assessments;
        this.forms = forms;
    }

    @Override
    public String sdlFile() {
        return "search.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("searchAssessments", this::searchAssessments));
    }

    private Map<String, Object> searchAssessments(DataFetchingEnvironment environment) {
        MunicipalityCode tenant = Requests.caller(environment).tenant();
        PageRequest page = Requests.page(environment, DEFAULT_PAGE);
        String raw = environment.getArgument("query");
        SearchQuery query = SearchQuery.of(raw).orElseThrow(() -> new ApiException(ApiException.BAD_USER_INPUT,
                "query must contain something to search for."));
        if (query.length() > SearchQuery.MAX_LENGTH) {
            throw new ApiException(ApiException.BAD_USER_INPUT,
                    "query must be at most " + SearchQuery.MAX_LENGTH + " characters.");
        }
        SearchQueries.Hits hits;
        try {
            hits = search.search(tenant, query, page);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
        }
        Map<AssessmentId, Document> documents = new HashMap<>();
        Map<String, Object> connection = new HashMap<>(Nodes.connection(hits.page(), hit -> node(
                documents.computeIfAbsent(new AssessmentId(hit.assessmentId()), id -> document(tenant, id)), hit, query)));
        connection.put("totalCount", hits.totalCount());
        return connection;
    }

    /** A matching answer's assessment: rm_answer and rm_assessment are written (and rebuilt) together. */
    private Document document(MunicipalityCode tenant, AssessmentId id) {
        return assessments.find(tenant, id).map(view -> {
            Map<EntryListKey, List<String>> entries = new HashMap<>();
            assessments.entries(tenant, id).stream().sorted(Comparator.comparingInt(EntryView::position))
                    .forEach(entry -> entries.computeIfAbsent(new EntryListKey(entry.groupId(), entry.parentEntries()),
                            key -> new ArrayList<>()).add(entry.entryId()));
            return new Document(view, forms.find(view.form()), entries);
        }).orElseThrow(() -> new IllegalStateException("an answer of assessment " + id + " without its assessment"));
    }

    private static Map<String, Object> node(Document document, SearchQueries.Hit hit, SearchQuery query) {
        List<String> entryIds = EntryPaths.split(hit.entryPath());
        Optional<Item> item = ItemId.isWellFormed(hit.itemId())
                ? document.form().flatMap(form -> form.item(new ItemId(hit.itemId())))
                : Optional.empty();
        Excerpt excerpt = Excerpt.of(hit.text(), query.text());
        Map<String, Object> node = new HashMap<>();
        node.put("assessment", document.view());
        node.put("matchedIn", hit.inAffairName() ? "AFFAIR_NAME" : "ANSWER");
        node.put("itemId", hit.itemId());
        node.put("entryIds", entryIds);
        node.put("item", item.orElse(null));
        node.put("itemPath", item.map(found -> ItemPath.of(document.form().orElseThrow(), found, entryIds,
                document.entries())).orElse(hit.itemId()));
        node.put("excerpt", Map.of("text", excerpt.text(), "html", excerpt.html(), "highlights",
                excerpt.highlights().stream().map(range -> Map.of("start", range.start(), "length", range.length()))
                        .toList()));
        node.put("score", hit.score());
        return node;
    }
}
