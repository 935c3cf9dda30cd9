package jp.hyoka.server.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.server.assessment.AnswerView;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.HistoryEntry;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.Results.Typed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The objects GraphQL resolves against: read-model rows joined with the form revision they belong to, so labels,
 * numbering and option labels always come from the assessment's own form revision.
 */
public final class Nodes {

    private Nodes() {
    }

    /** An answer value with its item, which the ChoiceValue label needs. */
    public record AnswerNode(Answer answer, Item item) {
    }

    public record ItemAnswerNode(Item item, AnswerView answer, List<DocumentView.EntryNode> entries) {
    }

    public record HistoryNode(HistoryEntry entry, Optional<Item> item, FormDefinition form) {
        public static HistoryNode of(HistoryEntry entry, FormDefinition form) {
            return new HistoryNode(entry, Optional.ofNullable(entry.itemId())
                    .filter(ItemId::isWellFormed)
                    .flatMap(id -> form.item(new ItemId(id))), form);
        }
    }

    /** A stored edit the read models did not show in time: still reported, with what the client needs. */
    public record NotYetVisibleNode(String assessmentId, long revision) implements Typed {
        @Override
        public String graphQlType() {
            return "EditNotYetVisible";
        }

        public String code() {
            return "EDIT_NOT_YET_VISIBLE";
        }

        public String message() {
            return "Stored at revision " + revision + ", not yet visible to reads; read it again shortly.";
        }
    }

    /**
     * A stored edit. The assessment is read through {@code read} when a field asks for it (once), not before: a client
     * that selects only the revision costs no read (issue 22, infra/docs/edit-path.md).
     */
    public record EditedNode(Supplier<AssessmentView> read, long revision, String addedEntryId) implements Typed {

        /** The assessment as the read models show it after the edit. */
        public AssessmentView assessment() {
            return read.get();
        }

        @Override
        public String graphQlType() {
            return "AssessmentEdited";
        }
    }

    /** A connection as a map (edges, pageInfo), for lists without a total that add fields of their own. */
    public static <T> Map<String, Object> connection(Page<T> page, java.util.function.Function<T, Object> node) {
        Connection connection = Connection.of(page, node, Connection.UNCOUNTED);
        return Map.of("edges", connection.edges(), "pageInfo", connection.pageInfo());
    }
}
